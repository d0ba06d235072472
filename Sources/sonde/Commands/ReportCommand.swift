import ArgumentParser

// Owned by the reports work (issue 5).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Probe and write a Markdown, JSON or JUnit report.")

    func run() async throws {
        print("sonde report: not built yet")
        throw ExitCode(2)
    }
}
