import Foundation

/// One `<testcase>` of a JUnit XML report, as pytest, Surefire, go-junit-report and
/// `swift test --xunit-output` write them.
public struct JUnitCase: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        case passed, failed, error, skipped
    }

    /// Name of the enclosing `<testsuite>` (Surefire: the class; Go: the package; pytest: "pytest").
    public var suite: String
    /// Names of every enclosing `<testsuite>`, outermost first (Node nests a suite per `describe`).
    public var suitePath: [String]
    public var classname: String
    public var name: String
    public var file: String?
    public var durationSeconds: Double
    public var outcome: Outcome
    /// The `message` attribute of `<failure>`, `<error>` or `<skipped>`.
    public var message: String?
    /// The element's text (a stack trace, Go's test log), cut to a few KiB.
    public var detail: String?
    /// Surefire's reruns inside this one element: `<flakyFailure>`/`<flakyError>` (tries that failed
    /// before the test passed) and `<rerunFailure>`/`<rerunError>` (further tries that failed too).
    public var rerunTries: Int
    /// The message of the first `<flakyFailure>`/`<flakyError>`: why a test that passed needed a rerun.
    public var flakyMessage: String?

    public init(
        suite: String, suitePath: [String]? = nil, classname: String, name: String, file: String? = nil, durationSeconds: Double = 0,
        outcome: Outcome = .passed, message: String? = nil, detail: String? = nil, rerunTries: Int = 0, flakyMessage: String? = nil
    ) {
        self.suite = suite
        self.suitePath = suitePath ?? (suite.isEmpty ? [] : [suite])
        self.classname = classname
        self.name = name
        self.file = file
        self.durationSeconds = durationSeconds
        self.outcome = outcome
        self.message = message
        self.detail = detail
        self.rerunTries = rerunTries
        self.flakyMessage = flakyMessage
    }
}

/// Why a report could not be read; the message says what a person should check.
public struct JUnitParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Reads JUnit XML into test cases. Malformed or truncated input is an error, never a crash.
public enum JUnitParser {
    /// Text kept per failure: enough for a stack trace's head, bounded for huge logs.
    static let detailLimit = 4096

    public static func parse(_ data: Data, source: String = "report") throws(JUnitParseError) -> [JUnitCase] {
        guard !data.isEmpty else { throw JUnitParseError("\(source) is empty (was the test run interrupted?)") }
        // Refused before reading: every JUnit writer Sonde knows writes UTF-8, and a name that is
        // not valid UTF-8 once made FoundationXML trap (swift-corelibs-foundation PR #5536).
        // Validated in place (a String made to check it would be a second copy of the file).
        let isUTF8 = data.withUnsafeBytes { raw in (try? UTF8Span(validating: raw.bindMemory(to: UInt8.self).span)) != nil }
        guard isUTF8 else {
            throw JUnitParseError("\(source) is not valid UTF-8 text; Sonde reads JUnit XML written in UTF-8")
        }
        var collector = JUnitCollector()
        do {
            try XMLScanner.scan(data) { collector.take($0) }
        } catch {
            throw JUnitParseError(
                "\(source) is not well-formed XML (line \(error.line), column \(error.column): \(error.message)); "
                    + "a truncated file usually means the test run was killed while writing it")
        }
        if let problem = collector.problem { throw JUnitParseError("\(source): \(problem)") }
        guard collector.sawRoot else { throw JUnitParseError("\(source) has no <testsuites> or <testsuite> element") }
        // A document that stops between tags reads to its end; an unclosed root means the file was cut off.
        guard collector.openElements == 0 else {
            throw JUnitParseError(
                "\(source) ends before its closing tags (\(collector.openElements) element\(collector.openElements == 1 ? "" : "s") left open); "
                    + "a truncated file usually means the test run was killed while writing it")
        }
        return collector.cases
    }
}

/// A small state machine over testsuite / testcase / outcome elements, fed by XMLScanner.
private struct JUnitCollector {
    var cases: [JUnitCase] = []
    var problem: String?
    var sawRoot = false
    private var suiteNames: [String] = []
    private var current: JUnitCase?
    /// Set while inside `<failure>`, `<error>` or `<skipped>`: their text is the detail.
    private var collectingText = false
    private var text = ""
    private var depth = 0
    var openElements: Int { depth }

    /// Takes one event; false (with `problem` set) when the document is not JUnit.
    mutating func take(_ event: XMLScanner.Event) -> Bool {
        switch event {
        case .start(let name, let attributes): start(name, attributes)
        case .end(let name): end(name)
        case .text(let string): appendText(string)
        }
        return problem == nil
    }

    private mutating func start(_ elementName: String, _ attributes: [String: String]) {
        depth += 1
        switch elementName {
        case "testsuites":
            sawRoot = true
        case "testsuite":
            sawRoot = true
            suiteNames.append(attributes["name"] ?? "")
        case "testcase":
            guard sawRoot else {
                problem = "<testcase> outside any <testsuite>; this is not JUnit XML"
                return
            }
            current = JUnitCase(
                suite: suiteNames.last ?? "", suitePath: suiteNames, classname: attributes["classname"] ?? attributes["class"] ?? "",
                name: attributes["name"] ?? "(unnamed)", file: attributes["file"],
                durationSeconds: attributes["time"].flatMap(Self.seconds) ?? 0
            )
        case "flakyFailure", "flakyError":
            current?.rerunTries += 1
            if current?.flakyMessage == nil { current?.flakyMessage = attributes["message"] ?? "" }
        case "rerunFailure", "rerunError":
            current?.rerunTries += 1
        case "failure", "error", "skipped":
            guard var testCase = current else { return }
            let outcome = Self.outcome(of: elementName, type: attributes["type"])
            // A test that failed and then errored in teardown keeps the first, more telling, outcome.
            if testCase.outcome == .passed || (testCase.outcome == .skipped && outcome != .skipped) {
                testCase.outcome = outcome
                testCase.message = attributes["message"]
                testCase.detail = nil
                collectingText = true
                text = ""
            }
            current = testCase
        default:
            if depth == 1 {
                problem = "the root element is <\(elementName)>, not <testsuites> or <testsuite>; is this a JUnit XML report?"
            }
        }
    }

    private mutating func end(_ elementName: String) {
        depth -= 1
        switch elementName {
        case "testsuite":
            _ = suiteNames.popLast()
        case "testcase":
            if let testCase = current { cases.append(testCase) }
            current = nil
        case "failure", "error", "skipped":
            if collectingText {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                current?.detail = trimmed.isEmpty ? nil : String(trimmed.prefix(JUnitParser.detailLimit))
                collectingText = false
            }
        default:
            break
        }
    }

    private mutating func appendText(_ string: String) {
        guard collectingText, text.utf8.count < JUnitParser.detailLimit * 2 else { return }
        text += string
    }

    /// Node writes every problem as `<failure>`; one whose test never ran (a hook failed, the
    /// parent was cancelled) is an error, as a setup error is elsewhere.
    private static func outcome(of elementName: String, type: String?) -> JUnitCase.Outcome {
        switch elementName {
        case "failure": ["cancelledByParent", "hookFailed", "cancelledByUser"].contains(type ?? "") ? .error : .failed
        case "error": .error
        default: .skipped
        }
    }

    /// `time` is seconds; some tools write "1,234.5" or leave it empty.
    private static func seconds(_ text: String) -> Double? {
        // Most writers give a plain number; thousands separators and spaces are the rare case.
        Double(text) ?? Double(text.replacingOccurrences(of: ",", with: "").trimmedOfSpaces)
    }
}
