/// Replaces every known secret in text with `***`. Applied at every output boundary
/// (screen, reports, errors) so a secret that leaks into a message still never shows.
public struct Redactor: Sendable, Equatable {
    public static let mask = "***"
    /// Longest first, so a secret containing another is masked whole.
    public let secrets: [String]

    public init(secrets: [String]) {
        // Very short values would mask ordinary text; such secrets are weak anyway.
        self.secrets = Array(Set(secrets.filter { $0.count >= 3 })).sorted { $0.count > $1.count }
    }

    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var out = text
        for secret in secrets where out.contains(secret) {
            out = out.replacingOccurrences(of: secret, with: Self.mask)
        }
        return out
    }

    public func merged(with other: Redactor) -> Redactor {
        Redactor(secrets: secrets + other.secrets)
    }
}

import Foundation
