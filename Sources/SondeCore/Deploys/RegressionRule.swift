/// How Sonde decides that a deploy made a target worse. A target regressed when, with at least
/// `minimumSamples` results on each side of the marker, either
/// - latency: p95 after > max(latencyFactor × p95 before, p95 before + latencyMarginMs)
///   (the factor catches a doubling of a slow service; the margin keeps a 3 ms -> 6 ms wobble
///   of a fast one from counting), judged only when both sides have answered results; or
/// - errors: error rate after − error rate before > errorRatePoints percentage points
///   (a service down after the deploy is the largest error-rate regression there is).
public struct RegressionRule: Sendable, Equatable {
    public var latencyFactor: Double
    public var latencyMarginMs: Double
    public var errorRatePoints: Double
    public var minimumSamples: Int

    public init(latencyFactor: Double = 1.5, latencyMarginMs: Double = 50, errorRatePoints: Double = 5, minimumSamples: Int = 5) {
        self.latencyFactor = latencyFactor
        self.latencyMarginMs = latencyMarginMs
        self.errorRatePoints = errorRatePoints
        self.minimumSamples = max(1, minimumSamples)
    }

    public static let standard = RegressionRule()

    /// What one comparison of a target found.
    public enum Verdict: Sendable, Equatable {
        case ok
        case regressed([Finding])
        /// Too few results on one side to judge; says which.
        case insufficient(String)

        public var isRegression: Bool {
            if case .regressed = self { return true }
            return false
        }
    }

    public enum Finding: Sendable, Equatable, CustomStringConvertible {
        case latency(p95Before: Double, p95After: Double, limit: Double)
        case errors(before: Double, after: Double)

        public var description: String {
            switch self {
            case let .latency(before, after, limit):
                "p95 \(Self.ms(before)) -> \(Self.ms(after)) (limit \(Self.ms(limit)))"
            case let .errors(before, after):
                "errors \(Self.percent(before)) -> \(Self.percent(after))"
            }
        }

        static func ms(_ value: Double) -> String { Duration.milliseconds(value).humanReadable }
        static func percent(_ value: Double) -> String { "\(Int(saturating: value))%" }
    }

    public func latencyLimit(p95Before: Double) -> Double {
        max(latencyFactor * p95Before, p95Before + latencyMarginMs)
    }

    public func judge(before: LatencySummary, after: LatencySummary) -> Verdict {
        guard before.count >= minimumSamples else {
            return .insufficient("\(before.count) results before the deploy, need \(minimumSamples)")
        }
        guard after.count >= minimumSamples else {
            return .insufficient("\(after.count) results after the deploy, need \(minimumSamples)")
        }
        var findings: [Finding] = []
        if let p95Before = before.p95, let p95After = after.p95,
           before.answered >= minimumSamples, after.answered >= minimumSamples {
            let limit = latencyLimit(p95Before: p95Before)
            if p95After > limit { findings.append(.latency(p95Before: p95Before, p95After: p95After, limit: limit)) }
        }
        if let errorsBefore = before.errorRate, let errorsAfter = after.errorRate,
           errorsAfter - errorsBefore > errorRatePoints {
            findings.append(.errors(before: errorsBefore, after: errorsAfter))
        }
        return findings.isEmpty ? .ok : .regressed(findings)
    }
}
