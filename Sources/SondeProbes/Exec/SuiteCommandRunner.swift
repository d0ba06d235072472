import Foundation
import SondeCore
import Subprocess
import SystemPackage
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs a suite's `run:` through `/bin/sh -c` on swift-subprocess, as exec plugins and alert
/// commands run: a process group of its own (so a timeout stops what the command started too),
/// SIGTERM at the timeout and SIGKILL two seconds later, stdin from /dev/null.
///
/// stdout and stderr go to one temporary file, not a pipe, so a chatty command never blocks on
/// a full pipe and its lines stay interleaved as written; the tail is kept. Subprocess resets the
/// child's signal mask and dispositions, so a child of the Swift runtime's threads sees SIGTERM.
public struct SuiteCommandRunner: CommandRunning {
    /// How long a command has to exit after SIGTERM before it gets SIGKILL.
    static let killGrace: Duration = .seconds(2)

    public init() {}

    public func run(_ command: String, in directory: String?, timeout: Duration) async -> CommandOutcome {
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-suite-\(UUID().uuidString).log").path
        defer { unlink(logPath) }
        let log: FileDescriptor
        do {
            log = try FileDescriptor.open(FilePath(logPath), .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: [.ownerReadWrite])
        } catch {
            return CommandOutcome(exitStatus: nil, timedOut: false, output: "", launchError: "cannot create a temporary file for the command's output")
        }
        defer { try? log.close() }

        var options = PlatformOptions()
        options.processGroupID = 0
        let group = SignalledGroup()
        let watchdog = Task {
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return }
            group.timeOut()
            try? await Task.sleep(for: Self.killGrace)
            guard !Task.isCancelled else { return }
            group.send(SIGKILL)
        }
        defer { watchdog.cancel() }

        let status: Int32
        do {
            let result = try await withTaskCancellationHandler {
                try await Subprocess.run(
                    .path("/bin/sh"), arguments: ["-c", command], workingDirectory: directory.map { FilePath($0) },
                    platformOptions: options, input: .none,
                    output: .fileDescriptor(log, closeAfterSpawningProcess: false),
                    error: .fileDescriptor(log, closeAfterSpawningProcess: false)
                ) { execution in
                    group.started(execution.processIdentifier.value)
                }
            } onCancel: {
                group.send(SIGKILL)
            }
            switch result.terminationStatus {
            case .exited(let code): status = code
            case .signaled(let signal): status = 128 + signal
            }
        } catch {
            let reason = (error as? SubprocessError).map { "\($0)" } ?? "\(error)"
            let message = directory.map { "cannot start /bin/sh in \($0): \(reason)" } ?? "cannot start /bin/sh: \(reason)"
            return CommandOutcome(exitStatus: nil, timedOut: false, output: "", launchError: message)
        }
        let timedOut = group.timedOut
        return CommandOutcome(exitStatus: timedOut ? nil : status, timedOut: timedOut, output: Self.tail(of: logPath), launchError: nil)
    }

    private static func tail(of path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let limit = UInt64(CommandOutcome.outputLimit)
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > limit ? size - limit : 0
        try? handle.seek(toOffset: start)
        let text = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        return start > 0 ? "…" + text : text
    }
}

/// The command's process group: signals sent before it has started are delivered once it has.
private final class SignalledGroup: Sendable {
    private struct State {
        var pid: pid_t?
        var pending: [Int32] = []
        var timedOut = false
    }
    private let state = Mutex(State())

    func started(_ pid: pid_t) {
        let pending = state.withLock { state -> [Int32] in
            state.pid = pid
            defer { state.pending = [] }
            return state.pending
        }
        for signal in pending { Self.kill(pid, signal) }
    }

    func timeOut() {
        state.withLock { $0.timedOut = true }
        send(SIGTERM)
    }

    func send(_ signal: Int32) {
        let pid = state.withLock { state -> pid_t? in
            if state.pid == nil { state.pending.append(signal) }
            return state.pid
        }
        if let pid { Self.kill(pid, signal) }
    }

    var timedOut: Bool { state.withLock { $0.timedOut } }

    /// The whole group; just the child where it has none of its own.
    private static func kill(_ pid: pid_t, _ signal: Int32) {
        if Glibc.kill(-pid, signal) != 0 { _ = Glibc.kill(pid, signal) }
    }
}
