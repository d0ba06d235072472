import Foundation
import Synchronization

/// A child that keeps running (a `sonde agent`, a Prometheus server) while the test talks to it:
/// its stderr and stdout are collected on threads of their own, and the test waits for a line.
final class LongRunningProcess: Sendable {
    private let process: Process
    private let collected = CollectedOutput()

    init(executable: URL, arguments: [String], directory: URL? = nil) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        let collected = collected
        // Plain read(2): Foundation's availableData on Linux can wait for the end of a pipe.
        let fd = output.fileHandleForReading.fileDescriptor
        Thread.detachNewThread {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                collected.text.withLock { $0 += String(decoding: chunk[0..<count], as: UTF8.self) }
            }
        }
    }

    var output: String { collected.text.withLock { $0 } }

    /// Polls the output (no sleep as synchronisation: a deadline bounds the wait).
    func waitFor(_ text: String, within seconds: Double = 30) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let now = output
            if now.contains(text) { return now }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw WaitError(description: "no '\(text)' in the output within \(seconds)s; it said: \(output.suffix(800))")
    }

    struct WaitError: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends a signal and waits (on a thread of its own) until the process has exited.
    func stop(signal: Int32 = SIGTERM) async -> Int32 {
        let process = process
        if process.isRunning { kill(process.processIdentifier, signal) }
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
    }

    var terminationReason: Process.TerminationReason { process.terminationReason }

    /// Sends a signal and returns at once (SIGHUP asks an agent to read its config again).
    func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// What a child printed so far, shared with the thread that reads its pipe.
final class CollectedOutput: Sendable {
    let text = Mutex("")
}
