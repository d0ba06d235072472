import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a suite's `run:` command through `/bin/sh -c` with a timeout and keeps the tail of its output.
/// Output goes to a temporary file, not a pipe, so a chatty command can never block on a full pipe.
public enum CommandRunner {
    public struct Outcome: Sendable, Equatable {
        /// nil when the command could not be started or was killed for its timeout.
        public var exitStatus: Int32?
        public var timedOut: Bool
        /// The last `outputLimit` bytes of stdout and stderr, interleaved as written.
        public var output: String
        public var launchError: String?
    }

    public static let outputLimit = 16 * 1024
    /// How long a command has to exit after SIGTERM before it gets SIGKILL.
    static let killGrace: Duration = .seconds(2)

    public static func run(_ command: String, in directory: String?, timeout: Duration) async -> Outcome {
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-suite-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: logURL) }
        guard FileManager.default.createFile(atPath: logURL.path, contents: nil),
              let log = try? FileHandle(forWritingTo: logURL)
        else {
            return Outcome(exitStatus: nil, timedOut: false, output: "", launchError: "cannot create a temporary file for the command's output")
        }
        defer { try? log.close() }

        let child: ChildProcess
        do {
            child = try ChildProcess.start(command, in: directory, output: log)
        } catch {
            return Outcome(exitStatus: nil, timedOut: false, output: "", launchError: error.message)
        }
        let timedOut = Mutex(false)
        let watchdog = Task {
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return }
            timedOut.withLock { $0 = true }
            child.signal(SIGTERM)
            try? await Task.sleep(for: killGrace)
            guard !Task.isCancelled else { return }
            child.signal(SIGKILL)
        }
        let status = await withTaskCancellationHandler {
            await child.wait()
        } onCancel: {
            child.signal(SIGKILL)
        }
        watchdog.cancel()
        let wasTimedOut = timedOut.withLock { $0 }
        return Outcome(exitStatus: wasTimedOut ? nil : status, timedOut: wasTimedOut, output: tail(of: logURL), launchError: nil)
    }

    private static func tail(of url: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > UInt64(outputLimit) ? size - UInt64(outputLimit) : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.readToEnd()) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        return start > 0 ? "…" + text : text
    }
}
