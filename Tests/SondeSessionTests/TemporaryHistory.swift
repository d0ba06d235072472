import Foundation
import SondeCore
import SondeHistory
import SondeSession

/// A history file in a folder of its own, removed when the test ends.
final class TemporaryHistory: Sendable {
    let folder: URL
    let store: HistoryStore

    init(secrets: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try HistoryStore(path: folder.appendingPathComponent("history.sqlite").path, redactor: Redactor(secrets: secrets))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func setup(seed: SessionSeed? = nil, deploy: String? = nil) -> SessionSetup {
        SessionSetup(config: config, recorder: HistoryRecorder(store: store), probing: .withoutProbes, seed: seed, deploy: deploy)
    }
}
