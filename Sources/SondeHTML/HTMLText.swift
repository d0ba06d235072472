import Foundation

/// Text placed into HTML or SVG: whatever a service sent back cannot become markup.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The Markdown report's ✅ ❌ ⚠️ as coloured ✔ ✖ ⚠: emoji need a colour-emoji font, which a
    /// bastion's or a CI runner's browser often lacks (a screenshot of the page showed empty boxes),
    /// while these three are in every common text font. Shape tells them apart without colour.
    static func marks(_ html: String) -> String {
        guard html.unicodeScalars.contains(where: { $0.value == 0x2705 || $0.value == 0x274C || $0.value == 0x26A0 }) else { return html }
        return html
            .replacingOccurrences(of: "\u{2705}", with: #"<span class="mark up" title="passing">\#u{2714}</span>"#)
            .replacingOccurrences(of: "\u{274C}", with: #"<span class="mark down" title="failing">\#u{2716}</span>"#)
            .replacingOccurrences(of: "\u{26A0}\u{FE0F}", with: #"<span class="mark slow" title="warning">\#u{26A0}\#u{FE0E}</span>"#)
    }

    /// A number for an SVG attribute: one decimal, no locale, no exponent.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths)) % 10
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
