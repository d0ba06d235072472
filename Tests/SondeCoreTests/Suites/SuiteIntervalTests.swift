import Testing
@testable import SondeCore

/// A report file is looked at every few seconds (a stat; re-read only when it changed); a
/// command that runs a suite once a minute; either as configured.
@Suite struct SuiteIntervalTests {
    @Test func defaultsDependOnTheSourceAndTheConfigWins() throws {
        let config = try ConfigLoader.parse("""
            suites:
              - name: files
                junit: reports/*.xml
              - name: nightly
                run: pytest --junitxml=out.xml
                output: out.xml
              - name: slow
                junit: reports/*.xml
                interval: 2m
            """, file: "f.yml")
        #expect(config.suites.map(\.interval) == [.seconds(5), .seconds(60), .seconds(120)])
    }
}
