/// A problem in a config file, located precisely enough to fix without searching.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation?
    /// Dotted path of the offending key (`targets[0].expect.status`), empty for file-level problems.
    public var keyPath: String
    public var message: String

    public init(location: SourceLocation?, keyPath: String, message: String) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    /// Thrown by a reader whose problems are already in the load's list: fails the entry without
    /// adding a line.
    static let recordedAbove = ConfigError(location: nil, keyPath: "", message: "(recorded above)")

    public var description: String {
        var parts: [String] = []
        if let location { parts.append("\(location)") }
        if !keyPath.isEmpty { parts.append(keyPath) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// Every problem found in one config file; loading reports them all at once, like a compiler.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ConfigError]

    /// In file order, as a compiler lists them (readers find them in another order: a target's
    /// unknown key before the missing kind its owner reports).
    public init(_ errors: [ConfigError]) {
        self.errors = errors.enumerated().sorted { a, b in
            let left = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let right = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
