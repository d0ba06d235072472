import ArgumentParser
import Foundation
import SondeDemo

/// `sonde demo`: the dashboard over a simulated staging served from this process on
/// 127.0.0.1, probed by the real engine and probes. No config, no servers.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Open the dashboard on a simulated staging (no config, no servers).",
        discussion: """
        The staging runs inside this process on 127.0.0.1: backend, auth and frontend health endpoints \
        (the backend reports its database latencies), a WebSocket endpoint that rejects upgrades with \
        HTTP 500 for a stretch every few minutes, and a test report for the Modules pane.
        """
    )

    @OptionGroup var dashboard: DashboardFlags
    /// The demo keeps no history unless given a file (`--history demo.sqlite`), so time travel can be tried on it.
    @OptionGroup var history: HistoryOptions
    @Flag(help: "Serve the simulated staging without the dashboard, and print a config for it (try `sonde check` or `sonde watch` on it).")
    var serve = false
    @Option(help: ArgumentHelp("Run the demo's story this many times faster.", visibility: .hidden))
    var speed: Double = 1
    /// For the end-to-end test that a crash leaves the terminal usable.
    @Option(help: ArgumentHelp("Crash on purpose after this many seconds.", visibility: .private))
    var crashAfter: Double?

    func validate() throws {
        guard speed > 0, speed <= 1000 else { throw ValidationError("--speed must be above 0 and at most 1000") }
    }

    func run() async throws {
        if !serve { try DashboardRunner.requireTerminal(command: "demo") }
        let staging = DemoStaging(scenario: DemoScenario.standard.speeded(by: speed))
        // The staging is left running until the process exits: cancelling Hummingbird's server with
        // connections open (the probes') trips NIO's "NIOAsyncWriter without finish()" precondition.
        let (port, webSocketPort, _) = try await staging.start()
        let report = try DemoConfig.writeReport()
        let folder = (report as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if serve {
            FileHandle.standardOutput.write(Data(DemoConfig.yaml(port: port, webSocketPort: webSocketPort, reportPath: report).utf8))
            await Self.untilInterrupted()
            return
        }
        let config = try DemoConfig.make(port: port, webSocketPort: webSocketPort, reportPath: report)
        if let crashAfter {
            Task.detached {
                try await Task.sleep(for: .seconds(crashAfter))
                fatalError("crash requested with --crash-after")
            }
        }
        let recorder = try await history.openRecorder(for: config)
        try await DashboardRunner.run(config: config, flags: dashboard, recorder: recorder, noTravel: history.noTravel(for: config))
    }

    /// Waits for SIGINT or SIGTERM (so the temporary report is removed on the way out).
    static func untilInterrupted() async {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for signal in [SIGINT, SIGTERM] {
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal)
            source.setEventHandler { continuation.yield() }
            source.resume()
            sources.append(source)
        }
        for await _ in stream { break }
        withExtendedLifetime(sources) {}
    }
}
