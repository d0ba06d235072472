import Foundation

/// The top-level `location:` key: a short name for where probes run from (`eu-west`, `office`).
/// It becomes a Prometheus label value and a `--location` list entry, so it is kept to
/// characters that need no quoting in either: letters, digits, `-`, `_` and `.`.
public enum LocationName {
    public static let maximumLength = 64

    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= maximumLength
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    static func read(_ node: ConfigNode) throws(ConfigError) -> String {
        let name = try node.nonEmptyString().trimmingCharacters(in: .whitespaces)
        guard isValid(name) else {
            throw node.error("'\(name)' is not a location name: use up to \(maximumLength) letters, digits, '-', '_' or '.' (like eu-west)")
        }
        return name
    }
}
