import Synchronization

/// The one home of what a session observes, shared by the engine (writer) and every reader
/// (dashboard, reports, history, alerts). Writers record under a lock; readers take a snapshot,
/// which costs a copy of references (the value is copy-on-write), never a second copy of the data.
public final class ObservationStore: Sendable {
    private let state: Mutex<Observations>
    /// Called after a change when no earlier change is still unseen: one wake-up per burst, so a
    /// reader drawing frames is poked once however fast results arrive.
    private let onChange: @Sendable () -> Void
    private let unseen = Atomic<Bool>(false)

    public init(_ initial: Observations = Observations(), onChange: @escaping @Sendable () -> Void = {}) {
        state = Mutex(initial)
        self.onChange = onChange
    }

    /// Records an event; the alerts it started or ended come back for the channels.
    @discardableResult
    public func record(_ event: EngineEvent) -> [AlertNotice] { mutate { $0.record(event) } }

    public func place(_ marker: DeployMarker) { mutate { $0.place(marker) } }

    /// Any change made as one step (several events from a seed, say).
    @discardableResult
    public func mutate<T>(_ change: (inout Observations) -> T) -> T {
        let value = state.withLock { change(&$0) }
        let (exchanged, _) = unseen.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
        if exchanged { onChange() }
        return value
    }

    /// What is known now; marks every change so far as seen.
    public func snapshot() -> Observations {
        unseen.store(false, ordering: .releasing)
        return state.withLock { $0 }
    }

    /// What is known now, leaving changes unseen: for readers other than the one the store pokes
    /// (a Prometheus scrape must not swallow the dashboard's wake-up).
    public func current() -> Observations {
        state.withLock { $0 }
    }

    /// True when something changed since the last snapshot.
    public var hasUnseenChanges: Bool { unseen.load(ordering: .acquiring) }
}
