import Foundation
import SondeCore
import SondeHistory
import Synchronization

/// What `sonde check` does with history: records every result as it arrives, stores the
/// `--deploy NAME` marker and markers for detected version changes, and afterwards names the
/// targets that are intermittent over their last n recorded results.
final class HistoryCheck: Sendable {
    private let recorder: HistoryRecorder?
    private let settings: HistorySettings
    private let state: Mutex<State>

    private struct State {
        var detector: DeployDetector
        var notes: [String] = []
    }

    private init(recorder: HistoryRecorder?, settings: HistorySettings, versions: [String: String]) {
        self.recorder = recorder
        self.settings = settings
        state = Mutex(State(detector: DeployDetector(known: versions)))
    }

    static func open(_ options: HistoryOptions, deploy: String?, config: SondeConfig) async throws -> HistoryCheck {
        let recorder = try await options.openRecorder(for: config)
        let versions = (try? await recorder?.store.lastVersions()) ?? [:]
        let check = HistoryCheck(recorder: recorder, settings: config.history, versions: versions)
        if let deploy {
            await check.store(DeployMarker(name: deploy, at: Date(), source: .flag))
        }
        return check
    }

    func observe(_ result: ProbeResult) async {
        recorder?.record(result)
        let detected = state.withLock { $0.detector.observe(result) }
        if let detected { await store(detected) }
    }

    /// What a check leaves for its output once history is committed.
    struct Finished {
        /// Lines for under the table: deploys, intermittent targets.
        var notes: [String]
        /// The last n results per target (the history file's, which include this run's; this
        /// run's alone without history): what intermittency is judged on.
        var recent: [ProbeResult]
    }

    /// Commits the rest, then judges intermittency over the last n recorded results per target.
    func finish(results: [ProbeResult]) async -> Finished {
        await recorder?.close()
        var recent = results
        if let store = recorder?.store, let stored = try? await store.recent(perTarget: settings.flapWindow) {
            recent = stored
        }
        var notes = state.withLock { $0.notes }
        for (name, mine) in Dictionary(grouping: recent, by: \.target).sorted(by: { $0.key < $1.key }) {
            if let flapping = IntermittencyDetector.assess(mine, failures: settings.flapFailures, window: settings.flapWindow) {
                notes.append("\(name): intermittent, \(flapping.describe(time: HistoryTime.clock))")
            }
        }
        return Finished(notes: notes, recent: recent)
    }

    private func store(_ marker: DeployMarker) async {
        var line = "\(marker.summary) at \(HistoryTime.clock(marker.at))"
        if let recorder {
            do {
                try await recorder.add(marker)
            } catch {
                line += " (not recorded: \(error.description))"
            }
        }
        state.withLock { $0.notes.append(line) }
    }
}

/// Times as history output shows them: local clock time, with the date when it is not today.
enum HistoryTime {
    static func clock(_ date: Date) -> String {
        let format = Calendar.current.isDateInToday(date) ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }
}
