/// A test suite whose JUnit XML Sonde reads: from files, or from a command it runs.
public struct SuiteSpec: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// A file, a directory of *.xml or a glob.
        case path(String)
        /// A command that writes JUnit XML to `output`.
        case command(run: String, output: String)
    }

    public var name: String
    public var source: Source
    public var interval: Duration
    public var timeout: Duration
    /// For `run:` suites: how many more times the command runs while tests fail. A test that
    /// fails and then passes on a later run counts once, as passed, and is listed as flaky.
    public var retries: Int

    public init(name: String, source: Source, interval: Duration, timeout: Duration, retries: Int = 0) {
        self.name = name
        self.source = source
        self.interval = interval
        self.timeout = timeout
        self.retries = retries
    }
}
