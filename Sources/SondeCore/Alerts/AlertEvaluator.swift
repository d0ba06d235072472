import Foundation

/// Judges every rule against each observation and says when an alert starts, ends or is due a
/// reminder. Pure: time is the observation's own, so tests drive it with made-up dates.
/// Lives inside `Observations`, the session's one home of state, so the dashboard draws firing
/// alerts from the same snapshot as the rows.
public struct AlertEvaluator: Sendable {
    public let config: AlertsConfig

    /// One rule's view of one subject.
    struct Track: Sendable {
        var badStreak = 0
        var goodStreak = 0
        var badSince: Date?
        var reason = ""
        var valueMs: Double?
        var firing: Firing?

        var isIdle: Bool { badStreak == 0 && goodStreak == 0 && firing == nil }
    }

    /// An alert that fired. `notified` is false while a silence or maintenance window holds it
    /// back: it is sent if the condition outlasts the silence, and its end is not sent at all.
    public struct Firing: Sendable, Equatable {
        public var rule: String
        public var subject: String
        public var since: Date
        public var reason: String
        public var notified: Bool
        var lastNotified: Date?
    }

    struct Key: Hashable {
        var rule: Int
        var subject: String
    }

    private var tracks: [Key: Track] = [:]
    /// Alerts sent and not yet resolved: what the header counts, kept as the tracks change
    /// so a frame does not walk every track.
    public private(set) var notifiedCount = 0

    public init(_ config: AlertsConfig) { self.config = config }

    /// Alerts firing now (sent or held back), oldest first.
    public var firing: [Firing] { tracks.values.compactMap(\.firing).sorted { $0.since < $1.since } }

    /// What the context around an observation decides: silences, maintenance, a deploy's grace.
    public struct Context: Sendable {
        public var silenced: Bool
        public var lastDeploy: Date?

        public init(silenced: Bool = false, lastDeploy: Date? = nil) {
            self.silenced = silenced
            self.lastDeploy = lastDeploy
        }
    }

    /// Feeds one observation of `subject` to every rule of the given conditions.
    public mutating func observe(
        subject: String, kind: String, at now: Date, context: Context, signal: (AlertCondition) -> AlertSignal
    ) -> [AlertNotice] {
        var notices: [AlertNotice] = []
        for (index, rule) in config.rules.enumerated() where rule.applies(to: subject) {
            let verdict = signal(rule.condition)
            if verdict == .neutral { continue }
            let key = Key(rule: index, subject: subject)
            var track = tracks[key] ?? Track()
            let wasNotified = track.firing?.notified == true
            let held = context.silenced || config.maintenance.contains { $0.covers(subject, at: now) }
            if let notice = step(&track, verdict, rule: rule, subject: subject, kind: kind, now: now, held: held, lastDeploy: context.lastDeploy) {
                notices.append(notice)
            }
            notifiedCount += (track.firing?.notified == true ? 1 : 0) - (wasNotified ? 1 : 0)
            // A subject that is fine and firing nothing needs no track: thousands of healthy
            // targets keep the table empty.
            tracks[key] = track.isIdle ? nil : track
        }
        return notices
    }

    private func step(
        _ track: inout Track, _ verdict: AlertSignal, rule: AlertRule, subject: String, kind: String, now: Date, held: Bool, lastDeploy: Date?
    ) -> AlertNotice? {
        func notice(_ state: AlertNotice.State, since: Date, ended: Date? = nil, reminder: Bool = false) -> AlertNotice {
            AlertNotice(
                rule: rule.name, severity: rule.severity, subject: subject, kind: kind, state: state, reason: track.reason,
                since: since, ended: ended, valueMs: track.valueMs, reminder: reminder, channels: rule.notify, at: now
            )
        }
        switch verdict {
        case .neutral:
            return nil
        case .good:
            track.badStreak = 0
            track.badSince = nil
            guard var firing = track.firing else { return nil }
            track.goodStreak += 1
            guard track.goodStreak >= rule.recover else { return nil }
            track.firing = nil
            track.goodStreak = 0
            guard firing.notified else { return nil }
            firing.notified = false
            track.reason = "recovered"
            return notice(.resolved, since: firing.since, ended: now)
        case .bad(let reason, let valueMs):
            track.goodStreak = 0
            track.badStreak += 1
            if track.badSince == nil { track.badSince = now }
            track.reason = reason
            track.valueMs = valueMs
            let since = track.badSince ?? now
            if var firing = track.firing {
                firing.reason = reason
                defer { track.firing = firing }
                if !firing.notified {
                    guard !held else { return nil }
                    firing.notified = true
                    firing.lastNotified = now
                    return notice(.firing, since: firing.since)
                }
                if let every = rule.repeatEvery, let last = firing.lastNotified, now.timeIntervalSince(last) >= every.seconds {
                    firing.lastNotified = now
                    return held ? nil : notice(.firing, since: firing.since, reminder: true)
                }
                return nil
            }
            guard holds(rule.hold, streak: track.badStreak, since: since, now: now) else { return nil }
            if let grace = rule.deployGrace, let deploy = lastDeploy, now < deploy.addingTimeInterval(grace.seconds) { return nil }
            track.firing = Firing(rule: rule.name, subject: subject, since: since, reason: reason, notified: !held, lastNotified: held ? nil : now)
            return held ? nil : notice(.firing, since: since)
        }
    }

    private func holds(_ hold: AlertHold, streak: Int, since: Date, now: Date) -> Bool {
        switch hold {
        case .results(let count): streak >= count
        case .duration(let span): now.timeIntervalSince(since) >= span.seconds
        }
    }
}
