import Foundation
import SondeCore

/// A target starting or stopping to flap (k of its last n results failed while others passed).
public struct FlapChange: Sendable, Equatable {
    public var target: String
    public var at: Date
    /// The verdict when it started; nil when it ended.
    public var started: Intermittency?

    public init(target: String, at: Date, started: Intermittency?) {
        self.target = target
        self.at = at
        self.started = started
    }

    /// Built from the detector's own change, so the log says what the detector decided.
    public init(_ change: IntermittencyDetector.Change, at: Date) {
        switch change {
        case .started(let found): self.init(target: found.target, at: at, started: found)
        case .ended(let target): self.init(target: target, at: at, started: nil)
        }
    }

    /// `flapping: failed 3 of the last 10 (HTTP 503)`, or `no longer flapping`.
    public var summary: String {
        guard let started else { return "no longer flapping" }
        let reasons = started.reasons.isEmpty ? "" : " (" + started.reasons.joined(separator: "; ") + ")"
        return "flapping: " + started.summary + reasons
    }
}
