import Foundation

/// Asks history for moments, one at a time, off the loop thread. Keys pressed faster than
/// answers come (holding `[`) do not pile up replays: while one runs, only the newest moment
/// asked for waits, and it runs next. Used on the loop thread only.
final class TravelRunner {
    private let source: TravelSource?
    private let mailbox: Mailbox
    private var running: Date?
    private var waiting: Date?

    init(source: TravelSource?, mailbox: Mailbox) {
        self.source = source
        self.mailbox = mailbox
    }

    func request(_ moment: Date) {
        if running != nil {
            waiting = moment
        } else {
            start(moment)
        }
    }

    /// An answer arrived (the loop saw `.travelled`): the waiting moment, if any, goes next.
    func finished(_ moment: Date) {
        guard running == moment else { return }
        running = nil
        if let next = waiting {
            waiting = nil
            if next != moment { start(next) }
        }
    }

    /// Back to live: an answer still under way is dropped when it arrives.
    func cancelWaiting() { waiting = nil }

    private func start(_ moment: Date) {
        guard let source else { return }
        running = moment
        let mailbox = mailbox
        Task.detached { mailbox.send(.travelled(at: moment, await source(moment))) }
    }
}
