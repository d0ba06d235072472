import Foundation
import SondeCore
import SondeHistory
import Testing

/// Alert events in the history file: the `alert_event` rows the recorder writes, read back by
/// `HistoryStore.alerts(since:)` and shown by `sonde history --alerts`.
@Suite struct AlertHistoryTests {
    let base = Date(timeIntervalSince1970: 1_800_000_000)

    func notice(
        _ subject: String, _ state: AlertNotice.State, at seconds: Double, from base: Date, rule: String = "down",
        reason: String = "HTTP 503 (expected 2xx)", reminder: Bool = false, valueMs: Double? = nil
    ) -> AlertNotice {
        AlertNotice(
            rule: rule, severity: "critical", subject: subject, kind: "http", state: state, reason: state == .resolved ? "recovered" : reason,
            since: base.addingTimeInterval(min(0, seconds)), ended: state == .resolved ? base.addingTimeInterval(seconds) : nil,
            valueMs: valueMs, reminder: reminder, channels: ["hook", "desk"], at: base.addingTimeInterval(seconds)
        )
    }

    @Test func theRecorderCommitsAlertRowsThatReadBackWhole() async throws {
        let folder = try temporaryFolder()
        let store = try openStore(in: folder, redactor: Redactor(secrets: ["tok-123"]))
        let recorder = HistoryRecorder(store: store, flushEvery: .seconds(3600))
        let fired = notice("api", .firing, at: 0, from: base, reason: "HTTP 503 (expected 2xx); token tok-123", valueMs: 12.5)
        let reminded = notice("api", .firing, at: 1800, from: base, reminder: true)
        let resolved = notice("api", .resolved, at: 3600, from: base)
        recorder.record([fired])
        recorder.record([reminded, resolved])
        #expect(try await store.alerts().isEmpty, "nothing before the batch is committed")
        await recorder.finish()
        try store.close()

        let read = try await openStore(in: folder).alerts()
        #expect(read.count == 3)
        #expect(read.map(\.state) == [.firing, .firing, .resolved])
        #expect(read.map(\.reminder) == [false, true, false])
        let first = try #require(read.first)
        #expect(first.rule == "down" && first.severity == "critical" && first.subject == "api" && first.kind == "http")
        #expect(first.reason == "HTTP 503 (expected 2xx); token ***", "masked before it reaches the file")
        #expect(first.valueMs == 12.5)
        #expect(first.channels == ["hook", "desk"])
        #expect(first.since == base && first.at == base && first.ended == nil)
        #expect(read[2].ended == base.addingTimeInterval(3600))
        #expect(read[2].reason == "recovered")

        let raw = try Data(contentsOf: folder.appendingPathComponent("history.sqlite"))
            + ((try? Data(contentsOf: folder.appendingPathComponent("history.sqlite-wal"))) ?? Data())
        #expect(raw.range(of: Data("tok-123".utf8)) == nil, "the secret is in neither the file nor its WAL")
    }

    @Test func alertsSinceKeepsTheSpanOldestFirst() async throws {
        let store = try openStore(in: try temporaryFolder())
        // Appended out of order: the read sorts by time.
        try await store.append([notice("web", .firing, at: 120, from: base), notice("api", .firing, at: 10, from: base)])
        try await store.append([notice("api", .resolved, at: 300, from: base), notice("old", .firing, at: -7200, from: base)])
        let recent = try await store.alerts(since: base)
        #expect(recent.map(\.subject) == ["api", "web", "api"])
        #expect(recent.map(\.state) == [.firing, .firing, .resolved])
        #expect(try await store.alerts().count == 4)
    }

    @Test func historyAlertsListsTheEventsOfTheSpanAndOfOneTarget() async throws {
        let folder = try temporaryFolder()
        let config = try writeConfig(in: folder, url: "http://127.0.0.1:9/health")
        let store = try HistoryStore(path: folder.appendingPathComponent(HistoryLocation.defaultFileName).path)
        let now = Date().addingTimeInterval(-600)
        try await store.append([
            notice("api", .firing, at: 0, from: now),
            notice("db", .firing, at: 5, from: now, rule: "slow", reason: "slow: 250ms (goal 100ms)"),
            notice("api", .firing, at: 300, from: now, reminder: true),
            notice("api", .resolved, at: 420, from: now),
            notice("gone", .firing, at: -7200, from: now),
        ])

        let all = try await SondeBinary.run(["history", "--config", config.path, "--alerts"], in: folder)
        #expect(all.status == 0, "\(all.output)")
        let lines = all.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Alerts in the last 60m:", "\(all.output)")
        #expect(lines.dropFirst().first?.contains(#/^TIME\s+RULE\s+TARGET\s+STATE\s+SINCE\s+CHANNELS\s+REASON$/#) == true, "\(all.output)")
        let rows = Array(lines.drop { !$0.hasPrefix("TIME") }.dropFirst().filter { !$0.allSatisfy { $0 == "-" || $0 == " " } })
        #expect(rows.count == 4, "the event two hours back is outside the span: \(all.output)")
        let time = #/\d\d:\d\d:\d\d/#
        #expect(rows[0].contains(#/^\d\d:\d\d:\d\d\s+down\s+api\s+firing\s+\d\d:\d\d:\d\d\s+hook,desk\s+HTTP 503 \(expected 2xx\)$/#), "\(rows[0])")
        #expect(rows[1].contains(#/\s+slow\s+db\s+firing\s+.*slow: 250ms \(goal 100ms\)$/#), "\(rows[1])")
        #expect(rows[2].contains(#/\s+down\s+api\s+reminder\s+/#), "a reminder is named as one: \(rows[2])")
        #expect(rows[3].contains(#/\s+down\s+api\s+resolved\s+.*recovered$/#), "\(rows[3])")
        #expect(rows.allSatisfy { $0.contains(time) })
        #expect(!all.output.contains("gone"))

        let one = try await SondeBinary.run(["history", "db", "--config", config.path, "--alerts"], in: folder)
        #expect(one.status == 0, "\(one.output)")
        #expect(one.output.contains("slow: 250ms (goal 100ms)"))
        #expect(!one.output.contains(" api "), "\(one.output)")

        let none = try await SondeBinary.run(["history", "web", "--config", config.path, "--alerts", "--since", "30m"], in: folder)
        #expect(none.status == 0, "\(none.output)")
        #expect(none.output.trimmingCharacters(in: .whitespacesAndNewlines) == "No alerts for web in the last 30m.", "\(none.output)")
    }
}
