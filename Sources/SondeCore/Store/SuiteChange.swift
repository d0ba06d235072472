import Foundation


/// A suite whose passing-module count or error changed between two readings:
/// `suite e2e 7/10 -> 6/10 modules passing`, `suite e2e: unreadable: ...`.
public struct SuiteChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case modules(from: Int, to: Int, total: Int)
        /// The suite could not be read (a new or different error).
        case unreadable(String)
        /// Readable again after an error.
        case readable(passing: Int, total: Int)
    }

    public var suite: String
    public var at: Date
    public var kind: Kind
    public var status: Status

    /// nil when nothing a person watches for changed.
    public init?(from old: SuiteResult, to new: SuiteResult) {
        switch (old.error, new.error) {
        case (let before, let error?) where before != error:
            kind = .unreadable(error)
        case (_?, nil):
            kind = .readable(passing: new.passingModules, total: new.modules.count)
        case (nil, nil) where old.passingModules != new.passingModules || old.modules.count != new.modules.count:
            kind = .modules(from: old.passingModules, to: new.passingModules, total: new.modules.count)
        default:
            return nil
        }
        suite = new.name
        at = new.readAt
        status = new.status
    }

    /// The text after the suite's name.
    public var summary: String {
        switch kind {
        case .modules(let from, let to, let total): "\(from)/\(total) -> \(to)/\(total) modules passing"
        case .unreadable(let error): "unreadable: \(error)"
        case .readable(let passing, let total): "readable again, \(passing)/\(total) modules passing"
        }
    }

    /// `suite e2e 7/10 -> 6/10 modules passing`; an error reads `suite e2e: unreadable: ...`.
    public var text: String {
        if case .unreadable = kind { return "suite \(suite): \(summary)" }
        return "suite \(suite) \(summary)"
    }
}
