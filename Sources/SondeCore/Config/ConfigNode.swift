import Foundation
import Yams

/// A YAML node with the path of keys that led to it, so every error can say where it is.
/// Readers throw `ConfigError`; the loader collects them per target so one file reports all.
public struct ConfigNode {
    let node: Node
    public let keyPath: String
    let context: ConfigLoadContext

    var location: SourceLocation? {
        node.mark.map { SourceLocation(file: context.file, line: $0.line, column: $0.column) }
    }

    public func error(_ message: String) -> ConfigError {
        ConfigError(location: location, keyPath: keyPath, message: message)
    }

    private func child(_ key: String, _ node: Node) -> ConfigNode {
        ConfigNode(node: node, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)", context: context)
    }

    private var typeName: String {
        switch node {
        case .scalar: "a value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    // MARK: structure

    /// The keys of a mapping, checked against `allowed`; an unknown key names the nearest valid one.
    /// A bad key is recorded and skipped rather than thrown, so the rest of the mapping is still
    /// read and one run of `sonde validate` reports every problem, not the first.
    public func mapping(allowed: [String]) throws(ConfigError) -> ConfigMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys, found \(typeName)") }
        var entries: [(String, ConfigNode)] = []
        var seen = Set<String>()
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                context.errors.append(ConfigNode(node: keyNode, keyPath: keyPath, context: context).error("keys must be plain names"))
                continue
            }
            let key = scalar.string
            let keyRef = ConfigNode(node: keyNode, keyPath: keyPath.isEmpty ? key : "\(keyPath).\(key)", context: context)
            if !allowed.isEmpty && !allowed.contains(key) {
                context.errors.append(keyRef.error(Self.unknownKey(key, allowed: allowed)))
                continue
            }
            guard seen.insert(key).inserted else {
                context.errors.append(keyRef.error("key '\(key)' appears twice"))
                continue
            }
            entries.append((key, child(key, valueNode)))
        }
        return ConfigMapping(owner: self, entries: entries)
    }

    private static func unknownKey(_ key: String, allowed: [String]) -> String {
        if let near = KeySuggester.nearest(to: key, among: allowed) { return "unknown key '\(key)', did you mean '\(near)'?" }
        return "unknown key '\(key)'; valid keys here: \(allowed.joined(separator: ", "))"
    }

    /// Any mapping whose keys are free-form names (headers, report metrics).
    public func freeMapping() throws(ConfigError) -> [(String, ConfigNode)] {
        try mapping(allowed: []).entries
    }

    public func list() throws(ConfigError) -> [ConfigNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list, found \(typeName)") }
        return sequence.enumerated().map { index, item in
            ConfigNode(node: item, keyPath: "\(keyPath)[\(index)]", context: context)
        }
    }

    /// A list, or a single value read as a one-item list.
    public func listOrSingle() throws(ConfigError) -> [ConfigNode] {
        if case .sequence = node { return try list() }
        return [self]
    }

    public var isMapping: Bool { if case .mapping = node { return true }; return false }
    public var isList: Bool { if case .sequence = node { return true }; return false }

    // MARK: scalars

    private func rawScalar() throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a value, found \(typeName)") }
        return scalar.string
    }

    /// A string with `${VAR}` expanded; values taken from the environment are recorded as secrets
    /// when `secret` is true.
    public func string(secret: Bool = false) throws(ConfigError) -> String {
        try expandedString(secret: secret).text
    }

    func expandedString(secret: Bool) throws(ConfigError) -> EnvironmentSubstitution.Expanded {
        let raw = try rawScalar()
        do {
            let expanded = try EnvironmentSubstitution(environment: context.environment).expand(raw)
            if secret { context.secrets.append(contentsOf: expanded.environmentValues) }
            return expanded
        } catch {
            switch error {
            case .unset(let name):
                throw self.error("environment variable '\(name)' is not set (use ${\(name):-default} for a fallback)")
            case .malformed(let problem):
                throw self.error(problem)
            }
        }
    }

    public func nonEmptyString(secret: Bool = false) throws(ConfigError) -> String {
        let value = try string(secret: secret)
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw error("must not be empty") }
        return value
    }

    public func int(in range: ClosedRange<Int>? = nil) throws(ConfigError) -> Int {
        let text = try string()
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw error("expected a whole number, found '\(text)'")
        }
        if let range, !range.contains(value) {
            throw error("\(value) is out of range (\(range.lowerBound)...\(range.upperBound))")
        }
        return value
    }

    public func bool() throws(ConfigError) -> Bool {
        let text = try string().lowercased()
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found '\(text)'")
        }
    }

    /// A positive duration (`250ms`, `5s`, `2m`).
    public func duration(allowZero: Bool = false) throws(ConfigError) -> Duration {
        let text = try string()
        let value: Duration
        switch DurationParser.read(text) {
        case .success(let parsed): value = parsed
        case .failure(.negative): throw error("'\(text)' is negative; durations must be positive")
        case .failure(.tooLong): throw error("'\(text)' is too long; durations go up to \(DurationParser.maximumText)")
        case .failure(.notADuration): throw error("'\(text)' is not a duration; write it like 250ms, 5s or 2m")
        }
        if value == .zero && !allowZero { throw error("must be greater than zero") }
        return value
    }

    /// A URL with one of the given schemes and a host. Values from the environment are secrets
    /// (see `URLAssembly`), recorded before anything can fail, so no error shows them.
    public func url(schemes: [String]) throws(ConfigError) -> URL {
        let assembly = URLAssembly(try expandedString(secret: false).pieces)
        context.secrets.append(contentsOf: assembly.secrets)
        let text = assembly.text
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = url.scheme?.lowercased()
        else {
            throw error("'\(redactedForMessage(URLAssembly.maskingPassword(in: text)))' is not a valid URL")
        }
        guard schemes.contains(scheme) else {
            throw error("URL scheme '\(scheme)' is not supported here; use \(schemes.map { "\($0)://" }.joined(separator: " or "))")
        }
        guard let host = url.host, !host.isEmpty else {
            throw error("URL '\(redactedForMessage(url.redactedDescription))' has no host")
        }
        if let password = url.password, !password.isEmpty {
            context.secrets.append(password)
            if let decoded = password.removingPercentEncoding { context.secrets.append(decoded) }
            if let basic = BasicCredentials(url) { context.secrets.append(basic.encoded) }
        }
        return url
    }

    private func redactedForMessage(_ text: String) -> String {
        Redactor(secrets: context.secrets).redact(text)
    }
}

