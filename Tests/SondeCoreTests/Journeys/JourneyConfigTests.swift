import Foundation
import Testing
@testable import SondeCore

@Suite("Journeys in the config: steps, captures, placeholders")
struct JourneyConfigTests {
    static let targets = """
    targets:
      - name: frontend
        http: http://127.0.0.1:9/
      - name: login
        http: http://127.0.0.1:9/login
        method: POST
        capture:
          token: $.token
      - name: db
        tcp: 127.0.0.1:9
    """

    private func load(_ journeys: String) throws(ConfigErrors) -> SondeConfig {
        try ConfigLoader.parse(Self.targets + "\njourneys:\n" + journeys, file: "j.yml")
    }

    private func problem(_ journeys: String) -> String {
        do {
            _ = try load(journeys)
            return "(loaded)"
        } catch {
            return error.description
        }
    }

    @Test func stepsMayNameTargetsOrBeInlineProbes() throws {
        let config = try load("""
          - name: golden path
            stop_on_failure: false
            interval: 30s
            expect_failure: down
            steps:
              - frontend
              - target: login
                name: sign_in
              - name: me
                http: http://127.0.0.1:9/me?token=${steps.sign_in.token}
                headers:
                  Authorization: Bearer ${steps.sign_in.token}
        """)
        let journey = try #require(config.journeys.first)
        #expect(journey.steps.map(\.name) == ["frontend", "sign_in", "me"])
        #expect(journey.stopOnFailure == false)
        #expect(journey.interval == .seconds(30))
        #expect(journey.expectedFailure?.condition == .down)
        #expect(StepTargetResolver.references(in: journey.steps[2].target) == [
            .init(step: "sign_in", capture: "token"), .init(step: "sign_in", capture: "token"),
        ])
    }

    @Test func aStepNamingATargetCanAddCaptures() throws {
        let config = try load("""
          - name: j
            steps:
              - target: frontend
                capture:
                  build: header:X-Build
              - name: next
                http: http://127.0.0.1:9/b/${steps.frontend.build}
        """)
        let journey = try #require(config.journeys.first)
        guard case .http(let spec) = journey.steps[0].target.probe else { Issue.record("not http"); return }
        #expect(spec.captures.map(\.name) == ["build"])
        #expect(journey.stopOnFailure, "stopping at the first failure is the default")
    }

    @Test(arguments: [
        ("      - name: x\n        http: http://127.0.0.1:9/${steps.later.token}\n      - name: later\n        http: http://127.0.0.1:9/",
         "uses ${steps.later.token}, but no earlier step is named 'later'"),
        ("      - login\n      - name: x\n        http: http://127.0.0.1:9/${steps.login.session}",
         "step 'login' has no capture 'session' (it captures token)"),
        ("      - frontend\n      - name: x\n        http: http://127.0.0.1:9/${steps.frontend.id}",
         "step 'frontend' has no capture 'id' (it captures nothing)"),
        ("      - frontnd", "no target named 'frontnd', did you mean 'frontend'?"),
        ("      - frontend\n      - frontend", "two steps named 'frontend'; give one a 'name:'"),
        ("      - target: db\n        capture:\n          x: $.x", "only HTTP steps can capture values; 'db' is a tcp target"),
    ])
    func badJourneysSayWhatIsWrong(steps: String, message: String) {
        let text = problem("  - name: j\n    steps:\n" + steps)
        #expect(text.contains(message), "\(text)")
    }

    @Test func placeholdersAreFoundInBothSpellings() {
        let text = "http://h/a/$%7Bsteps.login.id%7D?t=${steps.login.token}"
        #expect(StepPlaceholders.references(in: text) == [.init(step: "login", capture: "id"), .init(step: "login", capture: "token")])
    }

    @Test func substitutionEncodesValuesAndReportsTheMissingOne() throws {
        let captured: StepPlaceholders.Captured = ["login": ["id": "u/42 x", "token": "t"]]
        let target = Target(
            name: "me", interval: .seconds(5), timeout: .seconds(1),
            probe: .http(HTTPSpec(
                url: try #require(URL(string: "http://h/users/${steps.login.id}")), headers: [Header(name: "Authorization", value: "Bearer ${steps.login.token}", isSecret: false)],
                body: #"{"id":"${steps.login.id}"}"#
            ))
        )
        let resolved = try StepTargetResolver.resolve(target, with: captured)
        guard case .http(let spec) = resolved.probe else { Issue.record("not http"); return }
        #expect(spec.url.absoluteString == "http://h/users/u%2F42%20x")
        #expect(spec.headers.first?.value == "Bearer t")
        #expect(spec.headers.first?.isSecret == true, "a header carrying a captured value is masked")
        #expect(spec.body == #"{"id":"u/42 x"}"#)
        #expect(throws: StepPlaceholders.Unresolved(reference: .init(step: "login", capture: "id"))) {
            try StepTargetResolver.resolve(target, with: ["login": ["token": "t"]])
        }
    }
}
