import Foundation

/// On a crash signal (a Swift trap raises SIGILL or SIGTRAP; also SIGSEGV, SIGABRT, SIGBUS, SIGFPE)
/// writes the terminal's restore sequence with write(2), puts the saved termios back, then hands
/// the signal to whoever handled it before (Swift's backtracer) or the default action.
enum CrashGuard {
    static let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGABRT, SIGBUS, SIGFPE]

    // Written once before the handlers are installed, read only by them.
    nonisolated(unsafe) private static var restoreBytes: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) private static var savedTermios: UnsafeMutablePointer<termios>?
    nonisolated(unsafe) private static var previous: UnsafeMutablePointer<sigaction>?

    static func install(restoreSequence: [UInt8], termios saved: termios?) {
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, restoreSequence.count))
        _ = bytes.initialize(from: restoreSequence)
        restoreBytes = UnsafeMutableBufferPointer(rebasing: bytes[0..<restoreSequence.count])
        if let saved {
            let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
            pointer.initialize(to: saved)
            savedTermios = pointer
        }
        let old = UnsafeMutablePointer<sigaction>.allocate(capacity: crashSignals.count)
        old.initialize(repeating: sigaction(), count: crashSignals.count)
        previous = old
        for (index, signal) in crashSignals.enumerated() {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in CrashGuard.handle(signal) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, old + index)
        }
    }

    /// Puts back the handlers that were there before (on a normal exit).
    static func uninstall() {
        guard let previous else { return }
        for (index, signal) in crashSignals.enumerated() { sigaction(signal, previous + index, nil) }
    }

    private static func handle(_ signal: Int32) {
        if let bytes = restoreBytes, let base = bytes.baseAddress, bytes.count > 0 { _ = write(STDOUT_FILENO, base, bytes.count) }
        if let savedTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, savedTermios) }
        if let previous, let index = crashSignals.firstIndex(of: signal) {
            sigaction(signal, previous + index, nil)
        } else {
            Foundation.signal(signal, SIG_DFL)
        }
        raise(signal)
    }
}
