import Foundation
import SondeAlerts
import SondeCore
import Testing

@Suite("run: commands get SONDE_ALERT_* and JSON on stdin; the terminal gets BEL and OSC 9 / 777")
struct CommandAndTerminalTests {
    @Test("The command sees the notification in its environment and on stdin")
    func command() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "sonde-alert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appending(path: "seen").path
        let config = try Fixtures.config("""
        alerts:
          group_wait: 0s
          channels: { page: { run: "env | grep ^SONDE_ALERT_ | sort > \(out).env; cat > \(out).json" } }
          rules: [{ name: down, when: down, notify: page }]
        """)
        let log = ChannelLog()
        let dispatcher = AlertDispatcher(config.alerts, options: .init(environment: "staging", redactor: config.redactor, report: log.report))
        let running = Task { await dispatcher.run() }
        dispatcher.send([Fixtures.notice("backend", channels: ["page"]), Fixtures.notice("checkout", channels: ["page"])])
        dispatcher.finish()
        await running.value
        #expect(log.all.isEmpty)
        let env = try String(contentsOfFile: out + ".env", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(env.contains("SONDE_ALERT_STATUS=firing"))
        #expect(env.contains("SONDE_ALERT_RULE=down"))
        #expect(env.contains("SONDE_ALERT_TARGETS=backend,checkout"))
        #expect(env.contains("SONDE_ALERT_COUNT=2"))
        #expect(env.contains("SONDE_ALERT_ENVIRONMENT=staging"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + ".json"))) as? [String: Any]
        #expect((json?["alerts"] as? [Any])?.count == 2)
    }

    @Test("A failing command is reported with its exit status and first line, and one that hangs is killed")
    func failingCommand() async throws {
        let config = try Fixtures.config("""
        alerts:
          group_wait: 0s
          channels:
            broken: { run: "echo 'pager says no'; exit 3" }
            stuck: { run: ["/bin/sh", "-c", "sleep 600"] }
          rules: [{ name: down, when: down, notify: [broken, stuck] }]
        """)
        let log = ChannelLog()
        let dispatcher = AlertDispatcher(
            config.alerts, options: .init(environment: "staging", redactor: config.redactor, retry: RetryPolicy(delays: []), deliveryTimeout: .milliseconds(300), report: log.report)
        )
        let running = Task { await dispatcher.run() }
        dispatcher.send([Fixtures.notice("backend", channels: ["broken", "stuck"])])
        dispatcher.finish()
        await running.value
        let byChannel = Dictionary(log.all.map { ($0.channel, $0.problem ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(byChannel["broken"]?.hasPrefix("/bin/sh exited 3: pager says no") == true, "\(byChannel)")
        #expect(byChannel["stuck"]?.hasPrefix("/bin/sh did not finish within 300ms (killed)") == true, "\(byChannel)")
    }

    @Test("Terminal bytes: OSC 9, OSC 777 and BEL; wrapped for tmux; no control character from a reason")
    func terminalBytes() async throws {
        let config = try Fixtures.config("""
        alerts:
          group_wait: 0s
          channels: { desk: { terminal: true }, tmux: { terminal: { bell: false } } }
          rules: [{ name: down, when: down, notify: [desk, tmux] }]
        """)
        let plain = ByteLog(), wrapped = ByteLog()
        let dispatcher = AlertDispatcher(config.alerts, options: .init(environment: "staging", redactor: config.redactor, terminal: TerminalOutput(insideTmux: false, write: plain.append)))
        var notice = Fixtures.notice("backend", channels: ["desk"])
        notice.reason = "evil\u{07}\u{1B}]0;pwned"
        let running = Task { await dispatcher.run() }
        dispatcher.send([notice])
        dispatcher.finish()
        await running.value
        #expect(plain.text == "\u{1B}]9;[staging] down firing: backend (evil]0;pwned)\u{07}\u{1B}]777;notify;Sonde: down firing;[staging] down firing: backend (evil]0;pwned)\u{07}\u{07}")

        let inTmux = AlertDispatcher(config.alerts, options: .init(environment: "staging", redactor: config.redactor, terminal: TerminalOutput(insideTmux: true, write: wrapped.append)))
        let again = Task { await inTmux.run() }
        inTmux.send([Fixtures.notice("backend", channels: ["tmux"])])
        inTmux.finish()
        await again.value
        #expect(wrapped.text.hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}]9;[staging] down firing"))
        #expect(!wrapped.text.hasSuffix("\u{07}\u{07}"), "bell off")
    }
}

import Synchronization

final class ByteLog: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    var append: @Sendable ([UInt8]) -> Void { { [self] more in bytes.withLock { $0 += more } } }
    var text: String { String(decoding: bytes.withLock { $0 }, as: UTF8.self) }
}
