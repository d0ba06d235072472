import Foundation
import SondeCore
import SondeHistory
import Synchronization

/// What `sonde check` does with history: records every result as it arrives, stores the
/// `--deploy NAME` marker and markers for detected version changes, and afterwards reads back
/// the last n recorded results per target, which intermittency is judged on.
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
        /// Lines for under the table about deploys (markers stored or detected).
        var deployNotes: [String]
        /// The last n results per target (the history file's, which include this run's; this
        /// run's alone without history): what intermittency is judged on.
        var recent: [ProbeResult]
    }

    /// Commits the rest and reads back the last n recorded results per target.
    func finish(results: [ProbeResult]) async -> Finished {
        await recorder?.close()
        var recent = results
        if let store = recorder?.store, let stored = try? await store.recent(perTarget: settings.flapWindow) {
            recent = stored
        }
        return Finished(deployNotes: state.withLock { $0.notes }, recent: recent)
    }

    /// `api: intermittent, failed 3 of the last 10, at ...`, by target name.
    static func notes(_ intermittent: [Intermittency]) -> [String] {
        intermittent.sorted { $0.target < $1.target }.map { "\($0.target): intermittent, \($0.describe(time: HistoryTime.clock))" }
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
