import Foundation
import SondeCore
import SondeHistory
import SondeTUI
import Synchronization

/// History for the dashboard: it starts from what the file holds (results of the last hour,
/// up to the dashboard's own log length per target, and the markers among them), records every
/// result while it runs, and stores the deploy markers: `--deploy NAME`, the `d` key, and
/// version changes it sees.
final class HistoryWiring: Sendable {
    /// How far back a restarted dashboard looks.
    static let seedSpan: TimeInterval = 3600

    private let recorder: HistoryRecorder?
    private let detector: Mutex<DeployDetector>
    /// Marker writes started from the loop thread; awaited before the process exits.
    private let writes = Mutex<[Task<Void, Never>]>([])
    /// Said after the dashboard has closed: stderr under curses would scribble on the screen.
    private let markerError = Mutex<String?>(nil)
    /// Posts detected deploys to the running dashboard.
    let mailbox = Mailbox()

    private init(recorder: HistoryRecorder?, versions: [String: String]) {
        self.recorder = recorder
        detector = Mutex(DeployDetector(known: versions))
    }

    /// Opens history, runs `body` with the seed and hooks, and commits the rest however it ends.
    static func run(
        _ options: HistoryOptions, deploy: String?, config: SondeConfig,
        _ body: (DashboardSeed?, DashboardHooks, Mailbox) async throws -> Void
    ) async throws {
        let recorder = try await options.openRecorder(for: config)
        let versions = (try? await recorder?.store.lastVersions()) ?? [:]
        let wiring = HistoryWiring(recorder: recorder, versions: versions)
        var seed = await wiring.seed(limit: DashboardState.resultLogLimit)
        if let deploy {
            let marker = DeployMarker(name: deploy, at: Date(), source: .flag)
            wiring.store(marker)
            seed = seed ?? DashboardSeed(results: [])
            seed?.markers.append(marker)
        }
        do {
            try await body(seed, wiring.hooks, wiring.mailbox)
        } catch {
            await wiring.close()
            throw error
        }
        await wiring.close()
    }

    var hooks: DashboardHooks {
        DashboardHooks(
            onEvent: { [self] event in
                // A probe cut short by quitting is not a failure of the service: keep it out of history.
                guard case .result(let result) = event, !Task.isCancelled else { return }
                recorder?.record(result)
                if let detected = detector.withLock({ $0.observe(result) }) {
                    mailbox.send(.deployMarker(detected))
                    store(detected)
                }
            },
            onDeployMarker: { [self] marker in store(marker) }
        )
    }

    /// What the file holds for a restarted dashboard; nil without history or results.
    func seed(limit: Int, now: Date = Date()) async -> DashboardSeed? {
        guard let store = recorder?.store,
              let seed = try? await store.seed(perTarget: limit, since: now.addingTimeInterval(-Self.seedSpan)),
              !seed.results.isEmpty || !seed.markers.isEmpty else { return nil }
        return DashboardSeed(results: seed.results, markers: seed.markers)
    }

    private func store(_ marker: DeployMarker) {
        guard let recorder else { return }
        let task = Task {
            do {
                try await recorder.add(marker)
            } catch {
                markerError.withLock { $0 = "\(error)" }
            }
        }
        writes.withLock { $0.append(task) }
    }

    private func close() async {
        for task in writes.withLock({ $0 }) { await task.value }
        await recorder?.close()
        if let error = markerError.withLock({ $0 }) { StandardError.print("sonde: deploy marker not recorded: \(error)") }
    }
}
