import Foundation

/// Where history lives: beside the config by default, so each environment keeps its own.
public enum HistoryLocation {
    public static let defaultFileName = ".sonde-history.sqlite"

    /// `explicit` (from `--history`) wins; `disabled` (`--no-history`) turns history off (nil).
    /// Otherwise the file sits in the config's folder; a config without a file (the demo) gets none.
    public static func resolve(explicit: String?, disabled: Bool, configPath: String?) -> String? {
        if disabled { return nil }
        if let explicit, !explicit.isEmpty { return explicit }
        guard let configPath else { return nil }
        let folder = URL(fileURLWithPath: configPath).deletingLastPathComponent()
        return folder.appendingPathComponent(defaultFileName).path
    }
}
