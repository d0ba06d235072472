/// `exec: [program, args...]`: a Nagios / Monitoring Plugins check run under the deadline.
/// Exit 0 / 1 / 2 / 3 are OK / WARNING / CRITICAL / UNKNOWN (the plugin guidelines).
public struct ExecSpec: Sendable, Equatable {
    /// The program (an absolute path, or a name looked up in PATH) and its arguments; no shell.
    public var arguments: [String]

    public init(arguments: [String]) {
        self.arguments = arguments
    }

    public var program: String { arguments.first ?? "" }

    /// The command as a person would type it (secrets are masked by the redactor downstream).
    public var displayCommand: String {
        arguments.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}
