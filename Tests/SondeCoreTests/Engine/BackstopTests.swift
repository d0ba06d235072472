import Synchronization
import Testing
@testable import SondeCore

/// The engine's backstop: probes past their deadline are given up on; released ones never are.
@Suite struct BackstopTests {
    @Test func anOverdueProbeExpiresAReleasedOneDoesNotAndTheTickerStopsWhenNothingIsWatched() async {
        let backstop = Backstop(tick: .milliseconds(5))
        let expired = FirstValue<String>()
        let released = Mutex(false)
        let kept = backstop.watch(until: .now + .seconds(3600)) { released.withLock { $0 = true } }
        _ = backstop.watch(until: .now) { expired.offer("overdue") }
        #expect(await expired.value() == "overdue")
        #expect(backstop.count == 1)
        backstop.release(kept)
        #expect(backstop.count == 0)
        #expect(!released.withLock { $0 })
        // A probe watched after the ticker stopped starts it again.
        let again = FirstValue<String>()
        _ = backstop.watch(until: .now) { again.offer("again") }
        #expect(await again.value() == "again")
    }
}
