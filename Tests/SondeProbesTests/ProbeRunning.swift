import Foundation
import SondeCore

extension Probe {
    /// Runs the probe with a budget from now, as the engine would.
    func run(within budget: Duration) async -> ProbeOutcome {
        await run(deadline: ContinuousClock.now + budget)
    }
}

enum TestURL {
    static func make(_ text: String) -> URL {
        guard let url = URL(string: text) else { preconditionFailure("bad test URL \(text)") }
        return url
    }
}
