import Foundation
import Synchronization

/// SIGINT, SIGTERM and SIGHUP only set a flag and wake the loop; the loop restores the terminal
/// on its own thread (curses is not async-signal-safe).
enum SignalFlag {
    /// The signal that asked us to stop, or 0.
    static let received = Atomic<Int32>(0)
    /// The write end of the loop's wake-up pipe, or -1.
    static let wakeFD = Atomic<Int32>(-1)

    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install(wakingFD fd: Int32) {
        // Touch the globals now: their lazy initialisation must not happen in a handler.
        received.store(0, ordering: .relaxed)
        wakeFD.store(fd, ordering: .relaxed)
        for signal in stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                SignalFlag.received.store(signal, ordering: .relaxed)
                var byte: UInt8 = 1
                let fd = SignalFlag.wakeFD.load(ordering: .relaxed)
                if fd >= 0 { _ = write(fd, &byte, 1) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        Foundation.signal(SIGPIPE, SIG_IGN)
    }

    static func uninstall() {
        wakeFD.store(-1, ordering: .relaxed)
        for signal in stopSignals { Foundation.signal(signal, SIG_DFL) }
    }
}
