import Foundation

/// `$.status == "healthy"`, `$.checks.postgres.response_time_ms < 250`, `$.ready` (exists and truthy).
public struct JSONAssertion: Sendable, Equatable, CustomStringConvertible {
    public enum Operator: String, Sendable, Equatable, CaseIterable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"
    }

    public let path: JSONPath
    public let op: Operator?
    public let expected: JSONScalar?
    public let description: String

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(_ text: String) throws(ParseError) {
        let source = text.trimmingCharacters(in: .whitespaces)
        // Longest operators first so `<=` is not read as `<`.
        let ordered: [Operator] = [.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater]
        var found: (Operator, Range<String.Index>)?
        for op in ordered {
            if let range = source.range(of: " \(op.rawValue) ") ?? source.range(of: op.rawValue) {
                if found == nil || range.lowerBound < found!.1.lowerBound { found = (op, range) }
            }
        }
        let pathText = found.map { String(source[..<$0.1.lowerBound]) } ?? source
        do {
            path = try JSONPath(pathText)
        } catch {
            throw ParseError(description: error.description)
        }
        if let (op, range) = found {
            let literal = source[range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard let value = Self.parseLiteral(literal) else {
                throw ParseError(description: "'\(text)': cannot read the value '\(literal)'; quote strings (\"healthy\")")
            }
            if op != .equal && op != .notEqual, value.number == nil || { if case .string = value { return true }; return false }() {
                throw ParseError(description: "'\(text)': '\(op.rawValue)' needs a number on the right")
            }
            self.op = op
            self.expected = value
        } else {
            self.op = nil
            self.expected = nil
        }
        description = source
    }

    private static func parseLiteral(_ text: String) -> JSONScalar? {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if text == "null" { return .null }
        if let d = Double(text) { return .number(d) }
        if text.count >= 2, let q = text.first, q == "\"" || q == "'", text.last == q {
            return .string(String(text.dropFirst().dropLast()))
        }
        return nil
    }

    public enum Result: Sendable, Equatable {
        case passed
        case failed(expected: String, actual: String)

        public var failureMessage: String? {
            if case .failed(let expected, let actual) = self { return "expected \(expected), got \(actual)" }
            return nil
        }
    }

    public func evaluate(jsonText: String) -> Result {
        guard let data = jsonText.data(using: .utf8),
              let document = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else {
            return .failed(expected: description, actual: "a body that is not JSON")
        }
        return evaluate(document: document)
    }

    public func evaluate(document: Any) -> Result {
        guard let raw = path.resolve(in: document) else {
            return .failed(expected: description, actual: "\(path) missing")
        }
        let actual = JSONScalar(raw)
        guard let op, let expected else {
            switch actual {
            case .null, .bool(false): return .failed(expected: "\(path) to be set", actual: actual.description)
            default: return .passed
            }
        }
        let ok: Bool
        switch op {
        case .equal: ok = Self.equal(actual, expected)
        case .notEqual: ok = !Self.equal(actual, expected)
        default:
            guard let a = actual.number, let e = expected.number else {
                return .failed(expected: description, actual: "\(path) = \(actual) (not a number)")
            }
            switch op {
            case .less: ok = a < e
            case .lessOrEqual: ok = a <= e
            case .greater: ok = a > e
            case .greaterOrEqual: ok = a >= e
            default: ok = false
            }
        }
        return ok ? .passed : .failed(expected: description, actual: "\(path) = \(actual)")
    }

    private static func equal(_ a: JSONScalar, _ b: JSONScalar) -> Bool {
        if let x = a.number, let y = b.number, case .number = b { return x == y }
        return a == b
    }
}
