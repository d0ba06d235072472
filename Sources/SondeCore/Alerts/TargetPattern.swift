import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A target name or a shell glob (`batch-*`, `api-[ab]`), as rules and maintenance windows name
/// what they cover.
public struct TargetPattern: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    public var isGlob: Bool { text.contains { "*?[".contains($0) } }

    public func matches(_ name: String) -> Bool {
        isGlob ? fnmatch(text, name, 0) == 0 : text == name
    }

    /// Why the glob cannot match anything as written, or nil: an unclosed `[` is the one
    /// mistake fnmatch does not report (it matches the bracket literally).
    public var problem: String? {
        var open = false
        for character in text {
            if character == "[" { open = true } else if character == "]" { open = false }
        }
        return open ? "glob '\(text)' has a '[' without its ']'" : nil
    }

    public var description: String { text }
}
