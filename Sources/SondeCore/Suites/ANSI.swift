/// Terminal colour and cursor escapes in test output. Node writes them raw (ESC bytes inside the
/// XML); pytest writes the ESC as the text `#x1B`, since XML 1.0 cannot carry it. Either way one
/// cause coloured and uncoloured must group as one.
enum ANSI {
    private static let pattern = #"(\x{1B}|#x1[Bb])\[[0-9;?]*[ -/]*[@-~]"#

    static func strip(_ text: String) -> String {
        guard text.contains("\u{1B}") || text.contains("#x1") else { return text }
        return text.replacingOccurrences(of: pattern, with: "", options: .regularExpression).replacingOccurrences(of: "\u{1B}", with: "")
    }
}
