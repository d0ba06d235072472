import NIOCore
import NIOHPACK
import SondeCore
import Testing
@testable import SondeProbes

/// The hand-written protobuf and gRPC framing of the Health/Check messages, byte by byte, and
/// the verdict on answers a real server could send.
@Suite("gRPC health messages on the wire")
struct GRPCWireTests {
    @Test func requestBytes() {
        #expect(Array(buffer: HealthMessages.request(service: "")) == [0, 0, 0, 0, 0])
        #expect(Array(buffer: HealthMessages.request(service: "billing")) == [0, 0, 0, 0, 9, 0x0A, 7] + Array("billing".utf8))
        // A name of 200 bytes needs a two-byte length varint (200 = 0xC8 0x01).
        let long = String(repeating: "s", count: 200)
        #expect(Array(Array(buffer: HealthMessages.request(service: long)).prefix(8)) == [0, 0, 0, 0, 203, 0x0A, 0xC8, 0x01])
    }

    @Test func varintsRoundTrip() {
        for value: UInt64 in [0, 1, 127, 128, 300, 16_383, 16_384, UInt64.max] {
            let bytes = ProtobufWire.varint(value)
            var index = 0
            #expect(ProtobufWire.readVarint(bytes, &index) == value)
            #expect(index == bytes.count)
        }
        var index = 0
        #expect(ProtobufWire.readVarint([0x80, 0x80], &index) == nil)
    }

    private func body(_ message: [UInt8], compressed: UInt8 = 0, declaredLength: UInt32? = nil) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(compressed)
        buffer.writeInteger(declaredLength ?? UInt32(message.count))
        buffer.writeBytes(message)
        return buffer
    }

    @Test func responseStatusAndItsProblems() {
        #expect(HealthMessages.servingStatus(inBody: body([0x08, 0x01])) == .success(1))
        // proto3 leaves the default out: an empty message is UNKNOWN (0).
        #expect(HealthMessages.servingStatus(inBody: body([])) == .success(0))
        // Unknown fields (a string 2, a fixed32 3) are skipped.
        #expect(HealthMessages.servingStatus(inBody: body([0x12, 0x02, 0x61, 0x62, 0x1D, 1, 2, 3, 4, 0x08, 0x02])) == .success(2))
        #expect(HealthMessages.servingStatus(inBody: ByteBuffer()) == .failure(HealthMessageError("the response has no gRPC message (0 bytes of body)")))
        #expect(HealthMessages.servingStatus(inBody: body([0x08, 0x01], compressed: 1))
            == .failure(HealthMessageError("the response message is compressed, which Sonde did not ask for")))
        #expect(HealthMessages.servingStatus(inBody: body([0x08, 0x01], declaredLength: 9))
            == .failure(HealthMessageError("the response message is cut short (2 of 9 bytes)")))
        #expect(HealthMessages.servingStatus(inBody: body([0x12, 0x09, 0x61])) == .failure(HealthMessageError("the response message has a field longer than the message")))
        #expect(HealthMessages.servingStatus(inBody: body([0x0F])) == .failure(HealthMessageError("the response message is not protobuf (wire type 7)")))
    }

    private func answer(_ trailers: [(String, String)], body: [UInt8] = []) -> GRPCAnswer {
        GRPCAnswer(trailers: HPACKHeaders(trailers), body: self.body(body), timeline: GRPCTimeline(start: .now), certificate: nil, alpn: nil)
    }

    @Test func verdicts() {
        let spec = GRPCSpec(host: "127.0.0.1", port: 50051, service: "billing")
        #expect(HealthVerdict.judge(answer([("grpc-status", "0")], body: [0x08, 0x01]), spec: spec)
            == HealthVerdict(failure: nil, message: "SERVING over HTTP/2 (cleartext)"))
        #expect(HealthVerdict.judge(answer([("grpc-status", "0")], body: [0x08, 0x07]), spec: spec).failure
            == FailureReason(.grpc, "service 'billing' is status 7, which grpc.health.v1 does not define"))
        // grpc-message is percent-encoded on the wire.
        #expect(HealthVerdict.judge(answer([("grpc-status", "14"), ("grpc-message", "backend%20down%3A%20db")]), spec: spec).failure
            == FailureReason(.grpc, "Health/Check failed with grpc-status 14 UNAVAILABLE: backend down: db"))
        #expect(HealthVerdict.judge(answer([("grpc-status", "99")]), spec: spec).failure
            == FailureReason(.grpc, "Health/Check failed with grpc-status 99"))
        #expect(HealthVerdict.judge(answer([]), spec: spec).failure
            == FailureReason(.protocolError, "127.0.0.1:50051 ended the call without a grpc-status"))
        #expect(HealthVerdict.judge(answer([("grpc-status", "ok")]), spec: spec).failure
            == FailureReason(.protocolError, "127.0.0.1:50051 sent grpc-status 'ok', not a number"))
    }
}
