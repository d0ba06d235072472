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
        /// The same modules pass, but tests changed (see `tests`).
        case tests
    }

    public var suite: String
    public var at: Date
    public var kind: Kind
    public var status: Status
    /// Tests newly failing, fixed or newly flaky since the suite's previous readable run (which
    /// may be one recorded in history by an earlier session).
    public var tests: SuiteRunDelta?

    /// nil when nothing a person watches for changed. `old` is nil for the first reading of a
    /// session, which is news only when its tests differ from the last run in history.
    public init?(from old: SuiteResult?, to new: SuiteResult, tests: SuiteRunDelta? = nil) {
        if let old {
            switch (old.error, new.error) {
            case (let before, let error?) where before != error:
                kind = .unreadable(error)
            case (_?, nil):
                kind = .readable(passing: new.passingModules, total: new.modules.count)
            case (nil, nil) where old.passingModules != new.passingModules || old.modules.count != new.modules.count:
                kind = .modules(from: old.passingModules, to: new.passingModules, total: new.modules.count)
            case (nil, nil) where tests != nil:
                kind = .tests
            default:
                return nil
            }
        } else {
            guard new.error == nil, tests != nil else { return nil }
            kind = .tests
        }
        suite = new.name
        at = new.readAt
        status = new.status
        self.tests = new.error == nil ? tests : nil
    }

    /// The text after the suite's name.
    public var summary: String {
        let base: String
        switch kind {
        case .modules(let from, let to, let total): base = "\(from)/\(total) -> \(to)/\(total) modules passing"
        case .unreadable(let error): return "unreadable: \(error)"
        case .readable(let passing, let total): base = "readable again, \(passing)/\(total) modules passing"
        case .tests: return tests?.summary ?? ""
        }
        return tests.map { base + "; " + $0.summary } ?? base
    }

    /// `suite e2e 7/10 -> 6/10 modules passing`; an error reads `suite e2e: unreadable: ...`,
    /// changed tests `suite e2e: 2 newly failing (test_3_agent_pipeline), 1 fixed`.
    public var text: String {
        switch kind {
        case .unreadable, .tests: "suite \(suite): \(summary)"
        default: "suite \(suite) \(summary)"
        }
    }
}
