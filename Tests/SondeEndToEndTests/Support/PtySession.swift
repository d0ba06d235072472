import Foundation

/// Runs `sonde` in a pseudo-terminal through Support/pty_session.py (python3 + pyte), which
/// reads the screen as a terminal would, sends keys, resizes and signals, and reports how the
/// terminal was left.
struct PtySession {
    enum Step: Encodable {
        case waitFor(String, timeout: Double = 15)
        case waitGone(String, timeout: Double = 10)
        case keys(String)
        case resize(cols: Int, rows: Int)
        case snapshot(String)
        case signal(String)
        case waitExit(Double = 5)

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            switch self {
            case let .waitFor(text, timeout): try c.encode(text, forKey: .wait_for); try c.encode(timeout, forKey: .timeout)
            case let .waitGone(text, timeout): try c.encode(text, forKey: .wait_gone); try c.encode(timeout, forKey: .timeout)
            case let .keys(keys): try c.encode(keys, forKey: .keys)
            case let .resize(cols, rows): try c.encode([cols, rows], forKey: .resize)
            case let .snapshot(name): try c.encode(name, forKey: .snapshot)
            case let .signal(name): try c.encode(name, forKey: .signal)
            case let .waitExit(seconds): try c.encode(seconds, forKey: .wait_exit)
            }
        }

        enum Key: String, CodingKey { case wait_for, wait_gone, timeout, keys, resize, snapshot, signal, wait_exit }
    }

    struct Report: Decodable {
        struct Restored: Decodable {
            var rmcup: Bool
            var cnorm: Bool
        }

        var ok: Bool
        var failure: [String: JSONScalar]?
        var screens: [String: String]
        var exit_status: Int?
        var restored: Restored
        var cooked: Bool?

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

    /// Why the pty tests cannot run here, or nil when they can.
    static let unavailable: String? = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import pyte"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return "python3 is not installed" }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? nil : "python3 has no pyte (pip install pyte)"
    }()

    static func run(_ arguments: [String], cols: Int = 100, rows: Int = 30, env: [String: String] = [:], steps: [Step]) throws -> Report {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let stepsJSON = String(decoding: try JSONEncoder().encode(steps), as: UTF8.self)
        process.arguments = ["python3", driver.path, "--cols", "\(cols)", "--rows", "\(rows)", "--steps", stepsJSON]
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

    struct DriverFailed: Error, CustomStringConvertible {
        var output: String
        var status: Int32
        var description: String { "pty_session.py exited \(status) without a report; it printed: \(output.prefix(2000))" }
    }
}
