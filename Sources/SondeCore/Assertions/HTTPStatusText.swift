/// Reads an HTTP status as an incident report writes it: `503`, `HTTP 503`,
/// `503 Service Unavailable` or just `Service Unavailable` (the standard reason phrases).
public enum HTTPStatusText {
    static let reasonPhrases: [Int: String] = [
        200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
        301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified", 307: "Temporary Redirect",
        308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout",
        409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed", 413: "Payload Too Large",
        414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable", 417: "Expectation Failed",
        418: "I'm a teapot", 421: "Misdirected Request", 422: "Unprocessable Entity", 423: "Locked", 424: "Failed Dependency",
        425: "Too Early", 426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates",
        507: "Insufficient Storage", 508: "Loop Detected", 510: "Not Extended", 511: "Network Authentication Required",
    ]

    /// The standard phrase of a status, or "" for one without.
    static func phrase(_ code: Int) -> String {
        reasonPhrases[code] ?? ""
    }

    /// The status `text` names, or nil when it is something else (a reason substring).
    public static func status(in text: String) -> Int? {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.first?.uppercased() == "HTTP" { words.removeFirst() }
        guard let first = words.first else { return nil }
        if let code = Int(first), (100...599).contains(code) {
            // A code may be followed by its phrase; a code with another phrase is not a status.
            let rest = words.dropFirst().joined(separator: " ")
            return rest.isEmpty || reasonPhrases[code]?.lowercased() == rest.lowercased() ? code : nil
        }
        let phrase = words.joined(separator: " ").lowercased()
        return reasonPhrases.first { $0.value.lowercased() == phrase }?.key
    }
}
