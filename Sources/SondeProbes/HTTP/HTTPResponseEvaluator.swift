import Foundation
import SondeCore

/// Judges a complete response against a target's expectations and extracts what it reports.
/// Pure: no network, so every rule is tested directly.
struct HTTPResponseEvaluator {
    let spec: HTTPSpec

    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: Data
    }

    func evaluate(_ response: Response, latency: Duration, phases: [PhaseTiming]) -> ProbeOutcome {
        var outcome = ProbeOutcome(latency: latency, phases: phases, statusCode: response.status)
        let text = String(decoding: response.body, as: UTF8.self)
        outcome.message = text.isEmpty ? nil : text.excerpt(200)

        // Parsed once, and only when something needs it.
        let needsJSON = !spec.expect.json.isEmpty || !spec.report.isEmpty || !spec.captures.isEmpty || spec.version != nil
        let document: Any? = needsJSON ? try? JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed]) : nil

        for (name, path) in spec.report {
            if let value = document.flatMap(path.resolve(in:)).map(JSONScalar.init)?.number {
                outcome.reported.append(ReportedMetric(name: name, value: value))
            }
        }
        for (name, source) in spec.captures {
            if let value = capture(source, document: document, headers: response.headers) { outcome.captures[name] = value }
        }
        if let source = spec.version { outcome.version = capture(source, document: document, headers: response.headers) }

        if !spec.expect.status.accepts(response.status) {
            var message = "HTTP \(response.status) (expected \(spec.expect.status))"
            if (300...399).contains(response.status), let location = header("Location", in: response.headers) {
                message += ", redirects to \(location.excerpt(80))"
            }
            outcome.failure = FailureReason(.httpStatus, message)
            return outcome
        }
        if let needle = spec.expect.contains, !text.contains(needle) {
            outcome.failure = FailureReason(.assertion, "body does not contain \"\(needle)\"")
            return outcome
        }
        if !spec.expect.json.isEmpty {
            guard let document else {
                outcome.failure = FailureReason(.assertion, "expected a JSON body for \(spec.expect.json[0]), got \(Self.describeNonJSON(response.body))")
                return outcome
            }
            for assertion in spec.expect.json {
                if case .failed(let expected, let actual) = assertion.evaluate(document: document) {
                    outcome.failure = FailureReason(.assertion, "expected \(expected), got \(actual)")
                    return outcome
                }
            }
        }
        return outcome
    }

    private func capture(_ source: CaptureSource, document: Any?, headers: [(String, String)]) -> String? {
        switch source {
        case .json(let path): document.flatMap(path.resolve(in:)).map { JSONScalar($0).plainText }
        case .header(let name): header(name, in: headers)
        }
    }

    private func header(_ name: String, in headers: [(String, String)]) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    private static func describeNonJSON(_ body: Data) -> String {
        if body.isEmpty { return "an empty body" }
        if String(data: body, encoding: .utf8) == nil { return "a body that is not UTF-8 text" }
        return "a body that is not JSON (\(String(decoding: body.prefix(60), as: UTF8.self).excerpt(40)))"
    }
}
