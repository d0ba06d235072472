import SondeCore

extension LogEntry {
    /// What Enter on this row opens, when it is not a target's detail: the deploy view, the
    /// journey, or the suite.
    var screen: Screen? {
        switch self {
        case .deploy: .deploys
        case .journey(let change): .journey(name: change.journey)
        case .suite(let change): .suite(name: change.suite, module: nil)
        case .change, .flapping, .alert, .channel: nil
        }
    }
}
