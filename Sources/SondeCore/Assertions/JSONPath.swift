import Foundation

/// A small JSONPath: `$`, `.name`, `['name']`, `[index]` (negative counts from the end).
/// Enough for health bodies; filters and wildcards are deliberately not supported.
public struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public let steps: [Step]
    public let description: String

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(_ text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("$") else {
            throw ParseError(description: "JSON path '\(text)' must start with '$'")
        }
        var steps: [Step] = []
        var rest = Substring(trimmed.dropFirst())
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { throw ParseError(description: "JSON path '\(text)' has an empty name after '.'") }
                steps.append(.key(String(name)))
                rest = rest.dropFirst(name.count)
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]") else {
                    throw ParseError(description: "JSON path '\(text)' has an unclosed '['")
                }
                let inner = rest[rest.index(after: rest.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                if let index = Int(inner) {
                    steps.append(.index(index))
                } else if inner.count >= 2, let q = inner.first, q == "'" || q == "\"", inner.last == q {
                    steps.append(.key(String(inner.dropFirst().dropLast())))
                } else {
                    throw ParseError(description: "JSON path '\(text)' has '[\(inner)]'; use an index or a quoted name")
                }
                rest = rest[rest.index(after: close)...]
            } else {
                throw ParseError(description: "JSON path '\(text)' has an unexpected '\(first)'")
            }
        }
        self.steps = steps
        self.description = trimmed
    }

    /// The value at this path in a parsed JSON document, or nil when the path does not exist.
    public func resolve(in document: Any) -> Any? {
        var current: Any = document
        for step in steps {
            switch step {
            case .key(let name):
                guard let object = current as? [String: Any], let next = object[name] else { return nil }
                current = next
            case .index(let i):
                guard let array = current as? [Any] else { return nil }
                let index = i < 0 ? array.count + i : i
                guard array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        return current
    }
}

/// A JSON value reduced to what assertions compare.
public enum JSONScalar: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null
    case composite(String)

    public init(_ value: Any) {
        switch value {
        case let n as NSNumber:
            // JSONSerialization gives booleans as NSNumber; tell them apart by type id.
            if String(cString: n.objCType) == "c" {
                self = .bool(n.boolValue)
            } else {
                self = .number(n.doubleValue)
            }
        case let s as String: self = .string(s)
        case is NSNull: self = .null
        default:
            let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
            self = .composite(String(decoding: data, as: UTF8.self))
        }
    }

    public var description: String {
        switch self {
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): "\"\(s)\""
        case .bool(let b): String(b)
        case .null: "null"
        case .composite(let text): text.excerpt(60)
        }
    }

    public var number: Double? {
        switch self {
        case .number(let d): d
        case .string(let s): Double(s)
        default: nil
        }
    }

    /// The value as text for captures and versions (strings unquoted).
    public var plainText: String {
        if case .string(let s) = self { return s }
        return description
    }
}
