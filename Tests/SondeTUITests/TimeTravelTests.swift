import Foundation
import SondeCore
import Testing
@testable import SondeTUI

@Suite("Time travel: the prompt's times, the keys, the header")
struct TimeTravelTests {
    typealias F = DashboardFixture
    static let utc = TimeZone(identifier: "UTC")!
    /// F.start is 15:33:20 UTC.
    static func parse(_ text: String) -> Result<Date, TravelTimeError> { TravelTime.parse(text, now: F.start, zone: utc) }

    @Test("14:02 is today's, 16:00 (still ahead) yesterday's, -15m fifteen minutes ago, a date and time as written")
    func parsing() throws {
        #expect(try Self.parse("14:02").get() == F.start.addingTimeInterval(-(91 * 60 + 20)))
        #expect(try Self.parse("15:33:20").get() == F.start)
        #expect(try Self.parse("16:00").get() == F.start.addingTimeInterval(26 * 60 + 40 - 86_400))
        #expect(try Self.parse("-15m").get() == F.start.addingTimeInterval(-900))
        #expect(try Self.parse(" -1h30m ").get() == F.start.addingTimeInterval(-5400))
        #expect(try Self.parse("-90s").get() == F.start.addingTimeInterval(-90))
        #expect(try Self.parse("-2d").get() == F.start.addingTimeInterval(-172_800))
        let written = try Self.parse("2025-09-04 14:02").get()
        #expect(written == Date(timeIntervalSince1970: 1_756_994_520))
        #expect(try Self.parse("2025-09-04T14:02:30").get() == written.addingTimeInterval(30))
    }

    @Test("Bad input says what was typed and what would be read", arguments: ["", "abc", "25:00", "14:61", "-15x", "-m", "1402", "2025-02-31 10:00", "2025-9-4 10:00"])
    func badInput(_ typed: String) {
        guard case .failure(let error) = Self.parse(typed) else {
            Issue.record("'\(typed)' was read as a time")
            return
        }
        #expect(error.description.contains("type 14:02, 14:02:30, -15m"))
        #expect(error.description.hasPrefix("'\(typed)'"))
    }

    @Test("A time ahead of now is refused: the live dashboard is there")
    func future() {
        guard case .failure(let error) = Self.parse("2030-01-01 00:00") else {
            Issue.record("a future time was accepted")
            return
        }
        #expect(error.reason.contains("future"))
    }

    @Test("Offsets read as the header shows them")
    func offsets() {
        #expect(TravelTime.offset(F.start.addingTimeInterval(-45), from: F.start) == "-45s")
        #expect(TravelTime.offset(F.start.addingTimeInterval(-720), from: F.start) == "-12m")
        #expect(TravelTime.offset(F.start.addingTimeInterval(-7500), from: F.start) == "-2h05m")
        #expect(TravelTime.offset(F.start.addingTimeInterval(-3 * 86_400 - 4 * 3600), from: F.start) == "-3d04h")
    }

    /// Observations with backend down, as history would rebuild them for a moment.
    static func past() -> Observations {
        var past = Observations()
        past.record(.result(F.result("backend", ms: 12, code: 503, failure: FailureReason(.httpStatus, "HTTP 503 (expected 200)"), at: -700)))
        return past
    }

    @Test("[ steps back a minute; the answer fills every pane; the header says HISTORY with the time and how long ago")
    func stepBack() throws {
        var state = F.populated(width: 120, height: 30)
        let back = F.start.addingTimeInterval(-60)
        #expect(Update.apply(.key(.character("[")), to: &state) == [.travel(back)])
        #expect(state.travel?.loading == true)
        #expect(F.text(state).contains("HISTORY 15:32:20 (-1m) loading"))
        // { goes ten more minutes; the answer to the first step, overtaken, is dropped.
        let further = back.addingTimeInterval(-600)
        #expect(Update.apply(.key(.character("{")), to: &state) == [.travel(further)])
        _ = Update.apply(.travelled(at: back, .success(Observations())), to: &state)
        #expect(state.travel?.loading == true)
        _ = Update.apply(.travelled(at: further, .success(Self.past())), to: &state)
        #expect(state.travel?.loading == false)
        let header = try #require(Renderer.render(state).lines.first)
        #expect(header.contains("HISTORY 15:22:20 (-11m)"))
        #expect(header.contains("0 up"), "the counts are the moment's: auth and redis had no result then")
        #expect(header.contains("1 down"))
        #expect(!F.text(state).contains("420"), "auth's live latency is not shown in the past")
    }

    @Test("Live results go on arriving while travelling; L and Esc come back to them at once")
    func backToLive() {
        var state = F.populated()
        _ = Update.apply(.key(.character("[")), to: &state)
        _ = Update.apply(.travelled(at: F.start.addingTimeInterval(-60), .success(Self.past())), to: &state)
        _ = Update.apply(.event(.result(F.result("redis", kind: .redis, ms: 0.7, code: nil, at: 20, sequence: 2, goal: nil))), to: &state)
        #expect(state.observed[target: "redis"] == nil, "the past is on screen")
        #expect(Update.apply(.key(.character("L")), to: &state) == [.returnLive])
        #expect(state.travel == nil)
        #expect(state.observed[target: "redis"]?.count == 2, "the result that came while travelling is there")
        #expect(!F.text(state).contains("HISTORY"))

        _ = Update.apply(.key(.character("[")), to: &state)
        #expect(Update.apply(.key(.escape), to: &state) == [.returnLive])
    }

