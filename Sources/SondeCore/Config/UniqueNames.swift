/// The names already given to one kind of entry (targets, journeys, suites) and where: results,
/// rows and scheduled jobs are found by name, so a second entry with a name taken is refused.
struct UniqueNames {
    let kind: String
    private var firstSeen: [String: SourceLocation?] = [:]

    init(kind: String) {
        self.kind = kind
    }

    /// Takes `name` for the entry at `entry`, or says where it was taken first.
    mutating func claim(_ name: String, at entry: ConfigNode) -> ConfigError? {
        if let first = firstSeen[name] {
            let whereFirst = first.map { " (first at line \($0.line))" } ?? ""
            return entry.error("duplicate \(kind) name '\(name)'\(whereFirst); names must be unique")
        }
        firstSeen[name] = entry.location
        return nil
    }
}
