import Foundation
import GRDB
import SondeCore

/// The history file: every probe result and deploy marker, in SQLite in WAL mode.
///
/// WAL with GRDB's DatabasePool: readers (`sonde history` in another terminal) never block the
/// writer, and a killed process leaves committed transactions intact; at most the results not
/// yet flushed by `HistoryRecorder` are lost.
public final class HistoryStore: Sendable {
    public let path: String
    public let redactor: Redactor
    private let pool: DatabasePool

    public init(path: String, redactor: Redactor = Redactor(secrets: [])) throws(HistoryError) {
        self.path = path
        self.redactor = redactor
        var configuration = Configuration()
        // Another Sonde (a dashboard and a deploy check) may write the same file: wait, don't fail.
        configuration.busyMode = .timeout(5)
        configuration.label = "sonde-history"
        // A moment in the past reads an hour of a fleet's rows (megabytes) per step; SQLite's
        // 2 MB default page cache would read them again from the file at every step.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -16384") }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try HistorySchema.migrator.migrate(pool)
        } catch {
            throw HistoryError(.cannotOpen, path: path, detail: Self.describe(error))
        }
    }

    // MARK: Writing

    public func append(_ results: [ProbeResult]) async throws(HistoryError) {
        guard !results.isEmpty else { return }
        let records = results.map { ResultRecord($0, redactor: redactor) }
        try await write { db in
            for var record in records { try record.insert(db) }
        }
    }

    public func append(_ notices: [AlertNotice]) async throws(HistoryError) {
        guard !notices.isEmpty else { return }
        let records = notices.map { AlertRecord($0, redactor: redactor) }
        try await write { db in
            for var record in records { try record.insert(db) }
        }
    }

    /// Alert events since `since`, oldest first.
    public func alerts(since: Date = .distantPast) async throws(HistoryError) -> [AlertNotice] {
        let limit = since.timeIntervalSince1970
        return try await read { db in
            try AlertRecord.filter(Column("at") >= limit).order(Column("at"), Column("id")).fetchAll(db).map(\.notice)
        }
    }

    /// Stores a marker and returns it with its id.
    @discardableResult
    public func add(_ marker: DeployMarker) async throws(HistoryError) -> DeployMarker {
        let record = MarkerRecord(marker, redactor: redactor)
        return try await write { db in
            var stored = record
            try stored.insert(db)
            return stored.marker
        }
    }

    public func append(_ readings: [SuiteReading]) async throws(HistoryError) {
        guard !readings.isEmpty else { return }
        let records = readings.map { SuiteReadingRecord($0, redactor: redactor) }
        try await write { db in
            for var record in records { try record.insert(db) }
        }
    }

    /// Deletes results, markers and suite readings older than `cutoff`; returns how many results went.
    @discardableResult
    public func prune(olderThan cutoff: Date) async throws(HistoryError) -> Int {
        let limit = cutoff.timeIntervalSince1970
        return try await write { db in
            try MarkerRecord.filter(Column("at") < limit).deleteAll(db)
            try AlertRecord.filter(Column("at") < limit).deleteAll(db)
            try SuiteReadingRecord.filter(Column("read_at") < limit).deleteAll(db)
            return try ResultRecord.filter(Column("started_at") < limit).deleteAll(db)
        }
    }

    @discardableResult
    public func prune(retention: Duration, now: Date = Date()) async throws(HistoryError) -> Int {
        try await prune(olderThan: now.addingTimeInterval(-retention.seconds))
    }

    // MARK: Reading

    /// Results since a moment, oldest first; of one target when named.
    public func results(since: Date = .distantPast, target: String? = nil) async throws(HistoryError) -> [ProbeResult] {
        try await read { db in
            try Self.request(since: since, target: target).order(Column("started_at"), Column("id"))
                .fetchAll(db).map(\.probeResult)
        }
    }

    public func count(target: String? = nil) async throws(HistoryError) -> Int {
        try await read { db in try Self.request(since: .distantPast, target: target).fetchCount(db) }
    }

    /// Per target (in name order): count, failures and latency percentiles since a moment.
    /// Reads only three columns, so a week of history stays cheap.
    public func summaries(since: Date = .distantPast, target: String? = nil) async throws(HistoryError) -> [(target: String, summary: LatencySummary)] {
        let rows = try await read { db in
            try Row.fetchAll(db, Self.request(since: since, target: target).select(Column("target"), Column("status"), Column("latency_ms")))
                .map { row -> (String, Bool, Double?) in (row["target"], row["status"] == Status.down.rawValue, row["latency_ms"]) }
        }
        var grouped: [String: (count: Int, failures: Int, latencies: [Double])] = [:]
        for (name, down, latency) in rows {
            var entry = grouped[name] ?? (0, 0, [])
            entry.count += 1
            if down { entry.failures += 1 } else if let latency { entry.latencies.append(latency) }
            grouped[name] = entry
        }
        return grouped.keys.sorted().compactMap { name in
            grouped[name].map { (name, LatencySummary(count: $0.count, failures: $0.failures, latencies: $0.latencies)) }
        }
    }

    /// One target's results and failures in each window back from `now` (1 h, 24 h, 7 d by default).
    public func uptime(target: String, windows: [TimeInterval] = Uptime.standardWindows, now: Date = Date()) async throws(HistoryError) -> [Uptime] {
        try await uptime(until: now, target: target, windows: windows)[target]
            ?? windows.map { Uptime(window: $0, results: 0, failures: 0) }
    }

    public func failureWindows(since: Date = .distantPast, target: String? = nil) async throws(HistoryError) -> [FailureWindow] {
        FailureWindow.find(in: try await results(since: since, target: target))
    }

    public func markers(since: Date = .distantPast, until: Date = .distantFuture) async throws(HistoryError) -> [DeployMarker] {
        try await read { db in
            try MarkerRecord.filter(Column("at") >= since.timeIntervalSince1970 && Column("at") <= until.timeIntervalSince1970)
                .order(Column("at"), Column("id")).fetchAll(db).map(\.marker)
        }
    }

    /// The last `perTarget` results of each named target in `from` (excluded) through `through`,
    /// oldest first per target: one read per target that walks `result_by_target_time` back from `through`
    /// and stops after `perTarget` rows, so a moment in a week-long file costs what its window
    /// holds, not what the file holds.
    /// Only the newest `whole` of each target keep their phases (the detail view's recent
    /// results) and only the newest `reporting` their reported figures (as many as the store
    /// keeps per figure); older ones feed windows and sparklines, which need neither, and
    /// skipping their JSON is most of what a step costs.
    public func results(
        perTarget: Int, whole: Int, reporting: Int, targets: [String], from: Date, through: Date
    ) async throws(HistoryError) -> [ProbeResult] {
        let limit = max(1, perTarget)
        let low = from.timeIntervalSince1970, high = through.timeIntervalSince1970
        let records = try await read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT \(ResultRecord.columns) FROM result WHERE target = ? AND started_at > ? AND started_at <= ?
                ORDER BY started_at DESC LIMIT ?
                """)
            var found: [ResultRecord] = []
            found.reserveCapacity(targets.count * limit)
            var one: [ResultRecord] = []
            for name in targets {
                let rows = try Row.fetchCursor(statement, arguments: [name, low, high, limit])
                one.removeAll(keepingCapacity: true)
                while let row = try rows.next() {
                    one.append(ResultRecord(row: row, phases: one.count < whole, reported: one.count < reporting))
                }
                found.append(contentsOf: one.reversed())
            }
            return found
        }
        // Oldest first per target, target after target: a target's windows depend on its own
        // order only, and the event log keeps itself in time order. Sorting 20,000 records
        // across targets cost more than reading them.
        let decoder = JSONDecoder()
        return records.map { $0.probeResult(decoding: decoder) }
    }

    /// What the panes show at `moment`: per target its last `perTarget` results within `span`
    /// before it, the deploy markers in that span, and every suite's readings up to it.
    public func moment(at moment: Date, targets: [String], perTarget: Int, span: TimeInterval) async throws(HistoryError) -> HistorySeed {
        let from = moment.addingTimeInterval(-span)
        let limits = Observations.Limits()
        let results = try await results(
            perTarget: perTarget, whole: limits.recent, reporting: limits.reported, targets: targets, from: from, through: moment
        )
        let markers = try await markers(since: from, until: moment)
        let readings = try await suiteReadings(until: moment)
        return HistorySeed(results: results, markers: markers, versions: [:], readings: readings)
    }

    /// The last `perTarget` results of each target no older than `since`, oldest first.
    public func recent(perTarget: Int, since: Date = .distantPast, target: String? = nil) async throws(HistoryError) -> [ProbeResult] {
        let limit = max(1, perTarget)
        let from = since.timeIntervalSince1970
        let records = try await read { db in
            try ResultRecord.fetchAll(db, sql: """
                SELECT * FROM (
                  SELECT *, ROW_NUMBER() OVER (PARTITION BY target ORDER BY started_at DESC, id DESC) AS rank
                  FROM result WHERE started_at >= ? AND (? IS NULL OR target = ?)
                ) WHERE rank <= ? ORDER BY started_at, id
                """, arguments: [from, target, target, limit])
        }
        return records.map(\.probeResult)
    }

    /// The last `perSuite` readings of each suite, oldest first: what "newly failing" is judged against.
    /// Readings after `until` are left out (a moment in the past sees only what came before it).
    public func suiteReadings(perSuite: Int = SuiteTrend.runsKept, until: Date = .distantFuture) async throws(HistoryError) -> [SuiteReading] {
        let limit = max(1, perSuite)
        let last = until.timeIntervalSince1970
        let records = try await read { db in
            try SuiteReadingRecord.fetchAll(db, sql: """
                SELECT * FROM (
                  SELECT *, ROW_NUMBER() OVER (PARTITION BY suite ORDER BY read_at DESC, id DESC) AS rank
                  FROM suite_reading WHERE read_at <= ?
                ) WHERE rank <= ? ORDER BY read_at, id
                """, arguments: [last, limit])
        }
        return records.compactMap(\.reading)
    }

    /// The newest version each target reported, however old: a deploy made while Sonde was
    /// stopped is still a change against it.
    public func lastVersions() async throws(HistoryError) -> [String: String] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT target, version FROM result AS r
                WHERE version IS NOT NULL AND id = (
                  SELECT id FROM result WHERE target = r.target AND version IS NOT NULL
                  ORDER BY started_at DESC, id DESC LIMIT 1)
                """).reduce(into: [String: String]()) { $0[$1["target"]] = $1["version"] }
        }
    }

    /// The last `perTarget` results of each target (no older than `since`), the markers in that
    /// span and each target's last known version: everything a restarted dashboard shows.
    public func seed(perTarget: Int = 100, since: Date = .distantPast) async throws(HistoryError) -> HistorySeed {
        let results = try await recent(perTarget: perTarget, since: since)
        let versions = try await lastVersions()
        // Markers from the start of the span: a deploy marked just before the first result counts.
        let earliest = results.first?.startedAt ?? Date()
        let markers = try await markers(since: since == .distantPast ? earliest : since)
        return HistorySeed(results: results, markers: markers, versions: versions)
    }

    /// SQLite's own check of the file: "ok" when sound.
    public func integrityCheck() async throws(HistoryError) -> String {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    public func close() throws(HistoryError) {
        do { try pool.close() } catch { throw HistoryError(.cannotWrite, path: path, detail: Self.describe(error)) }
    }

    // MARK: Plumbing

    private static func request(since: Date, target: String?) -> QueryInterfaceRequest<ResultRecord> {
        var request = ResultRecord.filter(Column("started_at") >= since.timeIntervalSince1970)
        if let target { request = request.filter(Column("target") == target) }
        return request
    }

    private func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws(HistoryError) -> T {
        do { return try await pool.write(updates) } catch { throw HistoryError(.cannotWrite, path: path, detail: Self.describe(error)) }
    }

    func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws(HistoryError) -> T {
        do { return try await pool.read(value) } catch { throw HistoryError(.cannotRead, path: path, detail: Self.describe(error)) }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return "\(error)"
    }
}
