import Foundation
import GRDB
import SondeCore

extension HistoryStore {
    /// How far either side of the newest deploy marker a report compares.
    public static let reportDeploySpan: TimeInterval = 900

    /// What a report draws of the span `start...end`: each target's results in `buckets` equal
    /// slices, uptime over 1 h / 24 h / 7 d back from `end`, the markers, and the newest
    /// marker's before/after. Aggregated in SQL, so a week of results is never loaded whole.
    public func timeline(start: Date, end: Date, buckets: Int, targets: [String]) async throws(HistoryError) -> ReportTimeline {
        let slices = max(1, buckets)
        let width = max(end.timeIntervalSince(start), 1) / Double(slices)
        let from = start.timeIntervalSince1970, until = end.timeIntervalSince1970
        let rows = try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT target, CAST((started_at - ?) / ? AS INTEGER) AS slice, COUNT(*) AS n,
                  SUM(status = 'down') AS down, SUM(status = 'slow') AS slow,
                  MIN(CASE WHEN status != 'down' THEN latency_ms END) AS lo,
                  AVG(CASE WHEN status != 'down' THEN latency_ms END) AS mean,
                  MAX(CASE WHEN status != 'down' THEN latency_ms END) AS hi
                FROM result WHERE started_at >= ? AND started_at <= ?
                GROUP BY target, slice
                """, arguments: [from, width, from, until]).map(SliceRow.init)
        }
        var series: [String: [TimelineBucket]] = [:]
        let empty = (0..<slices).map { TimelineBucket(start: start.addingTimeInterval(Double($0) * width)) }
        for name in targets { series[name] = empty }
        for row in rows {
            // A result exactly at `end` falls one past the last slice: it belongs to the last.
            let slice = min(max(row.slice, 0), slices - 1)
            var list = series[row.target] ?? empty
            var bucket = list[slice]
            let answered = Double(bucket.count - bucket.down), adding = Double(row.count - row.down)
            if let mean = row.meanMs {
                bucket.meanMs = ((bucket.meanMs ?? 0) * answered + mean * adding) / max(answered + adding, 1)
            }
            bucket.count += row.count
            bucket.down += row.down
            bucket.slow += row.slow
            bucket.minMs = [bucket.minMs, row.minMs].compactMap { $0 }.min()
            bucket.maxMs = [bucket.maxMs, row.maxMs].compactMap { $0 }.max()
            list[slice] = bucket
            series[row.target] = list
        }
        let uptime = try await uptime(until: end)
        let markers = try await markers(since: start).filter { $0.at <= end }
        var deploy: DeployComparison?
        if let newest = markers.last {
            let around = try await results(
                from: newest.at.addingTimeInterval(-Self.reportDeploySpan), to: newest.at.addingTimeInterval(Self.reportDeploySpan))
            deploy = DeployComparison(marker: newest, results: around, targets: targets.filter { series[$0]?.contains { $0.count > 0 } ?? false })
        }
        return ReportTimeline(start: start, end: end, series: series, uptime: uptime, markers: markers, deploy: deploy)
    }

    /// Per target (or the one named), results and failures in each window back from `end`, in
    /// one pass over the time index; the windows are `Uptime.standardWindows` unless given.
    public func uptime(until end: Date, target: String? = nil, windows: [TimeInterval] = Uptime.standardWindows) async throws(HistoryError) -> [String: [Uptime]] {
        let edges = windows.map { end.timeIntervalSince1970 - $0 }
        let columns = windows.indices.map { "SUM(started_at >= ?) AS n\($0), SUM(started_at >= ? AND status = 'down') AS d\($0)" }
        var arguments: [any DatabaseValueConvertible] = []
        for edge in edges { arguments += [edge, edge] }
        arguments += [edges.min() ?? 0, end.timeIntervalSince1970, target, target]
        let bound = StatementArguments(arguments.map { $0.databaseValue })
        let rows = try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT target, \(columns.joined(separator: ", "))
                FROM result WHERE started_at >= ? AND started_at <= ? AND (? IS NULL OR target = ?) GROUP BY target
                """, arguments: bound).map { row in
                (row["target"] as String, windows.indices.map { Uptime(window: windows[$0], results: row["n\($0)"], failures: row["d\($0)"]) })
            }
        }
        return Dictionary(rows) { first, _ in first }
    }

    /// When the oldest result in `from...to` started (nil when none did): a report whose history is
    /// younger than its span draws from there, not a span of mostly empty axis.
    public func oldestResult(from: Date, to: Date) async throws(HistoryError) -> Date? {
        try await read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(started_at) FROM result WHERE started_at >= ? AND started_at <= ?",
                                arguments: [from.timeIntervalSince1970, to.timeIntervalSince1970])
        }.map { Date(timeIntervalSince1970: $0) }
    }

    /// The start a report's charts use: `requested`, or the oldest result's minute when history
    /// begins later (at least two minutes before `end`, so a young file still has an axis to read).
    public static func chartStart(requested: Date, oldest: Date?, end: Date) -> Date {
        guard let oldest, oldest > requested else { return requested }
        let minute = Date(timeIntervalSince1970: (oldest.timeIntervalSince1970 / 60).rounded(.down) * 60)
        return max(requested, min(minute, end.addingTimeInterval(-120)))
    }

    /// Results that started in `from...to`, oldest first.
    func results(from: Date, to: Date) async throws(HistoryError) -> [ProbeResult] {
        try await read { db in
            try ResultRecord.filter(Column("started_at") >= from.timeIntervalSince1970 && Column("started_at") <= to.timeIntervalSince1970)
                .order(Column("started_at"), Column("id")).fetchAll(db).map(\.probeResult)
        }
    }
}

/// One (target, slice) row of the timeline query, read out of GRDB's non-Sendable `Row`.
private struct SliceRow: Sendable {
    var target: String
    var slice: Int
    var count: Int
    var down: Int
    var slow: Int
    var minMs: Double?
    var meanMs: Double?
    var maxMs: Double?

    init(_ row: Row) {
        target = row["target"]
        slice = row["slice"]
        count = row["n"]
        down = row["down"]
        slow = row["slow"]
        minMs = row["lo"]
        meanMs = row["mean"]
        maxMs = row["hi"]
    }
}
