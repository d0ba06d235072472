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
    /// The server's stdin, kept open while it runs: a peer that takes commands (the gRPC health
    /// peer) reads them here and exits when it closes.
    private let input: Pipe

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
        input = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input
        try process.run()
        self.readyLine = try waitFor(readyLine)
    }

    /// Reads output until a whole line containing `text` has come, and returns that line; fails if
    /// the process exits first. Plain read(2): Foundation's `availableData` on Linux can wait for
    /// end of file on a pipe, which a running server never sends.
    @discardableResult
    func waitFor(_ text: String) throws -> String {
        var seen = ""
        let fd = output.fileHandleForReading.fileDescriptor
        var chunk = [UInt8](repeating: 0, count: 4096)
        func line() -> String? {
            guard let range = seen.range(of: text), let end = seen[range.upperBound...].firstIndex(of: "\n") else { return nil }
            let start = seen[..<range.lowerBound].lastIndex(of: "\n").map { seen.index(after: $0) } ?? seen.startIndex
            return String(seen[start..<end])
        }
        while true {
            if let found = line() { return found }
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            // Another child of the test runner exiting (SIGCHLD) interrupts the read: read again.
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                throw StartError(description: "server exited before printing '\(text)'; its output: \(seen.suffix(500))")
            }
            seen += String(decoding: chunk[0..<count], as: UTF8.self)
        }
    }

    /// The first line of output containing `text` since the start (for a port the server chose).
    private(set) var readyLine = ""

    /// Writes one command line to the server's stdin and waits for the line that says it took effect.
    func send(_ command: String, awaiting reply: String) async throws {
        let data = Data((command + "\n").utf8)
        try input.fileHandleForWriting.write(contentsOf: data)
        try await Blocking.run { try self.waitFor(reply) }
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

    /// Whether python3 is on PATH and `python3 -c "import MODULE"` succeeds (a test peer's needs).
    static func pythonImports(_ module: String) -> Bool {
        guard let python = find("python3") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
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
