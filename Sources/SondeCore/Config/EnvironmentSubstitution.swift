/// Expands `${VAR}` and `${VAR:-default}`; `$$` is a literal dollar sign.
struct EnvironmentSubstitution {
    struct Expanded {
        var text: String
        /// The values that came from the environment (not defaults), to be treated as secrets.
        var environmentValues: [String]
        var usedVariables: Bool
    }

    enum Failure: Error {
        case unset(String)
        case malformed(String)
    }

    let environment: [String: String]

    func expand(_ text: String) throws(Failure) -> Expanded {
        guard text.contains("$") else { return Expanded(text: text, environmentValues: [], usedVariables: false) }
        var out = ""
        var values: [String] = []
        var used = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "$", next < text.endIndex, text[next] == "$" {
                out.append("$")
                i = text.index(after: next)
                continue
            }
            guard c == "$", next < text.endIndex, text[next] == "{" else {
                out.append(c)
                i = next
                continue
            }
            guard let close = text[next...].firstIndex(of: "}") else {
                throw .malformed("'${' without a closing '}' in \"\(text)\"")
            }
            let inner = String(text[text.index(after: next)..<close])
            used = true
            let name: String
            let fallback: String?
            if let sep = inner.range(of: ":-") {
                name = String(inner[..<sep.lowerBound])
                fallback = String(inner[sep.upperBound...])
            } else {
                name = inner
                fallback = nil
            }
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                throw .malformed("'${\(inner)}' is not a variable name")
            }
            if let value = environment[name], !value.isEmpty {
                out += value
                values.append(value)
            } else if let fallback {
                out += fallback
            } else if name.hasPrefix("steps.") {
                // Journey captures are filled in at run time, not from the environment.
                out += "${\(inner)}"
            } else {
                throw .unset(name)
            }
            i = text.index(after: close)
        }
        return Expanded(text: out, environmentValues: values, usedVariables: used)
    }
}
