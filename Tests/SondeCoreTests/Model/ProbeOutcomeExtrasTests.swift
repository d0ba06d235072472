import Foundation
import Testing
@testable import SondeCore

/// The fields most results leave empty are held apart (`ProbeOutcome.Extras`): they read back
/// as written, and an outcome whose extras were all cleared equals one that never had any.
@Suite struct ProbeOutcomeExtrasTests {
    @Test func rareFieldsReadBackAsWritten() {
        var outcome = ProbeOutcome(latency: .milliseconds(12), statusCode: 200, message: "ok")
        #expect(outcome.reported.isEmpty && outcome.captures.isEmpty && outcome.warning == nil && outcome.version == nil)
        outcome.warning = FailureReason(.timeout, "1 of 3 echoes lost")
        outcome.captures["token"] = "abc"
        outcome.reported.append(ReportedMetric(name: "postgres", value: 3))
        outcome.version = "1.2.3"
        outcome.record(certificate: CertificateFacts(subject: "api.test", notAfter: Date(timeIntervalSince1970: 86_400 * 30)),
                       now: Date(timeIntervalSince1970: 0))
        #expect(outcome.warning == FailureReason(.timeout, "1 of 3 echoes lost"))
        #expect(outcome.captures == ["token": "abc"])
        #expect(outcome.reported == [ReportedMetric(name: "postgres", value: 3)])
        #expect(outcome.version == "1.2.3")
        #expect(outcome.certificate?.subject == "api.test")
        #expect(outcome.certificateDaysLeft == 30)
        #expect(outcome.statusCode == 200 && outcome.message == "ok")
    }

    @Test func clearedExtrasEqualNone() {
        var outcome = ProbeOutcome(statusCode: 200, version: "1.2.3")
        #expect(outcome != ProbeOutcome(statusCode: 200))
        outcome.version = nil
        #expect(outcome == ProbeOutcome(statusCode: 200))
        #expect(ProbeOutcome(captures: [:], version: nil) == ProbeOutcome())
    }

    @Test func aCopyKeepsItsOwnExtras() {
        let original = ProbeOutcome(statusCode: 200, version: "1.2.3")
        var copy = original
        copy.version = "1.2.4"
        copy.captures["id"] = "7"
        #expect(original.version == "1.2.3")
        #expect(original.captures.isEmpty)
        #expect(copy.version == "1.2.4")
    }
}
