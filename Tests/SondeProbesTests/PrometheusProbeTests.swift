import Foundation
import SondeCore
import Testing
@testable import SondeProbes

/// The `prometheus:` kind's judgement of an answer, and a Prometheus that is not there. The
/// kind against a real Prometheus is in SondeEndToEndTests (PrometheusScrapeTests).
@Suite("Prometheus query probe")
struct PrometheusProbeTests {
    func read(_ json: String, status: Int = 200) -> Result<Double, FailureReason> {
        PrometheusAnswer.read(status: status, body: Data(json.utf8))
    }

    @Test func oneSeriesOrAScalarIsTheValue() {
        #expect(read(#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"a"},"value":[1712345678.9,"0.004"]}]}}"#) == .success(0.004))
        #expect(read(#"{"status":"success","data":{"resultType":"scalar","result":[1712345678.9,"3"]}}"#) == .success(3))
    }

    @Test func anythingElseSaysWhatToChange() {
        #expect(read(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#)
            == .failure(FailureReason(.assertion, "the query returned no series (nothing matches it now)")))
        let two = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]},{"metric":{},"value":[1,"0"]}]}}"#
        #expect(read(two) == .failure(FailureReason(.assertion, "the query returned 2 series; aggregate it to one (sum, max, avg)")))
        #expect(read(#"{"status":"error","errorType":"bad_data","error":"parse error at char 4"}"#, status: 400)
            == .failure(FailureReason(.httpStatus, "Prometheus rejected the query (HTTP 400, bad_data): parse error at char 4")))
        #expect(read(#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]}]}}"#)
            == .failure(FailureReason(.assertion, "the query's value is NaN, not a number")))
        guard case .failure(let html) = read("<html>nginx</html>", status: 404) else { Issue.record("HTML read as an answer"); return }
        #expect(html.kind == .protocolError)
        #expect(html.message.hasSuffix("not Prometheus's JSON: is this its URL?"))
    }

    @Test func prometheusDownIsTheTargetDownWithTheReason() async throws {
        let refusing = try RefusingPort()
        let spec = PrometheusSpec(url: TestURL.make("http://127.0.0.1:\(refusing.port)"), query: "up", expectation: ValueExpectation("== 1"))
        let outcome = await PrometheusProbe(spec: spec).run(within: .seconds(2))
        let reason = try #require(outcome.failure)
        #expect(reason.kind == .refused)
        #expect(reason.message.hasPrefix("Prometheus at 127.0.0.1:\(refusing.port): "), "\(reason.message)")
    }
}
