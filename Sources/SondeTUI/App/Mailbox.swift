import Foundation
import Synchronization

/// Where messages from other threads (engine events, history, signals) wait for the loop
/// thread. Sending never blocks; a byte on a pipe wakes the loop out of `poll`.
public final class Mailbox: Sendable {
    private let queue = Mutex<[Message]>([])
    let readFD: Int32
    let writeFD: Int32

    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    public func send(_ message: Message) {
        queue.withLock { $0.append(message) }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Everything sent so far, oldest first; empties the pipe too.
    func drain() -> [Message] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readFD, &buffer, buffer.count) > 0 {}
        return queue.withLock { messages in
            defer { messages.removeAll() }
            return messages
        }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }
}
