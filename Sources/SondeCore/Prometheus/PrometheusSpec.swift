import Foundation

/// `prometheus: URL` with `query:`: an instant PromQL query against the team's Prometheus, so a
/// row can show "5xx rate of checkout" beside direct probes. The answer must be one number.
public struct PrometheusSpec: Sendable, Equatable {
    /// The server's base URL (`http://prometheus:9090`); `user:password@` is sent as Basic auth.
    public var url: URL
    public var query: String
    /// What the value must satisfy (`expect: { value: "< 0.01" }`); nil accepts any number.
    public var expectation: ValueExpectation?
    /// The name the value is shown under among reported figures (`report: error_rate`).
    public var reportName: String?

    public init(url: URL, query: String, expectation: ValueExpectation? = nil, reportName: String? = nil) {
        self.url = url
        self.query = query
        self.expectation = expectation
        self.reportName = reportName
    }
}

/// `"< 0.01"`, `">= 1"`, `"== 0"`: a comparison of one number against a bound.
public struct ValueExpectation: Sendable, Equatable, CustomStringConvertible {
    public var comparison: JSONAssertion.Operator
    public var bound: Double

    public init(comparison: JSONAssertion.Operator, bound: Double) {
        self.comparison = comparison
        self.bound = bound
    }

    /// Reads `OP NUMBER`; a bare number means `==`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Two-character operators first, so `<=` is not read as `<` and `=0`.
        let ordered = JSONAssertion.Operator.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        let found = ordered.first { trimmed.hasPrefix($0.rawValue) }
        let rest = found.map { String(trimmed.dropFirst($0.rawValue.count)) } ?? trimmed
        guard let bound = Double(rest.trimmingCharacters(in: .whitespaces)), bound.isFinite else { return nil }
        self.init(comparison: found ?? .equal, bound: bound)
    }

    public func accepts(_ value: Double) -> Bool {
        switch comparison {
        case .equal: value == bound
        case .notEqual: value != bound
        case .less: value < bound
        case .lessOrEqual: value <= bound
        case .greater: value > bound
        case .greaterOrEqual: value >= bound
        }
    }

    public var description: String { "\(comparison.rawValue) \(ValueExpectation.format(bound))" }

    /// A number as a person writes it: `0.01`, `3`, not `3.0`.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
