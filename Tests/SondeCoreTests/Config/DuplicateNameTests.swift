import Testing
@testable import SondeCore

/// Journeys and suites are found by name (rows, reports, repro verdicts), so a name given twice
/// is a config error with file:line, listed beside every other problem in the file.
@Suite("Duplicate journey and suite names are config errors")
struct DuplicateNameTests {
    static let url = "http://127.0.0.1:1/"

    private func problems(_ yaml: String) -> [String]? {
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.parse(yaml, file: "f.yml") }
        return error?.errors.map(\.description)
    }

    @Test func twoJourneysNamedAlikeAreRefusedWithBothLines() {
        let yaml = """
            targets:
              - name: api
                http: \(Self.url)
            journeys:
              - name: golden
                steps: [api]
              - name: golden
                steps: [api]

            """
        #expect(problems(yaml) == [
            "f.yml:7:5: journeys[1]: duplicate journey name 'golden' (first at line 5); names must be unique",
        ])
    }

    @Test func twoSuitesNamedAlikeAreRefused() {
        let yaml = """
            suites:
              - name: unit
                junit: a.xml
              - name: unit
                junit: b.xml

            """
        #expect(problems(yaml) == [
            "f.yml:4:5: suites[1]: duplicate suite name 'unit' (first at line 2); names must be unique",
        ])
    }

    @Test func aBadJourneyNoLongerHidesTheNextJourneysProblems() {
        // Before, the first journey's error stopped the reading of `journeys:` and hid the duplicate.
        let yaml = """
            targets:
              - name: api
                http: \(Self.url)
            journeys:
              - name: first
                steps: [nope]
              - name: golden
                steps: [api]
              - name: golden
                steps: [api]
            suites:
              - name: unit
              - name: unit
                junit: b.xml

            """
        #expect(problems(yaml) == [
            "f.yml:6:13: journeys[0].steps[0]: no target named 'nope'",
            "f.yml:9:5: journeys[2]: duplicate journey name 'golden' (first at line 7); names must be unique",
            "f.yml:12:5: suites[0]: suite 'unit' needs 'junit: PATH' or 'run: COMMAND' with 'output: PATH'",
        ])
    }

    @Test func aJourneyNamedLikeATargetIsRefusedOnlyWhenTheirVerdictsWouldShareTheReproTable() {
        let clash = """
            targets:
              - name: login
                http: \(Self.url)
                expect_failure: 503
            journeys:
              - name: login
                steps: [login]
                expect_failure: 503

            """
        #expect(problems(clash) == [
            "f.yml:6:5: journeys[0]: journey 'login' has the name of the target at line 2, and both have expect_failure: "
                + "rename one so their verdicts can be told apart",
        ])
        let noClash = """
            targets:
              - name: login
                http: \(Self.url)
            journeys:
              - name: login
                steps: [login]
            suites:
              - name: login
                junit: a.xml

            """
        #expect(throws: Never.self) { try ConfigLoader.parse(noClash, file: "f.yml") }
    }
}
