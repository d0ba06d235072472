import Foundation

/// Finds themes by name or path: a file path, then ~/.config/sonde/themes/NAME.yml, then the
/// themes compiled into Sonde.
public struct ThemeCatalog: Sendable {
    public var userDirectory: String?

    public init(userDirectory: String? = ThemeCatalog.defaultUserDirectory) {
        self.userDirectory = userDirectory
    }

    public static var defaultUserDirectory: String? {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/sonde/themes" }
        return env["HOME"].map { $0 + "/.config/sonde/themes" }
    }

    public static let builtinNames = BuiltinThemes.names

    /// The theme `nameOrPath` names, with missing colours taken from the default theme.
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yml") || nameOrPath.hasSuffix(".yaml")
        if isPath {
            guard let text = try? String(contentsOfFile: nameOrPath, encoding: .utf8) else {
                throw .unreadable(nameOrPath, "no such file, or not UTF-8 text")
            }
            return try Theme.parse(text, source: nameOrPath).overDefault()
        }
        if let dir = userDirectory {
            for ext in ["yml", "yaml"] {
                let path = "\(dir)/\(nameOrPath).\(ext)"
                if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                    return try Theme.parse(text, source: path).overDefault()
                }
            }
        }
        guard let text = BuiltinThemes.text(nameOrPath) else {
            throw .notFound(nameOrPath, available: BuiltinThemes.names)
        }
        return try Theme.parse(text, source: nameOrPath).overDefault()
    }

    /// The themes `t` cycles through: the chosen one first, then the built-in ones.
    public func cycle(startingWith first: Theme) -> [Theme] {
        [first] + BuiltinThemes.names.filter { $0 != first.name }.compactMap { try? load($0) }
    }
}