    @Test("] past now is live; ] when live says so")
    func forwardToLive() {
        var state = F.populated()
        #expect(Update.apply(.key(.character("]")), to: &state).isEmpty)
        #expect(state.notice?.contains("already live") == true)
        _ = Update.apply(.key(.character("[")), to: &state)
        #expect(Update.apply(.key(.character("]")), to: &state) == [.returnLive])
        #expect(state.travel == nil)
    }

    @Test("g opens a prompt; Enter goes there; a bad time is said in the footer")
    func prompt() {
        var state = F.populated(width: 120, height: 30)
        _ = Update.apply(.key(.character("g")), to: &state)
        for c in "-15m" { _ = Update.apply(.key(.character(c)), to: &state) }
        #expect(F.text(state).contains("go to: -15m_"))
        #expect(Update.apply(.key(.enter), to: &state) == [.travel(F.start.addingTimeInterval(-900))])
        _ = Update.apply(.key(.character("L")), to: &state)
        _ = Update.apply(.key(.character("g")), to: &state)
        for c in "soon" { _ = Update.apply(.key(.character(c)), to: &state) }
        #expect(Update.apply(.key(.enter), to: &state).isEmpty)
        #expect(state.travel == nil)
        #expect(F.text(state).contains("'soon': not a time I can read"))
    }

    @Test("Without history the keys say why they do nothing")
    func noHistory() {
        var state = F.populated(width: 120, height: 30)
        state.travelUnavailable = "time travel needs history, and this dashboard runs with --no-history"
        for key in ["[", "{", "g"] {
            #expect(Update.apply(.key(.character(Character(key))), to: &state).isEmpty)
            #expect(state.travel == nil && state.timeEntry == nil)
            #expect(F.text(state).contains("runs with --no-history"), "after \(key)")
        }
        _ = Update.apply(.key(.character("j")), to: &state)
        #expect(!F.text(state).contains("--no-history"), "the notice lasts until the next key")
    }

    @Test("A moment before history began says the file holds nothing then")
    func beforeHistory() {
        var state = F.populated(width: 120, height: 30)
        _ = Update.apply(.key(.character("{")), to: &state)
        _ = Update.apply(.travelled(at: F.start.addingTimeInterval(-600), .success(Observations())), to: &state)
        #expect(F.text(state).contains("history holds nothing from the hour before 15:23:20"))
        #expect(state.travel != nil, "still travelling: ] steps forward")
    }

    @Test("A history that cannot be read says so and stays live")
    func unreadable() {
        var state = F.populated()
        _ = Update.apply(.key(.character("[")), to: &state)
        _ = Update.apply(.travelled(at: F.start.addingTimeInterval(-60), .failure(TravelProblem("cannot read history h.sqlite: disk I/O error"))), to: &state)
        #expect(state.travel == nil)
        #expect(state.notice?.contains("disk I/O error") == true)
        #expect(state.observed[target: "auth"] != nil)
    }

    @Test("Without colour the header still says HISTORY (ASCII: << HISTORY)")
    func asciiBadge() {
        var state = F.populated(width: 120, height: 30, glyphs: .ascii)
        _ = Update.apply(.key(.character("[")), to: &state)
        #expect(Renderer.render(state).lines.first?.contains("<< HISTORY 15:32:20 (-1m)") == true)
    }
}

@Suite("Live config reload on screen")
struct ConfigReloadScreenTests {
    typealias F = DashboardFixture

    static func config(_ names: [String]) -> SondeConfig {
        SondeConfig(environment: "staging", targets: names.map {
            Target(name: $0, interval: .seconds(5), timeout: .seconds(3), probe: .tcp(TCPSpec(host: "127.0.0.1", port: 1)))
        })
    }

    @Test("A reloaded config's new target gets a row, a removed one's row goes, a kept one keeps its results")
    func applied() {
        var state = F.populated(width: 120, height: 30)
        _ = Update.apply(.configApplied(Self.config(["backend", "cache-new"]), summary: "config reloaded: added cache-new"), to: &state)
        let text = F.text(state)
        #expect(text.contains("cache-new"))
        #expect(!text.contains("auth"))
        #expect(state.observed[target: "backend"]?.count == 3)
        #expect(text.contains("config reloaded: added cache-new"))
    }

    @Test("A config with problems shows them, file:line each, until a good one is applied")
    func refused() {
        var state = F.populated(width: 120, height: 30)
        let problems = (1...5).map { "/etc/sonde/sonde.yml:\($0 + 3):5: targets[\($0)]: unknown key 'tiemout'" }
        _ = Update.apply(.configRefused(problems: problems), to: &state)
        let lines = Renderer.render(state).lines
        #expect(lines[1].contains("config not applied (5 problems); still running the previous config"))
        #expect(lines[2].contains("sonde.yml:4:5: targets[1]: unknown key 'tiemout'"))
        #expect(lines.contains { $0.contains("and 2 more") })
        #expect(lines.contains { $0.contains("backend") }, "the dashboard goes on under the banner")
        _ = Update.apply(.configApplied(Self.config(["backend"]), summary: "config reloaded: removed auth"), to: &state)
        #expect(!F.text(state).contains("config not applied"))
    }
}
