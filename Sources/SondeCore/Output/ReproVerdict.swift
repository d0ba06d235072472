import Foundation

/// "expected / actual / verdict" for one `expect_failure:`: did the failure an incident
/// describes show up? A failure seen in any round counts: incidents are often intermittent.
public struct ReproVerdict: Sendable, Equatable {
    public enum Subject: String, Sendable {
        case target, journey
    }

    public var name: String
    public var subject: Subject
    public var expected: String
    /// What was seen: the reproducing result when there was one, else the latest.
    public var actual: String
    /// Whether what was seen was healthy (for the report's ✅/❌ beside the actual result).
    public var actualIsHealthy: Bool
    public var reproducedRounds: Int
    public var rounds: Int

    public init(
        name: String, subject: Subject, expected: String, actual: String, actualIsHealthy: Bool, reproducedRounds: Int, rounds: Int
    ) {
        self.name = name
        self.subject = subject
        self.expected = expected
        self.actual = actual
        self.actualIsHealthy = actualIsHealthy
        self.reproducedRounds = reproducedRounds
        self.rounds = rounds
    }

    public var reproduced: Bool { reproducedRounds > 0 }
    public var verdict: String { reproduced ? "REPRODUCED" : "NOT REPRODUCED" }
}

public enum ReproVerdicts {
    /// A verdict per target and journey that carries `expect_failure:`, in config order.
    public static func evaluate(
        targets: [Target], results: [ProbeResult], journeys: [JourneySpec] = [], journeyRuns: [JourneyResult] = []
    ) -> [ReproVerdict] {
        let targetVerdicts = targets.compactMap { target -> ReproVerdict? in
            guard let expected = target.expectedFailure else { return nil }
            let mine = results.filter { $0.target == target.name }.sorted { $0.sequence < $1.sequence }
            let hits = mine.filter(expected.isReproduced(by:))
            let shown = hits.last ?? mine.last
            return ReproVerdict(
                name: target.name, subject: .target, expected: expected.description,
                actual: shown.map(describe) ?? "no result", actualIsHealthy: shown.map { $0.status != .down } ?? false,
                reproducedRounds: hits.count, rounds: mine.count
            )
        }
        let journeyVerdicts = journeys.compactMap { journey -> ReproVerdict? in
            guard let expected = journey.expectedFailure else { return nil }
            let mine = journeyRuns.filter { $0.name == journey.name }.sorted { $0.sequence < $1.sequence }
            let hits = mine.filter { reproduces(expected, $0) }
            let shown = hits.last ?? mine.last
            return ReproVerdict(
                name: journey.name, subject: .journey, expected: expected.description,
                actual: shown.map(describe) ?? "no result", actualIsHealthy: shown.map { $0.status != .down } ?? false,
                reproducedRounds: hits.count, rounds: mine.count
            )
        }
        return targetVerdicts + journeyVerdicts
    }

    /// A journey shows a failure when it failed as a whole (`down`) or when one of its steps shows it.
    static func reproduces(_ expected: ExpectedFailure, _ run: JourneyResult) -> Bool {
        if case .down = expected.condition { return run.status == .down }
        return run.steps.contains { $0.result.map(expected.isReproduced(by:)) ?? false }
    }

    /// One short phrase for a result: "HTTP 200 in 410ms", "connected in 778ms", or the failure.
    public static func describe(_ result: ProbeResult) -> String {
        if let reason = result.reason { return reason.message }
        let latency = result.latency.map { " in \($0.humanReadable)" } ?? ""
        switch result.kind {
        case .http: return "HTTP \(result.outcome.statusCode.map(String.init) ?? "?")\(latency)"
        case .websocket, .postgres, .redis, .clickhouse, .tcp: return "connected\(latency)"
        case .dns: return "answered\(latency)"
        case .icmp: return "replied\(latency)"
        case .exec: return "OK\(latency)"
        case .grpc: return "SERVING\(latency)"
        case .prometheus: return "\(result.outcome.message ?? "answered")\(latency)"
        }
    }

    public static func describe(_ run: JourneyResult) -> String {
        guard let reason = run.failureReason else { return run.summary }
        return "\(run.summary) (\(reason))"
    }

    /// 0 when every expected failure was reproduced, 1 otherwise.
    public static func exitCode(_ verdicts: [ReproVerdict]) -> Int32 {
        verdicts.allSatisfy(\.reproduced) ? 0 : 1
    }
}
