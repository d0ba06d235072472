import Foundation
import Testing

/// `sonde report --format html` opened in a real headless Chromium: no console errors, nothing
/// fetched from anywhere, every chart present, and a screenshot of the page.
@Suite("HTML report in a browser", .enabled(if: Browser.shouldRun, Browser.skipComment))
struct HTMLReportInBrowserTests {
    struct PageCheck: Decodable {
        var title: String
        var latencyCharts: Int
        var uptimeBars: Int
        var uptimeCells: Int
        var scripts: Int
        var tables: Int
        var height: Int
        var text: String
        var consoleErrors: [String]
        var externalRequests: [String]
    }

    @Test func theReportRendersWithChartsAndNoErrors() async throws {
        let (port, server) = try await StatusServer.start()
        defer { server.cancel() }
        let directory = try ScratchDirectory.make("html-report")
        defer { ScratchDirectory.remove(directory) }
        let config = directory.appendingPathComponent("sonde.yml")
        try """
            environment: staging
            targets:
              - name: api
                http: http://127.0.0.1:\(port)/ok
                expect: { latency: 500ms }
              - name: checkout
                http: http://127.0.0.1:\(port)/fail
            """.write(to: config, atomically: true, encoding: .utf8)
        let history = directory.appendingPathComponent("history.sqlite").path
        // Two runs, so the history the charts read holds more than the run that writes the page.
        let first = try await SondeProcess.run(["report", config.path, "--rounds", "3", "--history", history, "--out", directory.appendingPathComponent("first.md").path])
        #expect(first.status == 0, "\(first.all)")
        let page = directory.appendingPathComponent("report.html")
        let written = try await SondeProcess.run(["report", config.path, "--format", "html", "--rounds", "3", "--span", "1h", "--history", history, "--out", page.path])
        #expect(written.status == 0, "\(written.all)")

        let screenshot = directory.appendingPathComponent("report.png")
        let check = try await Browser.check(page, screenshot: screenshot)
        #expect(check.consoleErrors.isEmpty, "\(check.consoleErrors)")
        #expect(check.externalRequests.isEmpty, "\(check.externalRequests)")
        #expect(check.scripts == 0)
        #expect(check.title == "Sonde Report: staging")
        #expect(check.latencyCharts == 2)
        #expect(check.uptimeBars == 2)
        #expect(check.uptimeCells == 2 * 120)
        #expect(check.text.contains("Service Health"))
        #expect(check.text.contains("checkout"))
        #expect(check.text.contains("1h"))
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG screenshot")
        #expect(png.count > 10_000, "a screenshot of a drawn page, not a blank one")
    }
}

/// Headless Chromium driven by Support/browser_check.py over the DevTools protocol.
enum Browser {
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support/browser_check.py")

    static let unavailable: String? = {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            probe.arguments = ["sh", "-c", "command -v \(name)"]
            probe.standardOutput = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return nil }
        }
        return "no chromium on PATH (apt-get install chromium)"
    }()

    /// In CI a missing browser is a broken setup: the test runs and fails saying so.
    static var shouldRun: Bool { unavailable == nil || ProcessInfo.processInfo.environment["SONDE_REQUIRE_SERVICES"] == "1" }
    static var skipComment: Comment { "browser tests skipped: \(unavailable ?? "")" }

    struct Unavailable: Error, CustomStringConvertible {
        var why: String
        var description: String { "the browser test is required (SONDE_REQUIRE_SERVICES=1) but cannot run: \(why)" }
    }

    static func check(_ page: URL, screenshot: URL) async throws -> HTMLReportInBrowserTests.PageCheck {
        if let why = unavailable { throw Unavailable(why: why) }
        let output = try await SondeProcess.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", driver.path, page.path, "--screenshot", screenshot.path])
        #expect(output.status == 0, "\(output.all)")
        return try JSONDecoder().decode(HTMLReportInBrowserTests.PageCheck.self, from: Data(output.stdout.utf8))
    }
}
