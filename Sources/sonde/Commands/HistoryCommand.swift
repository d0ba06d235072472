import ArgumentParser

// Owned by the history work (issue 6).
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Print recorded results and percentiles.")

    func run() async throws {
        print("sonde history: not built yet")
        throw ExitCode(2)
    }
}
