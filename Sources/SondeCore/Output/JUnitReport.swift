import Foundation

/// `sonde report --format junit`: a testcase per target and per journey step, so a CI system
/// lists them beside its own tests. A down target or failing step is a `<failure>`, a step
/// skipped after an earlier failure is `<skipped>`; a slow target passes with a note.
public enum JUnitReport {
    public static func render(_ report: Report, redactor: Redactor) -> String {
        var suites: [Suite] = []
        if !report.summary.rows.isEmpty {
            suites.append(Suite(name: "\(report.environment) targets", cases: report.summary.rows.map(targetCase)))
        }
        for run in report.latestJourneys {
            let cases = run.steps.enumerated().map { index, step in stepCase(index + 1, step, journey: run.name) }
            suites.append(Suite(name: "journey \(run.name)", cases: cases))
        }
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let time = report.finished.timeIntervalSince(report.started)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="sonde" tests="\#(tests)" failures="\#(failures)" errors="0" time="\#(seconds(time))">"#,
        ]
        let timestamp = Timestamp.iso8601(report.started)
        for suite in suites {
            lines.append(
                #"  <testsuite name="\#(escape(suite.name))" tests="\#(suite.cases.count)" failures="\#(suite.failures)" errors="0" skipped="\#(suite.skipped)" time="\#(seconds(suite.time))" timestamp="\#(timestamp)">"#
            )
            lines += suite.cases.map { "    " + $0.xml }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return redactor.redact(lines.joined(separator: "\n")) + "\n"
    }

    struct Case {
        enum Outcome {
            case passed(note: String?)
            case failed(type: String, message: String)
            case skipped(String)
        }

        var classname: String
        var name: String
        var time: Double
        var outcome: Outcome

        var xml: String {
            let open = #"<testcase classname="\#(escape(classname))" name="\#(escape(name))" time="\#(seconds(time))""#
            switch outcome {
            case .passed(nil): return open + "/>"
            case .passed(let note?): return open + "><system-out>\(escape(note))</system-out></testcase>"
            case .failed(let type, let message):
                return open + #"><failure type="\#(escape(type))" message="\#(escape(message))">\#(escape(message))</failure></testcase>"#
            case .skipped(let message): return open + #"><skipped message="\#(escape(message))"/></testcase>"#
            }
        }
    }

    struct Suite {
        var name: String
        var cases: [Case]
        var failures: Int { cases.filter { if case .failed = $0.outcome { true } else { false } }.count }
        var skipped: Int { cases.filter { if case .skipped = $0.outcome { true } else { false } }.count }
        var time: Double { cases.reduce(0) { $0 + $1.time } }
    }

    static func targetCase(_ row: CheckSummary.Row) -> Case {
        let time = (row.latencyMs ?? 0) / 1000
        let classname = "sonde.\(row.target.kind.rawValue)"
        let name = "\(row.target.name) (\(row.target.probe.displayEndpoint))"
        switch row.status {
        case .down:
            let failures = row.failures > 1 ? " (failed \(row.failures) of \(row.results.count) rounds)" : ""
            let reason = row.reason ?? FailureReason(.other, "down")
            return Case(classname: classname, name: name, time: time, outcome: .failed(type: reason.kind.rawValue, message: reason.message + failures))
        case .slow:
            if let warning = row.results.last(where: { $0.status == .slow })?.outcome.warning {
                return Case(classname: classname, name: name, time: time, outcome: .passed(note: "warning: \(warning.message)"))
            }
            let goal = row.target.latencyTarget?.humanReadable ?? "-"
            return Case(classname: classname, name: name, time: time, outcome: .passed(note: "slow: \(MarkdownText.ms(row.latencyMs)) over its target of \(goal)"))
        case .up:
            return Case(classname: classname, name: name, time: time, outcome: .passed(note: nil))
        }
    }

    static func stepCase(_ number: Int, _ step: JourneyResult.StepResult, journey: String) -> Case {
        let classname = "sonde.journey.\(journey)"
        let name = "\(number). \(step.name)"
        guard let result = step.result else {
            return Case(classname: classname, name: name, time: 0, outcome: .skipped("skipped: an earlier step failed"))
        }
        let time = (result.latency?.milliseconds ?? 0) / 1000
        if result.status == .down, let reason = result.reason {
            return Case(classname: classname, name: name, time: time, outcome: .failed(type: reason.kind.rawValue, message: reason.message))
        }
        return Case(classname: classname, name: name, time: time, outcome: .passed(note: nil))
    }

    static func seconds(_ value: Double) -> String { String(format: "%.3f", max(0, value)) }

    /// XML attribute and text escaping; control characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
