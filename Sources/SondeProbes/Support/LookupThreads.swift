import Foundation
import NIOCore
import SondeCore
import Synchronization

/// Runs blocking name lookups on threads of Sonde's own, never on NIO's blocking pool (two
/// threads, which ten lookups stuck on a silent DNS server once filled, so `localhost` lookups
/// queued behind them) nor on Swift's cooperative pool. getaddrinfo cannot be cancelled or given a
/// deadline: a lookup the server never answers holds its thread until glibc gives up
/// (resolv.conf's `timeout` times `attempts`, seconds to minutes), so:
///
/// - one lookup per name at a time: a name asked for again while its lookup is under way joins
///   it, so a hung name holds one thread however many targets and rounds ask for it;
/// - at most `limit` lookups at once: past it a new name is refused at once, with a reason,
///   rather than queued behind lookups that may never end;
/// - each caller waits until its own deadline and no longer; the thread may go on.
final class LookupThreads: Sendable {
    typealias Lookup = @Sendable (String) -> Result<SocketAddress, FailureReason>

    enum Outcome: Sendable {
        case answered(Result<SocketAddress, FailureReason>)
        /// The caller's deadline passed first; the lookup may still be running.
        case gaveUp
        /// `limit` lookups were already running; this one was not started.
        case refused(running: Int)
    }

    let limit: Int
    private let lookup: Lookup
    private let flights = Mutex<[String: Flight]>([:])

    init(limit: Int = 32, lookup: @escaping Lookup = SystemLookup.resolve) {
        self.limit = limit
        self.lookup = lookup
    }

    /// Lookups under way now (each holds one thread).
    var running: Int { flights.withLock { $0.count } }

    func resolve(_ name: String, until deadline: ContinuousClock.Instant) async -> Outcome {
        let waiter = FirstValue<Outcome>()
        let key = name.lowercased()
        let started: Flight? = flights.withLock { flights in
            if let flight = flights[key] {
                flight.join(waiter)
                return nil
            }
            guard flights.count < limit else {
                waiter.offer(.refused(running: flights.count))
                return nil
            }
            let flight = Flight()
            flight.join(waiter)
            flights[key] = flight
            return flight
        }
        if let started { start(started, name: name, key: key) }
        let timer = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            waiter.offer(.gaveUp)
        }
        let outcome = await withTaskCancellationHandler {
            await waiter.value()
        } onCancel: {
            waiter.offer(.gaveUp)
        }
        timer.cancel()
        return outcome
    }

    private func start(_ flight: Flight, name: String, key: String) {
        let thread = Thread { [self] in
            let answer = lookup(name)
            // Removed before answering, so nobody joins a flight that has already landed.
            flights.withLock { _ = $0.removeValue(forKey: key) }
            flight.finish(.answered(answer))
        }
        thread.name = "sonde-dns"
        thread.start()
    }
}

/// One lookup under way and the callers waiting for it.
private final class Flight: Sendable {
    private let waiters = Mutex<[FirstValue<LookupThreads.Outcome>]>([])

    func join(_ waiter: FirstValue<LookupThreads.Outcome>) {
        waiters.withLock { $0.append(waiter) }
    }

    func finish(_ outcome: LookupThreads.Outcome) {
        // Callers that already gave up ignore the late answer (FirstValue keeps the first).
        for waiter in waiters.withLock({ $0 }) { waiter.offer(outcome) }
    }
}
