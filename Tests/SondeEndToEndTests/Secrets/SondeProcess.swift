import Foundation
import Synchronization

/// Runs the `sonde` binary that `swift build` put beside this test bundle, and collects its output.
enum SondeProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var all: String { stdout + stderr }
    }

    static var binary: URL {
        get throws {
            let here = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
            var directory = here.deletingLastPathComponent()
            // The test bundle may be a directory (.xctest) one level below the build folder.
            for _ in 0..<3 {
                let candidate = directory.appendingPathComponent("sonde")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
            throw MissingBinary()
        }
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String { "the sonde binary is not beside the test bundle; run `swift build` first" }
    }

    /// Waits on a thread of its own: blocking a thread of Swift's small cooperative pool would starve
    /// the in-process servers the child talks to (their handlers run on that pool).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) async throws -> Output {
        try await run(executable: try binary, arguments, environment: environment, in: directory)
    }

    /// Another program, for a test that starts sonde through it (`unshare`, a shell).
    static func run(executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(executable, arguments, environment: environment, in: directory) })
            }
        }
    }

    private static func runBlocking(_ executable: URL, _ arguments: [String], environment: [String: String], in directory: URL?) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes drain at once (stderr on a thread of its own): reading one to the end first
        // would leave the child blocked on a full other pipe (64 KiB).
        let stderrData = Mutex(Data())
        let stderrDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            stderrData.withLock { $0 = data }
            stderrDone.signal()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        stderrDone.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData.withLock { $0 }, as: UTF8.self))
    }
}
