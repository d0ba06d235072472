import Foundation
import Testing

/// Runs `sonde` in a pseudo-terminal through Support/pty_session.py (python3 + pyte), which
/// reads the screen as a terminal would, sends keys, resizes and signals, and reports how the
/// terminal was left.
struct PtySession {
    enum Step: Encodable {
        case waitFor(String, timeout: Double = 15)
        case waitGone(String, timeout: Double = 10)
        /// Until a regular expression (multiline: ^ and $ match at each row) matches the screen.
        case waitForPattern(String, timeout: Double = 10)
        case keys(String)
        case resize(cols: Int, rows: Int)
        case snapshot(String)
        case signal(String)
        case waitExit(Double = 5)
        /// Writes a file while the program runs (a config edited under a running dashboard).
        case writeFile(path: String, contents: String)

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            switch self {
            case let .waitFor(text, timeout): try c.encode(text, forKey: .wait_for); try c.encode(timeout, forKey: .timeout)
            case let .waitGone(text, timeout): try c.encode(text, forKey: .wait_gone); try c.encode(timeout, forKey: .timeout)
            case let .waitForPattern(pattern, timeout): try c.encode(pattern, forKey: .wait_for_regex); try c.encode(timeout, forKey: .timeout)
            case let .keys(keys): try c.encode(keys, forKey: .keys)
            case let .resize(cols, rows): try c.encode([cols, rows], forKey: .resize)
            case let .snapshot(name): try c.encode(name, forKey: .snapshot)
            case let .signal(name): try c.encode(name, forKey: .signal)
            case let .waitExit(seconds): try c.encode(seconds, forKey: .wait_exit)
            case let .writeFile(path, contents): try c.encode(path, forKey: .write_file); try c.encode(contents, forKey: .contents)
            }
        }

        enum Key: String, CodingKey { case wait_for, wait_gone, wait_for_regex, timeout, keys, resize, snapshot, signal, wait_exit, write_file, contents }
    }

    struct Report: Decodable {
        /// rmcup and cnorm count only when they come after the last text or erase written.
        struct Restored: Decodable, CustomStringConvertible {
            var rmcup: Bool
            var cnorm: Bool
            /// What the program wrote from its last rmcup on (escaped), for the failure message.
            var after_rmcup: String?
            var description: String { "rmcup after the last drawing: \(rmcup), cnorm: \(cnorm), from the last rmcup: \(after_rmcup ?? "none")" }
        }

        /// Which kinds of colour SGR sequences were written during the whole run.
        struct Colors: Decodable {
            /// 30-37, 40-47, 90-97, 100-107.
            var basic: Bool
            /// 38;5;n / 48;5;n (256 colours).
            var indexed: Bool
            /// 38;2;r;g;b / 48;2;r;g;b.
            var rgb: Bool
            var any: Bool { basic || indexed || rgb }
        }

        var ok: Bool
        var failure: [String: JSONScalar]?
        var screens: [String: String]
        var exit_status: Int?
        var restored: Restored
        var colors: Colors
        var cooked: Bool?
        /// OSC 9 / OSC 777 notifications and BEL bytes written during the run.
        struct Notifications: Decodable {
            var osc9: Int
            var osc777: Int
            var bel: Int
        }
        var notifications: Notifications?

        /// Where a run stopped and the screen then, for `#expect(report.ok, ...)`.
        var stopped: String { "stopped at \(failure ?? [:]):\n\(screens["at_failure"] ?? "")" }

        /// Left the alternate screen, showed the cursor, and cooked mode is back.
        var terminalRestored: Bool { restored.rmcup && restored.cnorm && cooked == true }
    }

    enum JSONScalar: Decodable, CustomStringConvertible {
        case text(String), number(Double), list([Double])
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .list(try c.decode([Double].self)) }
        }
        var description: String {
            switch self {
            case .text(let s): s
            case .number(let n): "\(n)"
            case .list(let l): "\(l)"
            }
        }
    }

    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("pty_session.py")

    /// The interpreter (SONDE_PYTHON overrides python3, e.g. to check the failure below).
    static let python = ProcessInfo.processInfo.environment["SONDE_PYTHON"] ?? "python3"

    /// Why the pty tests cannot run here, or nil when they can.
    static let unavailable: String? = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = [python, "-c", "import pyte"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return "\(python) is not installed" }
        probe.waitUntilExit()
        if probe.terminationStatus == 127 { return "\(python) is not installed" }
        return probe.terminationStatus == 0 ? nil : "\(python) has no pyte (pip install pyte)"
    }()

    /// In CI (SONDE_REQUIRE_SERVICES=1) a missing python3 or pyte is a broken setup: the pty
    /// tests run and fail saying so, instead of being skipped.
    static var required: Bool { ProcessInfo.processInfo.environment["SONDE_REQUIRE_SERVICES"] == "1" }

    /// The suites' trait condition: run when the driver can, or when CI requires it.
    static var shouldRun: Bool { unavailable == nil || required }

    static var skipComment: Comment { "pty tests skipped: \(unavailable ?? ""); install python3 and pyte (pip install pyte)" }

    struct DriverUnavailable: Error, CustomStringConvertible {
        var why: String
        var description: String {
            "the pty tests are required (SONDE_REQUIRE_SERVICES=1) but cannot run: \(why); install python3 and pyte (pip install pyte)"
        }
    }

    static func run(_ arguments: [String], cols: Int = 100, rows: Int = 30, env: [String: String] = [:], steps: [Step]) throws -> Report {
        if let why = unavailable { throw DriverUnavailable(why: why) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let stepsJSON = String(decoding: try JSONEncoder().encode(steps), as: UTF8.self)
        process.arguments = [python, driver.path, "--cols", "\(cols)", "--rows", "\(rows)", "--steps", stepsJSON]
            + env.map { "--env=\($0.key)=\($0.value)" } + ["--", try SondeProcess.binary.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        do {
            return try JSONDecoder().decode(Report.self, from: data)
        } catch {
            throw DriverFailed(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
        }
    }

    /// `sonde demo` until its first HTTP 200, the screen kept as "screen", then q: the run most
    /// terminal-environment tests need.
    static func demoScreen(env: [String: String]) throws -> Report {
        try run(["demo"], env: env, steps: [.waitFor("HTTP 200"), .snapshot("screen"), .keys("q"), .waitExit()])
    }

    struct DriverFailed: Error, CustomStringConvertible {
        var output: String
        var status: Int32
        var description: String { "pty_session.py exited \(status) without a report; it printed: \(output.prefix(2000))" }
    }
}
