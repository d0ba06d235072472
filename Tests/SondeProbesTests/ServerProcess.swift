import Foundation

/// A private server started by one test (a redis-server on its own port) so the test can stop it
/// without disturbing the shared CI instances other tests use in parallel.
final class ServerProcess: @unchecked Sendable {
    // @unchecked: `process` is set once in init and only read afterwards; Process itself is thread-safe for terminate/wait.
    private let process: Process
    private let output: Pipe

    /// Starts `executable` and returns once a line of its output contains `readyLine`.
    init(executable: String, arguments: [String], readyLine: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try waitFor(readyLine)
    }

    /// Reads output until `text` appears; fails if the process exits first.
    func waitFor(_ text: String) throws {
        var seen = ""
        let handle = output.fileHandleForReading
        while !seen.contains(text) {
            let chunk = handle.availableData
            if chunk.isEmpty {
                throw StartError(description: "server exited before printing '\(text)'; its output: \(seen.suffix(500))")
            }
            seen += String(decoding: chunk, as: UTF8.self)
        }
    }

    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    /// Stops the server and waits until it is gone, so its port is closed when this returns.
    func stop() {
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

enum Executable {
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
