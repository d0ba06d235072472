/// `status: 200`, `status: [200, 204]`, `status: "200-299"`; the default is any 2xx.
public struct StatusExpectation: Sendable, Equatable, CustomStringConvertible {
    public let ranges: [ClosedRange<Int>]

    public init(ranges: [ClosedRange<Int>]) {
        self.ranges = ranges
    }

    public static let success = StatusExpectation(ranges: [200...299])

    public static func code(_ code: Int) -> StatusExpectation { StatusExpectation(ranges: [code...code]) }

    public func accepts(_ status: Int) -> Bool { ranges.contains { $0.contains(status) } }

    public var description: String {
        ranges.map { range in
            if range.lowerBound == range.upperBound { return String(range.lowerBound) }
            if range.lowerBound % 100 == 0, range.upperBound == range.lowerBound + 99 { return "\(range.lowerBound / 100)xx" }
            return "\(range.lowerBound)-\(range.upperBound)"
        }
            .joined(separator: ", ")
    }

    /// Reads "200", "200-299" or "2xx".
    public static func parse(_ text: String) -> ClosedRange<Int>? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t.count == 3, t.hasSuffix("xx"), let first = Int(t.prefix(1)), (1...5).contains(first) {
            return (first * 100)...(first * 100 + 99)
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 1, let c = Int(parts[0]), (100...599).contains(c) { return c...c }
        if parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]), (100...599).contains(lo),
           (100...599).contains(hi), lo <= hi {
            return lo...hi
        }
        return nil
    }
}

import Foundation
