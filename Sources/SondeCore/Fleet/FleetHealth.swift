import Foundation

/// Whether the Prometheus a fleet dashboard reads answered its last query.
public struct FleetHealth: Sendable, Equatable {
    /// `127.0.0.1:9090`, never the URL's credentials.
    public var source: String
    /// When a query last succeeded; nil before the first.
    public var lastRead: Date?
    /// Why the latest query failed, or nil when it succeeded.
    public var problem: String?

    public init(source: String, lastRead: Date? = nil, problem: String? = nil) {
        self.source = source
        self.lastRead = lastRead
        self.problem = problem
    }

    /// What is on screen is the last data read, no longer live.
    public var isStale: Bool { problem != nil && lastRead != nil }
}
