import Foundation
import Testing
@testable import SondeCore

/// A small, repeatable random source (SplitMix64), so a failing input can be found again by its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Arbitrary bytes and mutations of valid files into the parsers: each input must end in a value
/// or a typed error. A crash or a hang fails the run.
// A hang is a failure too: the time limit turns one into a failed test, not a stuck CI run.
@Suite("Fuzzing the config loader and the JUnit parser", .timeLimit(.minutes(1)))
struct InputFuzzTests {
    static let validConfig = """
    environment: staging
    interval: 5s
    timeout: 3s
    targets:
      - name: backend
        http: http://127.0.0.1:8080/health
        headers: { X-Probe: sonde, Authorization: "Bearer ${TOKEN:-x}" }
        expect: { status: [200, 204], latency: 100ms, json: ['$.status == "healthy"', '$.a[0].b < 2'] }
        report: { postgres: $.checks.postgres.ms }
      - name: ws
        websocket: ws://127.0.0.1:1/ws
        send: ping
        expect: { first: $.type == "connect", reply: pong }
      - name: db
        postgres: postgres://u:p@127.0.0.1:5432/db
    journeys:
      - name: golden
        steps: [backend, ws]
    """

    static let validJUnit = """
    <?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" tests="3" failures="1" errors="0" skipped="1">
    <testcase classname="tests.e2e.test_a.TestX" name="test_ok" time="0.1"/>
    <testcase classname="tests.e2e.test_a.TestX" name="test_bad" time="0.2"><failure message="AssertionError: 503">trace</failure></testcase>
    <testcase classname="tests.e2e.test_b.TestY" name="test_skip" time="0"><skipped message="later"/></testcase>
    </testsuite></testsuites>
    """

    /// Random bytes, and valid inputs with bytes flipped, inserted, deleted and truncated.
    static func inputs(from valid: String, count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SeededRandom(seed: seed)
        let base = Array(valid.utf8)
        let alphabet = Array(":-[]{}'\"$#&*!|>%@`\n \t,<>/=?".utf8)
        return (0..<count).map { i in
            if i % 5 == 0 { return (0..<Int.random(in: 0...400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) } }
            var bytes = base
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                guard !bytes.isEmpty else { break }
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0...3, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random) ?? 0
                case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
                case 2: bytes.remove(at: at)
                default: bytes = Array(bytes.prefix(at))
                }
            }
            return bytes
        }
    }

    @Test func configLoaderAlwaysEndsInAConfigOrErrors() {
        var outcomes = (loaded: 0, rejected: 0)
        for bytes in Self.inputs(from: Self.validConfig, count: 3000, seed: 0x50_4E_44_45) {
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try ConfigLoader.parse(text, file: "fuzz.yml", environment: [:])
                outcomes.loaded += 1
            } catch {
                #expect(!error.errors.isEmpty)
                outcomes.rejected += 1
            }
        }
        // Both branches were exercised: the mutations are neither all fatal nor all harmless.
        #expect(outcomes.loaded > 0)
        #expect(outcomes.rejected > 0)
    }

    @Test func junitParserAlwaysEndsInCasesOrAnError() {
        var outcomes = (parsed: 0, rejected: 0)
        for bytes in Self.inputs(from: Self.validJUnit, count: 3000, seed: 0x4A_55_4E) {
            do {
                _ = try JUnitParser.parse(Data(bytes), source: "fuzz.xml")
                outcomes.parsed += 1
            } catch {
                #expect(!error.description.isEmpty)
                outcomes.rejected += 1
            }
        }
        #expect(outcomes.parsed > 0)
        #expect(outcomes.rejected > 0)
    }
}

@Suite("JUnit bytes FoundationXML cannot take", .timeLimit(.minutes(1)))
struct JUnitInvalidUTF8Tests {
    /// Found by the fuzzer: FoundationXML on Linux traps on such a name instead of failing.
    @Test func invalidUTF8InANameIsAnErrorNotACrash() {
        var bytes = Array(#"<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="x"><testcase clas"#.utf8)
        bytes += [0xF0]
        bytes += Array(#"name="a" name="b"/></testsuite></testsuites>"#.utf8)
        #expect(throws: JUnitParseError("report.xml is not valid UTF-8 text; Sonde reads JUnit XML written in UTF-8")) {
            try JUnitParser.parse(Data(bytes), source: "report.xml")
        }
    }
}
