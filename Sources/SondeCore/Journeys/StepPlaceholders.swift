import Foundation

/// `${steps.login.token}` in a journey step: a value captured by an earlier step.
/// In URLs the braces arrive percent-encoded (`$%7Bsteps.login.token%7D`); both forms are found.
public enum StepPlaceholders {
    public struct Reference: Sendable, Equatable, Hashable {
        public var step: String
        public var capture: String

        public init(step: String, capture: String) {
            self.step = step
            self.capture = capture
        }

        public var text: String { "${steps.\(step).\(capture)}" }
    }

    /// What replaces a reference: captured values by step name, then capture name.
    public typealias Captured = [String: [String: String]]

    private static let pattern = #"\$(?:\{|%7[Bb])steps\.([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)(?:\}|%7[Dd])"#

    public static func references(in text: String) -> [Reference] {
        matches(in: text).map(\.reference)
    }

    /// The text with every reference replaced, `encode` applied to each value; throws the first
    /// reference that has no captured value.
    public static func substitute(
        _ text: String, with captured: Captured, encode: (String) -> String = { $0 }
    ) throws(Unresolved) -> String {
        let found = matches(in: text)
        guard !found.isEmpty else { return text }
        var out = ""
        var cursor = text.startIndex
        for match in found {
            guard let value = captured[match.reference.step]?[match.reference.capture] else {
                throw Unresolved(reference: match.reference)
            }
            out += text[cursor..<match.range.lowerBound]
            out += encode(value)
            cursor = match.range.upperBound
        }
        out += text[cursor...]
        return out
    }

    /// A reference to a value no earlier step captured.
    public struct Unresolved: Error, Sendable, Equatable {
        public var reference: Reference
    }

    private static func matches(in text: String) -> [(range: Range<String.Index>, reference: Reference)] {
        guard text.contains("$"), let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: whole).compactMap { match in
            guard let range = Range(match.range, in: text),
                  let step = Range(match.range(at: 1), in: text),
                  let capture = Range(match.range(at: 2), in: text)
            else { return nil }
            return (range, Reference(step: String(text[step]), capture: String(text[capture])))
        }
    }
}
