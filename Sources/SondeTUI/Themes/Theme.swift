import Foundation
import Yams

/// Named colours for the dashboard's roles, read from a small YAML file. A role the file leaves
/// out takes the default theme's colour.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var colors: [ColorRole: ThemeColor]

    public init(name: String, colors: [ColorRole: ThemeColor]) {
        self.name = name
        self.colors = colors
    }

    public func color(_ role: ColorRole) -> ThemeColor { colors[role] ?? .terminalDefault }

    /// The theme's colours over the default theme's, so every role has one.
    func overDefault() -> Theme {
        guard let standard = try? Self.parse(BuiltinThemes.standard, source: "default") else { return self }
        return Theme(name: name, colors: standard.colors.merging(colors) { _, mine in mine })
    }

    /// Reads a theme file's text; unknown keys and colours are errors that say where.
    public static func parse(_ text: String, source: String) throws(ThemeError) -> Theme {
        let root: Any?
        do { root = try Yams.load(yaml: text) } catch { throw .unreadable(source, "\(error)") }
        guard let map = root as? [String: Any] else { throw .unreadable(source, "expected `name:` and `colors:` keys") }
        let name = (map["name"] as? String) ?? (source as NSString).lastPathComponent
        guard let rawColors = map["colors"] as? [String: Any] else { throw .unreadable(source, "no `colors:` mapping") }
        var colors: [ColorRole: ThemeColor] = [:]
        for (key, value) in rawColors {
            guard let role = ColorRole(rawValue: key) else {
                throw .unknownRole(source, key, ColorRole.allCases.map(\.rawValue))
            }
            let raw = "\(value)"
            guard let color = ThemeColor(parsing: raw) else { throw .badColor(source, key, raw) }
            colors[role] = color
        }
        return Theme(name: name, colors: colors)
    }
}

public enum ThemeError: Error, Equatable, CustomStringConvertible {
    case notFound(String, available: [String])
    case unreadable(String, String)
    case unknownRole(String, String, [String])
    case badColor(String, String, String)

    public var description: String {
        switch self {
        case let .notFound(name, available):
            "no theme '\(name)': use one of \(available.joined(separator: ", ")) or the path of a theme file"
        case let .unreadable(source, why):
            "theme \(source) cannot be read: \(why)"
        case let .unknownRole(source, key, roles):
            "theme \(source): unknown colour '\(key)'; the names are \(roles.joined(separator: ", "))"
        case let .badColor(source, key, value):
            "theme \(source): '\(key): \(value)' is not a colour; use default, a name like red or bright-red, 0-255, or #rrggbb"
        }
    }
}
