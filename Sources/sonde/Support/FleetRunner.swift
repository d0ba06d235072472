import ArgumentParser
import Foundation
import SondeCore
import SondeProbes
import SondeTUI

/// `sonde watch --prometheus URL`: the same dashboard loop and store, fed by a reader of
/// Prometheus's API instead of the engine. Nothing is probed and nothing is written to history
/// (Prometheus keeps the history); `r`, `p` and time travel have nothing to act on.
enum FleetRunner {
    static func run(_ reader: FleetReader, flags: DashboardFlags) async throws {
        let themes = try DashboardRunner.themes(flags)
        let mailbox = Mailbox()
        let store = ObservationStore(onChange: { mailbox.send(.storeChanged) })
        var state = DashboardState(environment: "fleet", targets: [])
        state.adopt(reader.makeTracker().board)
        let reading = Task {
            await reader.run(record: { store.record(.result($0)) }, publish: { board in
                // The header counts the board's targets and locations, not ones that have left it.
                store.mutate { $0.countOnly(board.storeNames) }
                mailbox.send(.fleet(board))
            })
        }
        defer { reading.cancel() }
        let options = DashboardOptions(
            themes: themes, noColor: flags.noColor || TerminalCapabilities.noColorRequested(), ascii: flags.ascii,
            noTravel: "watch --prometheus keeps no history of its own: Prometheus holds it (query it for the past)"
        )
        let initial = state
        let exit = await DashboardRunner.onOwnThread {
            Result { () throws(TerminalError) in try DashboardApp.run(state: initial, options: options, mailbox: mailbox, store: store) }
        }
        reading.cancel()
        switch exit {
        case .success(let exit):
            if exit != .quit { throw ExitCode(exit.status) }
        case .failure(let error):
            StandardError.print("sonde: \(error)")
            throw ExitCode(2)
        }
    }
}
