import NIOCore
import SondeCore
#if canImport(Glibc)
import Glibc
#endif

/// Sends `count` echo requests `spacing` apart and collects replies until all are in or the
/// deadline passes. Blocking calls, each bounded by the deadline: it runs on a thread of its own.
struct ICMPEchoSession {
    struct Summary: Sendable, Equatable {
        var sent: Int
        /// Round trips of the echoes answered, in the order they came back.
        var roundTrips: [Duration]
        var mode: ICMPSocket.Mode

        var lossPercent: Double { sent == 0 ? 100 : Double(sent - roundTrips.count) * 100 / Double(sent) }
    }

    let address: SocketAddress
    let count: Int
    let spacing: Duration
    let deadline: ContinuousClock.Instant

    func run() -> Result<Summary, FailureReason> {
        let ipv6 = address.protocol == .inet6
        let socket: ICMPSocket
        do {
            socket = try ICMPSocket(ipv6: ipv6)
        } catch {
            return .failure(error)
        }
        let identifier = UInt16.random(in: 1...UInt16.max)
        var sentAt: [UInt16: ContinuousClock.Instant] = [:]
        var roundTrips: [Duration] = []
        var nextSequence: UInt16 = 1
        let start = ContinuousClock.now
        var buffer = [UInt8](repeating: 0, count: 2048)
        while roundTrips.count < count {
            let now = ContinuousClock.now
            if now >= deadline { break }
            let nextSend = start + spacing * Int(nextSequence - 1)
            if Int(nextSequence) <= count, now >= nextSend {
                let packet = ICMPEcho.request(ipv6: ipv6, identifier: identifier, sequence: nextSequence)
                let sent = address.withSockAddr { pointer, length in
                    packet.withUnsafeBytes { sendto(socket.descriptor, $0.baseAddress, $0.count, 0, pointer, socklen_t(length)) }
                }
                if sent < 0 {
                    let code = errno
                    return .failure(FailureReason(code == ENETUNREACH || code == EHOSTUNREACH ? .refused : .other,
                                                  "cannot send an echo request to \(address.ipAddress ?? "the host"): \(String(cString: strerror(code)))"))
                }
                sentAt[nextSequence] = ContinuousClock.now
                nextSequence += 1
                continue
            }
            let wakeAt = Int(nextSequence) <= count ? min(nextSend, deadline) : deadline
            let waitMs = Int32(max(0, min(Double(Int32.max), ((wakeAt - now).milliseconds).rounded(.up))))
            var descriptor = pollfd(fd: socket.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, waitMs) > 0 else { continue }
            let received = buffer.withUnsafeMutableBytes { recv(socket.descriptor, $0.baseAddress, $0.count, 0) }
            guard received > 0 else { continue }
            let arrived = ContinuousClock.now
            let includesIPHeader = !ipv6 && socket.mode == .raw
            guard let reply = ICMPEcho.reply(buffer[0..<received], ipv6: ipv6, includesIPHeader: includesIPHeader) else { continue }
            // A ping socket's identifier is the kernel's; a raw socket sees every ping on the host.
            if socket.mode == .raw, reply.identifier != identifier { continue }
            guard let sent = sentAt.removeValue(forKey: reply.sequence) else { continue }
            roundTrips.append(arrived - sent)
        }
        return .success(Summary(sent: Int(nextSequence) - 1, roundTrips: roundTrips, mode: socket.mode))
    }
}