/// The entries of one YAML mapping, read by key.
public struct ConfigMapping {
    public let owner: ConfigNode
    public let entries: [(String, ConfigNode)]

    public subscript(_ key: String) -> ConfigNode? {
        entries.first { $0.0 == key }?.1
    }

    public func required(_ key: String) throws(ConfigError) -> ConfigNode {
        guard let node = self[key] else { throw owner.error("missing required key '\(key)'") }
        return node
    }

    public var keys: [String] { entries.map(\.0) }
}

/// State shared by every node of one load: where we are, the environment, secrets found.
public final class ConfigLoadContext {
    let file: String
    let environment: [String: String]
    var secrets: [String] = []
    var errors: [ConfigError] = []

    init(file: String, environment: [String: String]) {
        self.file = file
        self.environment = environment
    }

    /// Runs a reader, recording its error and returning nil so loading goes on.
    func collecting<T>(_ read: () throws(ConfigError) -> T) -> T? {
        do {
            return try read()
        } catch {
            if error != .recordedAbove { errors.append(error) }
            return nil
        }
    }
}

/// Reads the independent parts of one entry through the context, so each part's problem is
/// recorded and the entry as a whole fails once (with `ConfigError.recordedAbove`).
struct PartReader {
    let context: ConfigLoadContext
    private(set) var failed = false

    mutating func read<T>(_ part: () throws(ConfigError) -> T) -> T? {
        guard let value = context.collecting(part) else {
            failed = true
            return nil
        }
        return value
    }
}
