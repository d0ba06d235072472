import Foundation
import SondeCore
import SondeHistory
import Synchronization

/// One run of Sonde: the engines (`Session+Engines`), the store every consumer reads, the history
/// recorder, and deploy detection from reported versions, owned together for the length of a
/// command (`Session.run`). The dashboard, `agent`, `check`, `report` and `check --watch-deploy`
/// probe through it and read the store; the command line only parses arguments and wires this up.
public final class Session: Sendable {
    public let config: SondeConfig
    public let store: ObservationStore
    public let recorder: HistoryRecorder?
    /// What every engine of this session probes with.
    public let probing: Probing
    private let detector: Mutex<DeployDetector>
    private let ledger = Mutex(MarkerLedger())
    private let problems: @Sendable (String) -> Void
    /// Where alerts the rules raise go (the channels, once attached); until then they stay in
    /// the store and the event log.
    private let alerts = Mutex<(any AlertOutlet)?>(nil)

    init(setup: SessionSetup, versions: [String: String]) {
        config = setup.config
        recorder = setup.recorder
        probing = setup.probing
        problems = setup.problems
        store = ObservationStore(
            Observations(limits: .forFleet(of: setup.config.targets.count), flapping: setup.config.history, alerts: setup.config.alerts),
            onChange: setup.onChange
        )
        detector = Mutex(DeployDetector(known: versions))
        store.mutate { $0.countOnly(setup.config.targets.map(\.name)) }
    }

    /// Opens a session, runs `body` with it, and closes it however `body` ends: marker writes
    /// awaited, the rest of history committed, problems said through `setup.problems`.
    public static func run<T: Sendable>(_ setup: SessionSetup, _ body: (Session) async throws -> T) async throws -> (T, SessionClosing) {
        let session = await open(setup)
        do {
            let value = try await body(session)
            return (value, await session.close())
        } catch {
            _ = await session.close()
            throw error
        }
    }

    static func open(_ setup: SessionSetup) async -> Session {
        let versions = (try? await setup.recorder?.store.lastVersions()) ?? [:]
        let session = Session(setup: setup, versions: versions)
        // Every command compares a suite with its earlier runs, so readings are loaded even
        // when the dashboard's seed is not asked for.
        if let readings = try? await setup.recorder?.store.suiteReadings(), !readings.isEmpty {
            session.store.mutate { $0.seed(readings) }
        }
        if let seed = setup.seed { await session.seed(seed) }
        if let deploy = setup.deploy { session.place(DeployMarker(name: deploy, at: setup.now, source: .flag)) }
        return session
    }

    /// An engine event: into the store and history, alerts it raises to their channels, and a
    /// version change becomes a deploy marker.
    public func record(_ event: EngineEvent) {
        // A probe cut short by quitting is not a failure of the service: keep it out of both.
        if Task.isCancelled, case .result = event { return }
        let notices = store.record(event)
        if !notices.isEmpty {
            recorder?.record(notices)
            alerts.withLock { $0 }?.send(notices)
        }
        if case .suite(let suite) = event { recorder?.record(SuiteReading(suite)) }
        guard case .result(let result) = event else { return }
        recorder?.record(result)
        if let detected = detector.withLock({ $0.observe(result) }) { place(detected) }
    }

    /// A deploy marker from anywhere (`--deploy`, a version change): into the store and history.
    public func place(_ marker: DeployMarker) {
        store.place(marker)
        keep(marker)
    }

    /// A marker already in the store (the dashboard's `d` key placed it there): into history.
    public func keep(_ marker: DeployMarker) {
        let recorder = recorder
        let write = Task<String?, Never> {
            guard let recorder else { return nil }
            do {
                _ = try await recorder.add(marker)
                return nil
            } catch {
                return "\(error)"
            }
        }
        ledger.withLock { $0.writes.append((marker, write)) }
    }

    /// Sends the alerts this session raises from now on to `outlet` (the alert channels).
    public func attach(_ outlet: any AlertOutlet) {
        alerts.withLock { $0 = outlet }
    }

    func seed(_ seed: SessionSeed) async {
        // Reading more than the store keeps would only be dropped: at 10,000 targets that was
        // 400 results each read to keep 60.
        let kept = store.current().limits.log
        let perTarget = min(seed.perTarget ?? kept, kept)
        guard let history = recorder?.store,
              let found = try? await history.seed(perTarget: perTarget, since: seed.now.addingTimeInterval(-seed.span)) else { return }
        store.mutate { found.replay(into: &$0, judgingAlerts: false) }
    }

    func close() async -> SessionClosing {
        let writes = ledger.withLock { $0.writes }
        var markers: [SessionClosing.Marker] = []
        for (marker, write) in writes {
            let error = await write.value
            markers.append(.init(marker: marker, notRecorded: error))
            if let error { problems("deploy marker not recorded: \(error)") }
        }
        if let recorder {
            await recorder.finish()
            if let error = recorder.lastError {
                problems("\(recorder.dropped) results were not recorded: \(error.description)")
            }
        }
        return SessionClosing(markers: markers, history: recorder?.store)
    }
}

/// Marker writes started anywhere (the loop thread among them), awaited when the session closes.
struct MarkerLedger {
    var writes: [(DeployMarker, Task<String?, Never>)] = []
}
