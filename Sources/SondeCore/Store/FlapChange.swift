import Foundation


/// A target starting or stopping to flap (k of its last n results failed while others passed).
public struct FlapChange: Sendable, Equatable {
    public var target: String
    public var at: Date
    /// The verdict when it started; nil when it ended.
    public var started: Intermittency?
    /// It ended because every result in the window failed: down, not recovered.
    public var endedDown: Bool

    public init(target: String, at: Date, started: Intermittency?, endedDown: Bool = false) {
        self.target = target
        self.at = at
        self.started = started
        self.endedDown = endedDown
    }

    /// Built from the detector's own change, so the log says what the detector decided.
    public init(_ change: IntermittencyDetector.Change, result: ProbeResult) {
        switch change {
        case .started(let found): self.init(target: found.target, at: result.startedAt, started: found)
        case .ended(let target): self.init(target: target, at: result.startedAt, started: nil, endedDown: result.status == .down)
        }
    }

    /// How the log marks it: flapping is a warning, an end is good news unless it ended down.
    public var status: Status { started != nil ? .slow : endedDown ? .down : .up }

    /// `flapping: failed 3 of the last 10 (HTTP 503)`, `no longer flapping`, or (down for the
    /// whole window, which the detector does not call flapping) `no longer flapping: down`.
    public var summary: String {
        if endedDown { return "no longer flapping: down for every recent result" }
        guard let started else { return "no longer flapping" }
        let reasons = started.reasons.isEmpty ? "" : " (" + started.reasons.joined(separator: "; ") + ")"
        return "flapping: " + started.summary + reasons
    }
}
