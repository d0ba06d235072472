import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A private server started by one test (a redis-server on its own port) so the test can stop it
/// without disturbing the shared CI instances other tests use in parallel.
final class ServerProcess: @unchecked Sendable {
    // @unchecked: `process` is set once in init and only read afterwards; Process itself is thread-safe for terminate/wait.
    private let process: Process
    private let output: Pipe

    /// Starts `executable` and returns once a line of its output contains `readyLine`. The wait
    /// blocks a thread, so it runs off Swift's cooperative pool (two threads on a 2-core machine),
    /// where it would stall every other test's timers and deadlines.
    static func start(executable: String, arguments: [String], readyLine: String) async throws -> ServerProcess {
        try await Blocking.run { try ServerProcess(executable: executable, arguments: arguments, readyLine: readyLine) }
    }

    private init(executable: String, arguments: [String], readyLine: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try waitFor(readyLine)
    }

    /// Reads output until `text` appears; fails if the process exits first. Plain read(2): Foundation's
    /// `availableData` on Linux can wait for end of file on a pipe, which a running server never sends.
    func waitFor(_ text: String) throws {
        var seen = ""
        let fd = output.fileHandleForReading.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !seen.contains(text) {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            // Another child of the test runner exiting (SIGCHLD) interrupts the read: read again.
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                throw StartError(description: "server exited before printing '\(text)'; its output: \(seen.suffix(500))")
            }
            seen += String(decoding: chunk[0..<count], as: UTF8.self)
        }
    }

    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    /// Stops the server and waits until it is gone, so its port is closed when this returns.
    /// SIGKILL, not SIGTERM: a child spawned from the test runner's threads inherits their blocked
    /// signal mask, so it never sees SIGTERM (and its data is throwaway anyway).
    func stop() async {
        let process = self.process
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        try? await Blocking.run { process.waitUntilExit() }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

enum Executable {
    /// Runs a short command to its end (redis-cli SAVE, initdb); throws when it fails.
    static func run(_ executable: String, _ arguments: [String]) async throws {
        try await Blocking.run { try runBlocking(executable, arguments) }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerProcess.StartError(description: "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }

    /// The full path of a program on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Blocking work (waiting on a child process) on a Dispatch thread, never on the cooperative pool.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
