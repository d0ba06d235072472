import Foundation

/// Waits until `condition` holds, looking again every few milliseconds, and fails after
/// `seconds`: a wait on a condition with a deadline, never a sleep standing in for one.
func waitUntil(_ what: String, within seconds: Double = 5, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while !condition() {
        guard ContinuousClock.now < deadline else { throw ConditionTimeout(what: what) }
        try await Task.sleep(for: .milliseconds(5))
    }
}

struct ConditionTimeout: Error, CustomStringConvertible {
    var what: String
    var description: String { "gave up waiting for \(what)" }
}
