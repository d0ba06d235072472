import Foundation

/// Reads one parameter from a raw query string the way Prometheus writes it (Go's
/// `url.Values.Encode`: `+` for a space, `%2B` for a plus), which a plain percent-decode gets
/// wrong for names with spaces.
enum QueryParameters {
    static func value(of name: String, in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard decode(parts[0]) == name else { continue }
            return parts.count > 1 ? decode(parts[1]) : ""
        }
        return nil
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
