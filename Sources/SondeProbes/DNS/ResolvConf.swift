import Foundation

/// The system resolver's address, as /etc/resolv.conf names it (its first `nameserver`), for
/// `dns:` targets without `server:`. Read on every probe: it is small and may change under us.
enum ResolvConf {
    static let path = "/etc/resolv.conf"

    static func firstNameserver(in text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count >= 2, words[0] == "nameserver" {
                // A scoped IPv6 address (fe80::1%eth0) keeps its scope out of the literal.
                return String(words[1].split(separator: "%").first ?? words[1])
            }
        }
        return nil
    }

    static func systemNameserver() -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return firstNameserver(in: text)
    }
}
