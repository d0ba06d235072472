import Foundation
import GRDB
import SondeCore

/// One probe result as a row. Messages and versions are redacted before they reach the file.
struct ResultRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "result"

    var id: Int64?
    var target: String
    var kind: String
    var status: String
    var latencyMs: Double?
    var latencyTargetMs: Double?
    var statusCode: Int?
    var reasonKind: String?
    var reasonMessage: String?
    /// JSON `[{"name": "connect", "ms": 1.2}, ...]`, in the probe's order.
    var phases: String
    /// JSON `[{"name": "postgres", "value": 101}, ...]`.
    var reported: String
    var version: String?
    var startedAt: Double
    var sequence: Int

    enum CodingKeys: String, CodingKey {
        case id, target, kind, status, phases, reported, version, sequence
        case latencyMs = "latency_ms"
        case latencyTargetMs = "latency_target_ms"
        case statusCode = "status_code"
        case reasonKind = "reason_kind"
        case reasonMessage = "reason_message"
        case startedAt = "started_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ result: ProbeResult, redactor: Redactor) {
        target = result.target
        kind = result.kind.rawValue
        status = result.status.rawValue
        latencyMs = result.latency?.milliseconds
        latencyTargetMs = result.latencyTarget?.milliseconds
        statusCode = result.outcome.statusCode
        reasonKind = result.reason?.kind.rawValue
        reasonMessage = result.reason.map { redactor.redact($0.message) }
        phases = JSONText.encode(result.outcome.phases.map { PhaseJSON(name: $0.name, ms: $0.duration.milliseconds) })
        reported = JSONText.encode(result.outcome.reported)
        version = result.outcome.version.map(redactor.redact)
        startedAt = result.startedAt.timeIntervalSince1970
        sequence = result.sequence
    }

    /// The columns `init(row:phases:)` reads, in its order.
    static let columns = "id, target, kind, status, latency_ms, latency_target_ms, status_code, reason_kind, reason_message, phases, reported, version, started_at, sequence"

    /// A row read by position (no Codable: a moment in the past reads thousands of rows);
    /// the JSON columns not asked for are left unread (decoding them is most of a row's cost).
    init(row: Row, phases keepPhases: Bool, reported keepReported: Bool) {
        id = row[0]
        target = row[1]
        kind = row[2]
        status = row[3]
        latencyMs = row[4]
        latencyTargetMs = row[5]
        statusCode = row[6]
        reasonKind = row[7]
        reasonMessage = row[8]
        phases = keepPhases ? row[9] : "[]"
        reported = keepReported ? row[10] : "[]"
        version = row[11]
        startedAt = row[12]
        sequence = row[13]
    }

    /// Back to a result; a value this version does not know (a newer file) degrades, never fails.
    var probeResult: ProbeResult { probeResult(decoding: JSONDecoder()) }

    /// With one decoder for a whole batch: making one per row costs more than the decoding.
    func probeResult(decoding decoder: JSONDecoder) -> ProbeResult {
        let failure = reasonMessage.map { message in
            FailureReason(reasonKind.flatMap(FailureReason.Kind.init(rawValue:)) ?? .other, message)
        }
        let outcome = ProbeOutcome(
            latency: latencyMs.map { Duration.milliseconds($0) },
            phases: JSONText.decode([PhaseJSON].self, phases, using: decoder).map { PhaseTiming($0.name, .milliseconds($0.ms)) },
            reported: JSONText.decode([ReportedMetric].self, reported, using: decoder),
            failure: failure,
            statusCode: statusCode,
            version: version
        )
        return ProbeResult(
            target: target, kind: TargetKind(rawValue: kind) ?? .http,
            status: Status(rawValue: status) ?? (failure == nil ? .up : .down),
            outcome: outcome, latencyTarget: latencyTargetMs.map { Duration.milliseconds($0) },
            startedAt: Date(timeIntervalSince1970: startedAt), sequence: sequence
        )
    }
}

private struct PhaseJSON: Codable {
    var name: String
    var ms: Double
}

/// Small JSON columns; an unreadable one reads as empty rather than losing the whole row.
enum JSONText {
    static func encode<T: Encodable>(_ value: [T]) -> String {
        guard !value.isEmpty, let data = try? JSONEncoder().encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: [T].Type, _ text: String, using decoder: JSONDecoder = JSONDecoder()) -> [T] {
        // Most rows report nothing: no decoding for an empty list.
        guard text != "[]" else { return [] }
        return (try? decoder.decode(type, from: Data(text.utf8))) ?? []
    }
}
