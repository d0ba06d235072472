import Foundation
import Testing
@testable import SondeCore

@Suite("expect.cert_days: warning before expiry, down after")
struct CertificateExpiryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func outcome(daysLeft: Double) -> ProbeOutcome {
        ProbeOutcome(latency: .milliseconds(5), certificate: CertificateFacts(subject: "api.sonde.test", notAfter: now.addingTimeInterval(daysLeft * 86_400)))
    }

    @Test func expiringSoonIsSlowWithSubjectAndDate() {
        let judged = CertificateExpiry.apply(days: 14, to: outcome(daysLeft: 5.5), now: now)
        #expect(ProbeResult.judge(judged, latencyTarget: nil) == .slow)
        #expect(judged.warning?.kind == .certificate)
        #expect(judged.warning?.message == "certificate for api.sonde.test expires in 5 days (2027-01-20 20:00 UTC), within cert_days 14")
    }

    @Test func expiredIsDown() {
        let judged = CertificateExpiry.apply(days: 14, to: outcome(daysLeft: -1), now: now)
        #expect(ProbeResult.judge(judged, latencyTarget: nil) == .down)
        #expect(judged.failure?.message == "certificate for api.sonde.test expired on 2027-01-14 08:00 UTC")
    }

    @Test func farFromExpiryOrNoRuleIsUp() {
        #expect(ProbeResult.judge(CertificateExpiry.apply(days: 14, to: outcome(daysLeft: 60), now: now), latencyTarget: nil) == .up)
        #expect(ProbeResult.judge(CertificateExpiry.apply(days: nil, to: outcome(daysLeft: 1), now: now), latencyTarget: nil) == .up)
    }
}
