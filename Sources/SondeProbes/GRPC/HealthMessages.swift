import NIOCore

/// The two grpc.health.v1 messages on the wire, written and read by hand: HealthCheckRequest
/// `{ string service = 1; }` and HealthCheckResponse `{ ServingStatus status = 1; }` are a few
/// bytes of protobuf each, not worth a code generator and a runtime package.
enum HealthMessages {
    static let path = "/grpc.health.v1.Health/Check"

    /// The request, inside gRPC's length prefix (one byte "not compressed", four bytes of length).
    static func request(service: String) -> ByteBuffer {
        var message: [UInt8] = []
        // proto3 leaves a field at its default (the empty string) out.
        if !service.isEmpty {
            let bytes = Array(service.utf8)
            message = [ProtobufWire.key(field: 1, wireType: ProtobufWire.lengthDelimited)] + ProtobufWire.varint(UInt64(bytes.count)) + bytes
        }
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt8(0))
        buffer.writeInteger(UInt32(message.count))
        buffer.writeBytes(message)
        return buffer
    }

    /// The serving status in a response body (the length-prefixed message); what was wrong with it otherwise.
    static func servingStatus(inBody body: ByteBuffer) -> Result<UInt64, HealthMessageError> {
        var body = body
        guard let compressed = body.readInteger(as: UInt8.self), let length = body.readInteger(as: UInt32.self) else {
            return .failure(.init("the response has no gRPC message (\(body.readableBytes) bytes of body)"))
        }
        guard compressed == 0 else { return .failure(.init("the response message is compressed, which Sonde did not ask for")) }
        guard let message = body.readBytes(length: Int(length)) else {
            return .failure(.init("the response message is cut short (\(body.readableBytes) of \(length) bytes)"))
        }
        return ProtobufWire.varintField(1, in: message)
    }
}

struct HealthMessageError: Error, Equatable {
    let text: String

    init(_ text: String) {
        self.text = text
    }
}

/// Just enough protobuf: varints, field keys, and skipping the fields a reader does not want.
enum ProtobufWire {
    static let varintType: UInt8 = 0, fixed64: UInt8 = 1, lengthDelimited: UInt8 = 2, fixed32: UInt8 = 5

    static func key(field: UInt8, wireType: UInt8) -> UInt8 { field << 3 | wireType }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
        return out
    }

    /// Reads a varint at `index`, moving past it; nil when the bytes end first or it runs past 10 bytes.
    static func readVarint(_ bytes: [UInt8], _ index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    /// The last value of varint field `field` (protobuf's rule for a repeated scalar), 0 when absent.
    static func varintField(_ field: UInt64, in bytes: [UInt8]) -> Result<UInt64, HealthMessageError> {
        var index = 0
        var found: UInt64 = 0
        while index < bytes.count {
            guard let key = readVarint(bytes, &index) else { return .failure(HealthMessageError("the response message ends inside a field key")) }
            let wireType = UInt8(key & 7)
            switch wireType {
            case varintType:
                guard let value = readVarint(bytes, &index) else { return .failure(HealthMessageError("the response message ends inside a number")) }
                if key >> 3 == field { found = value }
            case fixed64, fixed32:
                index += wireType == fixed64 ? 8 : 4
            case lengthDelimited:
                guard let length = readVarint(bytes, &index), length <= UInt64(bytes.count - index) else {
                    return .failure(HealthMessageError("the response message has a field longer than the message"))
                }
                index += Int(length)
            default:
                return .failure(HealthMessageError("the response message is not protobuf (wire type \(wireType))"))
            }
        }
        guard index == bytes.count else { return .failure(HealthMessageError("the response message ends inside a field")) }
        return .success(found)
    }
}
