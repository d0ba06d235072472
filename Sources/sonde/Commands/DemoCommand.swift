import ArgumentParser

// Owned by the dashboard work (issue 3): the dashboard over the embedded demo staging.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Open the dashboard on a simulated staging (no config, no servers).")

    func run() async throws {
        print("sonde demo: not built yet")
        throw ExitCode(2)
    }
}
