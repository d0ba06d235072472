import Foundation
import Testing
@testable import SondeCore

/// Numbers at and past the edges of Int64 and Double in every numeric slot of a config: each must
/// load or be rejected with a message, never trap (as `interval: 3000000h` once did).
@Suite("Numeric extremes in durations, sizes, counts and status codes")
struct NumericExtremesFuzzTests {
    static let numbers = [
        "0", "-0", "1", "-1", "0.0000001", "1e-320", "1e308", "-1e308", "1e309", "nan", "NaN", "inf", "-inf", "infinity",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "99999999999999999999999999", "2147483648", "3000000", "0x7fffffffffffffff", "1_000",
    ]
    static let durationUnits = ["ms", "us", "s", "m", "h", "d"]
    static let sizeUnits = ["", "B", "KB", "MB", "KiB", "MiB", "GiB"]

    /// One config a slot, with `value` put in it.
    static func configs(with value: String) -> [String] {
        let http = "  - name: a\n    http: http://127.0.0.1:1/\n"
        var out: [String] = []
        for unit in durationUnits {
            let d = "\"\(value)\(unit)\""
            out.append("interval: \(d)\ntargets:\n\(http)")
            out.append("timeout: \(d)\ntargets:\n\(http)")
            out.append("targets:\n\(http)    expect: { latency: \(d) }\n")
            out.append("history: { retention: \(d) }\ntargets:\n\(http)")
            out.append("suites:\n  - name: s\n    junit: /nonexistent\n    interval: \(d)\n")
        }
        for unit in sizeUnits { out.append("targets:\n\(http)    max_body: \"\(value)\(unit)\"\n") }
        out.append("targets:\n\(http)    follow_redirects: \"\(value)\"\n")
        out.append("history: { flap_failures: \"\(value)\", flap_window: \"\(value)\" }\ntargets:\n\(http)")
        out.append("targets:\n\(http)    expect: { status: \"\(value)\" }\n")
        out.append("targets:\n\(http)    expect: { status: \"\(value)-\(value)\" }\n")
        out.append("targets:\n\(http)    expect_failure: \"\(value)\"\n")
        out.append("targets:\n\(http)    expect_failure: { status: \"\(value)\" }\n")
        out.append("targets:\n\(http)    expect_failure: { rejected: \"\(value)\" }\n")
        out.append("targets:\n  - name: t\n    tcp: \"127.0.0.1:\(value)\"\n")
        return out
    }

    /// Loads or rejects; returns the config when it loaded, so callers can check what came through.
    @discardableResult
    static func loadOrReject(_ yaml: String) -> SondeConfig? {
        do {
            return try ConfigLoader.parse(yaml, file: "n.yml", environment: [:])
        } catch {
            #expect(!error.errors.isEmpty)
            #expect(error.errors.allSatisfy { !$0.message.isEmpty })
            return nil
        }
    }

    @Test(arguments: numbers)
    func everyNumericSlotTakesExtremesWithoutTrapping(_ value: String) {
        for yaml in Self.configs(with: value) {
            guard let config = Self.loadOrReject(yaml) else { continue }
            // Whatever loads is within the bounds the engine can schedule.
            for target in config.targets {
                #expect(target.interval <= DurationParser.maximum)
                #expect(target.timeout <= DurationParser.maximum)
                #expect(target.interval > .zero && target.timeout > .zero)
            }
            #expect(config.history.retention <= DurationParser.maximum)
        }
    }

    @Test func randomMagnitudesInDurationsNeverTrapAndOverLongOnesAreRejected() {
        var random = SeededRandom(seed: 0x44_55_52)
        var (loaded, rejected) = (0, 0)
        for _ in 0..<2000 {
            let exponent = Int.random(in: -30...320, using: &random)
            let mantissa = Double.random(in: 1..<10, using: &random)
            let unit = Self.durationUnits.randomElement(using: &random) ?? "s"
            let text = "\(mantissa)e\(exponent)\(unit)"
            if let config = Self.loadOrReject("interval: \"\(text)\"\ntargets:\n  - name: a\n    tcp: 127.0.0.1:1\n") {
                #expect(config.interval <= DurationParser.maximum, "\(text)")
                loaded += 1
            } else {
                rejected += 1
            }
        }
        #expect(loaded > 0)
        #expect(rejected > 0)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300, .greatestFiniteMagnitude, 9.3e12])
    func millisecondsClampsInsteadOfTrapping(_ value: Double) {
        let duration = Duration.milliseconds(value)
        if value.isNaN { #expect(duration == .zero) }
        if value > 0 { #expect(duration > .seconds(9_000_000_000)) }
        if value < 0 { #expect(duration < .seconds(-9_000_000_000)) }
        #expect(!duration.humanReadable.isEmpty)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300])
    func intClampingSaturates(_ value: Double) {
        let n = Int(saturating: value)
        if value.isNaN { #expect(n == 0) } else { #expect(n == (value > 0 ? Int.max : Int.min)) }
    }
}
