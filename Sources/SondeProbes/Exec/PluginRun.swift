import Foundation
import SondeCore
import Subprocess
import SystemPackage
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs a check plugin (no shell) in a process group of its own, so a timeout kills what it
/// started too (check_by_ssh's ssh, a script's children), with stdout and stderr read apart:
/// the plugin API reads stdout; stderr only explains a plugin that printed nothing.
enum PluginRun {
    struct Finished: Sendable {
        /// nil when the plugin was killed by a signal.
        var exitCode: Int32?
        var signal: Int32?
        var stdout: String
        var stderr: String
    }

    enum Failure: Error {
        case timedOut
        case cannotStart(String)
    }

    static let outputLimit = 16 * 1024

    static func run(_ arguments: [String], deadline: ContinuousClock.Instant) async -> Result<Finished, Failure> {
        guard let program = arguments.first else { return .failure(.cannotStart("no program")) }
        let executable: Executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
        var options = PlatformOptions()
        options.processGroupID = 0
        let group = ProcessGroupKiller()
        let watchdog = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            if !Task.isCancelled { group.killAll() }
        }
        defer { watchdog.cancel() }
        do {
            let result = try await Subprocess.run(
                executable, arguments: Arguments(Array(arguments.dropFirst())), platformOptions: options,
                input: .none, output: .sequence, error: .sequence
            ) { execution in
                group.remember(execution.processIdentifier.value)
                async let out = collect(execution.standardOutput)
                async let err = collect(execution.standardError)
                return try await (out, err)
            }
            let (stdout, stderr) = result.closureResult
            if group.fired { return .failure(.timedOut) }
            switch result.terminationStatus {
            case .exited(let code):
                return .success(Finished(exitCode: code, signal: nil, stdout: stdout, stderr: stderr))
            case .signaled(let signal):
                return .success(Finished(exitCode: nil, signal: signal, stdout: stdout, stderr: stderr))
            }
        } catch {
            if group.fired { return .failure(.timedOut) }
            if let failure = error as? SubprocessError {
                return .failure(.cannotStart(failure.code == .executableNotFound ? "\(program) was not found in PATH" : "\(failure)"))
            }
            return .failure(.cannotStart("\(error)"))
        }
    }

    /// Reads a stream to its end, keeping the first `outputLimit` bytes.
    private static func collect(_ stream: SubprocessOutputSequence) async throws -> String {
        var bytes: [UInt8] = []
        for try await chunk in stream where bytes.count < outputLimit {
            chunk.withUnsafeBytes { bytes.append(contentsOf: $0.prefix(outputLimit - bytes.count)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Remembers the plugin's process group and kills it once, at the deadline.
private final class ProcessGroupKiller: Sendable {
    private let state = Mutex<(pid: pid_t?, fired: Bool)>((nil, false))

    func remember(_ pid: pid_t) {
        let late = state.withLock { state -> Bool in
            state.pid = pid
            return state.fired
        }
        if late { kill(-pid, SIGKILL) }
    }

    func killAll() {
        let pid = state.withLock { state -> pid_t? in
            state.fired = true
            return state.pid
        }
        if let pid { kill(-pid, SIGKILL) }
    }

    var fired: Bool { state.withLock { $0.fired } }
}
