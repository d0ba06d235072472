import Foundation

/// Turns a failure message into a cause that tests failing for the same reason share.
///
/// Two steps. `clean` makes the message readable: the first meaningful line, without the
/// exception type (`websockets.exceptions.InvalidStatus: `), a `file.go:12: ` location, pytest's
/// `failed on setup with "..."` wrapper or surrounding quotes. `key` then replaces what varies
/// between runs of the same failure (numbers, hex addresses, UUIDs and other ids, quote styles)
/// with placeholders, so "agent 5f0c... did not start within 30.5s" and "agent 0b7e... within
/// 12.0s" group together. HTTP status codes are kept: a 500 and a 503 are different causes.
public enum FailureCause {
    /// Messages that say nothing (gotestsum's `Failed`, nose2's `test failure`, pytest's
    /// `collection failure`); the element's text is used instead.
    static let genericMessages: Set<String> = [
        "", "failed", "failure", "error", "fail", "test failure", "test failed", "test error", "collection failure", "assertion failed",
    ]

    /// The readable cause of one failing test case.
    public static func clean(message: String?, detail: String?) -> String {
        var text = firstLine(ANSI.strip(message ?? ""))
        if genericMessages.contains(text.lowercased()) {
            let fromDetail = meaningfulLine(ANSI.strip(detail ?? ""))
            if fromDetail.isEmpty { return text.isEmpty ? "(no message in the report)" : "\(text) (no message in the report)" }
            text = fromDetail
        }
        text = unwrapPytestPhase(text)
        text = stripLocation(text)
        text = stripExceptionType(text)
        text = stripOuterQuotes(text)
        text = collapseWhitespace(text)
        return text.isEmpty ? "(no message in the report)" : text.excerpt(300)
    }

    /// The grouping key of a cleaned cause: same key, same group.
    public static func key(_ cleaned: String) -> String {
        var text = cleaned
        for (pattern, replacement) in substitutions {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    /// Order matters: ids and addresses before bare numbers.
    private static let substitutions: [(String, String)] = [
        ("[\u{2018}\u{2019}\u{201C}\u{201D}\"`]", "'"),
        ("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b", "<id>"),
        ("\\b0x[0-9a-fA-F]+\\b", "<addr>"),
        ("\\b(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{12,}\\b", "<id>"),
        ("\\b\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?\\b", "<host>"),
        ("(?<=:)\\d{2,5}\\b", "<port>"),
        // Keep status codes after HTTP/status/code; every other number is a placeholder.
        ("(?<!HTTP )(?<!HTTP/1\\.1 )(?<![Ss]tatus )(?<![Ss]tatus: )(?<![Cc]ode )(?<![Cc]ode: )\\b\\d+(\\.\\d+)?", "<n>"),
    ]

    /// gotestsum puts `go test`'s own framing (`=== RUN   TestX`, `--- FAIL: TestX`) around the test's log.
    private static func withoutTestFraming(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .filter { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.range(of: #"^(=== (RUN|PAUSE|CONT|NAME)\s|--- (FAIL|PASS|SKIP): )"#, options: .regularExpression) == nil
            }
            .joined(separator: "\n")
    }

    /// The line of a stack trace or test log that says what went wrong: pytest marks it with `E `,
    /// a Python traceback ends with it; otherwise the first line that is not go test's framing.
    static func meaningfulLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let marked = lines.filter { $0.hasPrefix("E ") }.map { $0.dropFirst(2).trimmingCharacters(in: .whitespaces) }
        if let first = marked.first {
            // A SyntaxError's E lines start with the file and the code; the exception line names the cause.
            return marked.first { $0.range(of: exceptionLine, options: .regularExpression) != nil } ?? first
        }
        if lines.contains(where: { $0.hasPrefix("Traceback (most recent call last)") }),
           let raised = lines.last(where: { $0.range(of: exceptionLine, options: .regularExpression) != nil }) {
            return raised
        }
        return firstLine(withoutTestFraming(text))
    }

    /// `ConnectionRefusedError: ...`, `pkg.mod.InvalidStatus: ...`.
    private static let exceptionLine = #"^(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Status|Failure|Timeout|Fault|Exit|Interrupt)\w*(:|$)"#

    private static func firstLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? ""
    }

    /// pytest errors read `failed on setup with "ConnectionRefusedError: ..."`; the quoted part is the cause.
    private static func unwrapPytestPhase(_ text: String) -> String {
        guard let match = text.range(of: #"^failed on (setup|teardown|call) with "(.*)"$"#, options: .regularExpression) else { return text }
        let body = text[match]
        guard let open = body.firstIndex(of: "\""), let close = body.lastIndex(of: "\""), open < close else { return text }
        return String(body[body.index(after: open)..<close])
    }

    private static func stripLocation(_ text: String) -> String {
        text.replacingOccurrences(of: #"^[\w./-]+\.\w+:\d+(:\d+)?:\s+"#, with: "", options: .regularExpression)
    }

    /// `pkg.module.SomeError: msg`, `AssertionError: msg`, `java.lang.IllegalStateException: msg` -> `msg`.
    private static func stripExceptionType(_ text: String) -> String {
        let pattern = #"^(?:[A-Za-z_][\w]*\.)*[A-Z][A-Za-z0-9_]*(?:Error|Exception|Status|Failure|Timeout|Fault|Code)[A-Za-z0-9_]*:\s+"#
            + "|" + #"^(?:[a-z_][\w]*\.)+[A-Z][A-Za-z0-9_]*:\s+"#
        return text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
    }

    private static func stripOuterQuotes(_ text: String) -> String {
        let quotes: [(Character, Character)] = [("'", "'"), ("\"", "\""), ("\u{201C}", "\u{201D}"), ("\u{2018}", "\u{2019}"), ("`", "`")]
        for (open, close) in quotes where text.count >= 2 && text.first == open && text.last == close {
            let inner = text.dropFirst().dropLast()
            if !inner.contains(open) && !inner.contains(close) { return String(inner) }
        }
        return text
    }

    private static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
