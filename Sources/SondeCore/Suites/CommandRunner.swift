/// What a suite's `run:` command did. Running it is not SondeCore's business (it starts no
/// processes): SondeProbes' `SuiteCommandRunner` runs it on swift-subprocess, and whoever builds
/// the engine hands that in.
public struct CommandOutcome: Sendable, Equatable {
    /// nil when the command could not be started or was killed for its timeout.
    public var exitStatus: Int32?
    public var timedOut: Bool
    /// The last `outputLimit` bytes of stdout and stderr, interleaved as written.
    public var output: String
    public var launchError: String?

    public init(exitStatus: Int32?, timedOut: Bool, output: String, launchError: String?) {
        self.exitStatus = exitStatus
        self.timedOut = timedOut
        self.output = output
        self.launchError = launchError
    }

    /// How much of a command's output is kept (its tail).
    public static let outputLimit = 16 * 1024
}

/// Runs a suite's `run:` through `/bin/sh -c` in `directory`, in a process group of its own,
/// stopping the group at `timeout` (SIGTERM, then SIGKILL) and keeping the tail of its output.
public protocol CommandRunning: Sendable {
    func run(_ command: String, in directory: String?, timeout: Duration) async -> CommandOutcome
}
