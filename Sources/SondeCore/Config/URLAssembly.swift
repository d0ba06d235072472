import Foundation

/// Puts a URL back together from its expanded pieces. A value put in for `${...}` is data, not
/// URL syntax: inside the userinfo it is percent-encoded, so `@ / # :` in a password stay in the
/// password. Every value from the environment is a secret, except one that stands in the host or
/// port (a masked host would hide where the probe goes, and a masked port number would mask
/// those digits in every output).
struct URLAssembly {
    private(set) var text = ""
    private(set) var secrets: [String] = []

    private enum Element {
        case char(Character)
        case value(String, fromEnvironment: Bool)

        func isChar(_ set: String) -> Bool {
            if case .char(let c) = self { return set.contains(c) }
            return false
        }
    }

    /// Unreserved characters (RFC 3986), ASCII only: everything else in a userinfo value is encoded.
    static let userinfoAllowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    init(_ pieces: [EnvironmentSubstitution.Piece]) {
        let elements: [Element] = pieces.flatMap { piece -> [Element] in
            switch piece {
            case .literal(let s): s.map { .char($0) }
            case .value(let v, let fromEnvironment): [.value(v, fromEnvironment: fromEnvironment)]
            }
        }
        let authority = Self.authority(in: elements)
        // `${CREDENTIALS}@host` with "user:password" in it: with no ':' written, the value's first
        // ':' is the separator; with one written, every ':' in a value is data.
        var separatorNeeded = authority.map { userinfo in !elements[userinfo.userinfo].contains { $0.isChar(":") } } ?? false
        for (index, element) in elements.enumerated() {
            switch element {
            case .char(let c):
                text.append(c)
            case .value(let value, let fromEnvironment):
                let inUserinfo = authority?.userinfo.contains(index) ?? false
                let inHostPort = authority?.hostPort.contains(index) ?? false
                if inUserinfo, separatorNeeded, let colon = value.firstIndex(of: ":") {
                    text += Self.encodedForUserinfo(String(value[..<colon])) + ":" + Self.encodedForUserinfo(String(value[value.index(after: colon)...]))
                    separatorNeeded = false
                } else {
                    text += inUserinfo ? Self.encodedForUserinfo(value) : value
                }
                if fromEnvironment, !value.isEmpty, !inHostPort { secrets += Self.forms(of: value) }
            }
        }
    }

    /// Where the userinfo and host:port lie, judged from the characters written in the config only.
    private static func authority(in elements: [Element]) -> (userinfo: Range<Int>, hostPort: Range<Int>)? {
        guard let schemeEnd = elements.indices.first(where: { i in
            i + 2 < elements.count && elements[i].isChar(":") && elements[i + 1].isChar("/") && elements[i + 2].isChar("/")
        }).map({ $0 + 3 }) else { return nil }
        let end = elements[schemeEnd...].firstIndex { $0.isChar("/?#") } ?? elements.count
        let at = elements[schemeEnd..<end].lastIndex { $0.isChar("@") }
        return (schemeEnd..<(at ?? schemeEnd), ((at.map { $0 + 1 }) ?? schemeEnd)..<end)
    }

    static func encodedForUserinfo(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: userinfoAllowed) ?? value
    }

    /// The value as it may appear in any URL text: raw, and as Foundation or this type encode it.
    private static func forms(of value: String) -> [String] {
        [value, encodedForUserinfo(value)]
            + [CharacterSet.urlQueryAllowed, .urlPathAllowed, .urlPasswordAllowed, .urlFragmentAllowed]
            .compactMap { value.addingPercentEncoding(withAllowedCharacters: $0) }
    }

    /// `text` with whatever stands between `scheme://user:` and `@` masked, for messages about a
    /// URL that did not parse (its password may have been written in the file).
    static func maskingPassword(in text: String) -> String {
        guard let schemeEnd = text.range(of: "://")?.upperBound else { return text }
        let rest = text[schemeEnd...]
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? text.endIndex
        guard let at = text[schemeEnd..<authorityEnd].lastIndex(of: "@"),
              let colon = text[schemeEnd..<at].firstIndex(of: ":") else { return text }
        return text.replacingCharacters(in: text.index(after: colon)..<at, with: Redactor.mask)
    }
}
