/// Expands `${VAR}` and `${VAR:-default}` as a POSIX shell does: `${VAR}` with VAR set to ""
/// is empty, `${VAR:-default}` takes the default when VAR is unset or empty. `$$` is a literal `$`.
struct EnvironmentSubstitution {
    /// A run of the expanded text: as written, or put in for a `${...}` (so URLs can encode it).
    enum Piece: Equatable {
        case literal(String)
        case value(String, fromEnvironment: Bool)
    }

    struct Expanded {
        var text: String
        /// The values that came from the environment (not defaults), to be treated as secrets.
        var environmentValues: [String]
        var usedVariables: Bool
        var pieces: [Piece]
    }

    enum Failure: Error {
        case unset(String)
        case malformed(String)
    }

    let environment: [String: String]

    func expand(_ text: String) throws(Failure) -> Expanded {
        guard text.contains("$") else { return Expanded(text: text, environmentValues: [], usedVariables: false, pieces: [.literal(text)]) }
        var out = ""
        var pieces: [Piece] = []
        var values: [String] = []
        var used = false
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "$", next < text.endIndex, text[next] == "$" {
                out.append("$")
                pieces.appendLiteral("$")
                i = text.index(after: next)
                continue
            }
            guard c == "$", next < text.endIndex, text[next] == "{" else {
                out.append(c)
                pieces.appendLiteral(String(c))
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
            if let value = environment[name], !(value.isEmpty && fallback != nil) {
                out += value
                pieces.append(.value(value, fromEnvironment: true))
                if !value.isEmpty { values.append(value) }
            } else if let fallback {
                out += fallback
                pieces.append(.value(fallback, fromEnvironment: false))
            } else if name.hasPrefix("steps.") {
                // Journey captures are filled in at run time, not from the environment.
                out += "${\(inner)}"
                pieces.appendLiteral("${\(inner)}")
            } else {
                throw .unset(name)
            }
            i = text.index(after: close)
        }
        return Expanded(text: out, environmentValues: values, usedVariables: used, pieces: pieces)
    }
}

private extension [EnvironmentSubstitution.Piece] {
    mutating func appendLiteral(_ text: String) {
        if case .literal(let previous)? = last {
            self[count - 1] = .literal(previous + text)
        } else {
            append(.literal(text))
        }
    }
}
