import Foundation
import SondeCore
import Testing
@testable import SondeTUI

/// A TLS target's certificate days in the Services row (where the reason column has room) and
/// in the detail view.
@Suite("Certificate days left in the row and the detail view")
struct CertificateDaysTests {
    static func withCertificate(days: Double, width: Int, height: Int = 30) -> DashboardState {
        var state = DashboardFixture.state(width: width, height: height)
        var outcome = ProbeOutcome(latency: .milliseconds(42), phases: [PhaseTiming(PhaseTiming.total, .milliseconds(42))], statusCode: 200)
        outcome.record(certificate: CertificateFacts(subject: "api.staging.example", notAfter: DashboardFixture.start.addingTimeInterval(days * 86_400 + 3_600)),
                       now: DashboardFixture.start)
        let result = ProbeResult(target: "backend", kind: .http, status: .up, outcome: outcome, latencyTarget: .milliseconds(150),
                                 startedAt: DashboardFixture.start, sequence: 1)
        _ = Update.apply(.event(.result(result)), to: &state)
        return state
    }

    static func row(_ state: DashboardState) -> String {
        DashboardFixture.text(state).split(separator: "\n").map(String.init).first { $0.contains("backend") && $0.contains("p95") } ?? ""
    }

    @Test func theRowEndsInTheDaysLeftWhereTheReasonColumnHasRoom() {
        let services = { (state: DashboardState) in String(Self.row(state).split(separator: "││").first ?? "") }
        #expect(services(Self.withCertificate(days: 12, width: 160, height: 48))
                == "│● backend     42ms/150ms   p95 42ms      100% ···········█           ▁ HTTP 200       cert 12d")
        #expect(services(Self.withCertificate(days: -3, width: 160, height: 48))
                == "│● backend     42ms/150ms   p95 42ms      100% ···········█           ▁ HTTP 200   cert expired")
    }

    @Test func at80x24TheReasonKeepsItsRoomAndTheRowsStay() {
        let state = Self.withCertificate(days: 12, width: 80, height: 24)
        let row = Self.row(state)
        // The reason column (16 cells) cannot hold "HTTP 200" and "cert 12d" whole: the reason stays, uncut.
        #expect(row == "│● backend     42ms/150ms   p95 42ms      100% ·······█       ▁ HTTP 200       │")
        let without = DashboardFixture.state(width: 80, height: 24)
        // The same live rows as a dashboard without certificates.
        #expect(DashboardFixture.text(state).split(separator: "\n").filter { $0.contains("p95") }.count
                == DashboardFixture.text(without).split(separator: "\n").filter { $0.contains("p95") }.count)
    }

    @Test func theDetailViewNamesSubjectDateAndDays() {
        let state = Self.withCertificate(days: 12, width: 120, height: 40)
        let text = DetailView.lines(state, info: state.info("backend"), stats: state.observed[target: "backend"], last: state.observed[target: "backend"]?.last)
            .map { $0.map(\.text).joined() }
        #expect(text.contains("Cert    api.staging.example, until 2025-09-16 (12 days left)"), "\(text)")
        let expired = Self.withCertificate(days: -3, width: 120, height: 40)
        let expiredText = DetailView.lines(expired, info: nil, stats: nil, last: expired.observed[target: "backend"]?.last).map { $0.map(\.text).joined() }
        #expect(expiredText.contains { $0.hasPrefix("Cert    ") && $0.hasSuffix("(expired 3 days ago)") }, "\(expiredText)")
        let none = DetailView.lines(DashboardFixture.populated(), info: nil, stats: nil, last: DashboardFixture.populated().observed[target: "backend"]?.last)
        #expect(!none.contains { $0.first?.text == "Cert    " })
    }
}
