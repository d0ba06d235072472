import Foundation
import SondeCore

/// What reading the config again came to.
public enum ConfigReload: Sendable {
    /// The file is sound: this is the config from now on.
    case applied(SondeConfig)
    /// The file has problems (file:line each); the config in use stays until they are fixed.
    case refused([ConfigError])

    /// One line for a log: what was applied, or how many problems keep the old config.
    public func summary(_ changes: JobChanges?) -> String {
        switch self {
        case .applied:
            guard let changes, !changes.isEmpty else { return "config read again: nothing to change" }
            var parts: [String] = []
            if !changes.started.isEmpty { parts.append("added " + changes.started.joined(separator: ", ")) }
            if !changes.restarted.isEmpty { parts.append("changed " + changes.restarted.joined(separator: ", ")) }
            if !changes.stopped.isEmpty { parts.append("removed " + changes.stopped.joined(separator: ", ")) }
            return "config reloaded: " + parts.joined(separator: "; ")
        case .refused(let problems):
            let n = problems.count
            return "config not applied (\(n) problem\(n == 1 ? "" : "s")); the previous one stays in use until the file is fixed"
        }
    }
}
