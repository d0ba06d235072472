import Foundation
import SondeCore
import Synchronization

/// Buffers results in memory and commits them to the history file in one transaction per
/// `flushEvery` (500 ms by default). One transaction per result would cost an fsync each; one
/// per batch keeps a busy dashboard cheap while a kill -9 loses at most the last batch.
///
/// `record` never blocks and never throws, so the engine and the dashboard's loop can call it
/// from anywhere; a failed write is kept in `lastError` for the command to report.
public final class HistoryRecorder: Sendable {
    public let store: HistoryStore
    public let flushEvery: Duration
    /// Results older than this are deleted every hour (the opener prunes at start); nil keeps everything.
    public let retention: Duration?
    private let state = Mutex(State())

    private struct State {
        var pending: [ProbeResult] = []
        var pendingAlerts: [AlertNotice] = []
        var pendingReadings: [SuiteReading] = []
        var flusher: Task<Void, Never>?
        var lastError: HistoryError?
        var written = 0
        var dropped = 0
        var lastPrune: ContinuousClock.Instant?
    }

    static let pruneEvery: Duration = .seconds(3600)

    /// Starts the periodic flush at once.
    public init(store: HistoryStore, flushEvery: Duration = .milliseconds(500), retention: Duration? = nil) {
        self.store = store
        self.flushEvery = flushEvery
        self.retention = retention
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: flushEvery)
                guard let self else { return }
                await self.flush()
                await self.pruneIfDue()
            }
        }
        state.withLock {
            $0.flusher = task
            $0.lastPrune = .now
        }
    }

    deinit {
        state.withLock { $0.flusher?.cancel() }
    }

    public func record(_ result: ProbeResult) {
        state.withLock { $0.pending.append(result) }
    }

    public func record(_ results: [ProbeResult]) {
        state.withLock { $0.pending.append(contentsOf: results) }
    }

    /// Alert events, committed with the next batch (after the results that raised them).
    public func record(_ notices: [AlertNotice]) {
        state.withLock { $0.pendingAlerts.append(contentsOf: notices) }
    }

    /// A suite's reading, committed with the next batch.
    public func record(_ reading: SuiteReading) {
        state.withLock { $0.pendingReadings.append(reading) }
    }

    /// Commits what is buffered now. A batch that cannot be written is dropped (and counted)
    /// rather than kept, so a full disk cannot grow memory without bound.
    public func flush() async {
        let (batch, alerts, readings) = state.withLock { state -> ([ProbeResult], [AlertNotice], [SuiteReading]) in
            defer {
                state.pending.removeAll(keepingCapacity: true)
                state.pendingAlerts.removeAll()
                state.pendingReadings.removeAll()
            }
            return (state.pending, state.pendingAlerts, state.pendingReadings)
        }
        guard !batch.isEmpty || !alerts.isEmpty || !readings.isEmpty else { return }
        let store = store
        // A task of its own: GRDB gives up a write when the caller is cancelled, and a
        // dashboard quitting (which cancels everything) must still commit its last batch.
        let failure = await Task { () async -> HistoryError? in
            do throws(HistoryError) {
                try await store.append(batch)
                try await store.append(alerts)
                try await store.append(readings)
            } catch { return error }
            return nil
        }.value
        state.withLock {
            if let failure {
                $0.lastError = failure
                $0.dropped += batch.count
            } else {
                $0.written += batch.count
            }
        }
    }

    /// A dashboard left open for a week keeps to its retention too.
    private func pruneIfDue() async {
        guard let retention else { return }
        let now = ContinuousClock.now
        let due = state.withLock { state -> Bool in
            if let last = state.lastPrune, now - last < Self.pruneEvery { return false }
            state.lastPrune = now
            return true
        }
        guard due else { return }
        let store = store
        let failure = await Task { () async -> HistoryError? in
            do throws(HistoryError) { try await store.prune(retention: retention) } catch { return error }
            return nil
        }.value
        if let failure { state.withLock { $0.lastError = failure } }
    }

    /// Stores a marker at once: a deploy is rare and must not wait for the next batch.
    /// Results recorded before it are committed first, so a reader never sees a marker ahead of them.
    @discardableResult
    public func add(_ marker: DeployMarker) async throws(HistoryError) -> DeployMarker {
        await flush()
        return try await store.add(marker)
    }

    /// Stops the periodic flush and commits the rest. Call before the process exits.
    public func finish() async {
        let task = state.withLock { state -> Task<Void, Never>? in
            defer { state.flusher = nil }
            return state.flusher
        }
        task?.cancel()
        // A flush already under way must land before the process may exit.
        await task?.value
        await flush()
    }

    public var lastError: HistoryError? { state.withLock { $0.lastError } }
    /// Results committed so far, and results lost to failed writes.
    public var written: Int { state.withLock { $0.written } }
    public var dropped: Int { state.withLock { $0.dropped } }
}
