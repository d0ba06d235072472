import SondeCore

/// Reads ClickHouse's error body ("Code: 193, e.displayText() = DB::Exception: Wrong password for
/// user sonde ...") into a reason. The code number is ClickHouse's own and stable across versions.
enum ClickHouseErrorReply {
    /// Authentication codes: 192 unknown user, 193 wrong password, 194 password required,
    /// 195 IP not allowed, 516 authentication failed (newer servers say this for all of them).
    private static let authCodes: Set<Int> = [192, 193, 194, 195, 516]

    static func reason(status: Int, body: String, user: String, during step: String) -> FailureReason {
        let code = errorCode(in: body)
        let detail = exceptionText(in: body).excerpt(140)
        if let code, authCodes.contains(code) {
            return FailureReason(.auth, "ClickHouse rejected user \(user) (Code \(code)): \(detail)")
        }
        if code == nil, status == 401 || status == 403 {
            return FailureReason(.auth, "ClickHouse rejected user \(user) (HTTP \(status))")
        }
        let codeText = code.map { ", Code \($0)" } ?? ""
        return FailureReason(.httpStatus, "ClickHouse answered \(step) with HTTP \(status)\(codeText): \(detail)")
    }

    static func errorCode(in body: String) -> Int? {
        guard let range = body.range(of: "Code: ") else { return nil }
        return Int(body[range.upperBound...].prefix { $0.isNumber })
    }

    /// The human part of the message, without the C++ exception plumbing around it.
    private static func exceptionText(in body: String) -> String {
        var text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if let range = text.range(of: "DB::Exception: ") { text = String(text[range.upperBound...]) }
        if let range = text.range(of: ", e.what()") { text = String(text[..<range.lowerBound]) }
        if let range = text.range(of: " (version ") { text = String(text[..<range.lowerBound]) }
        return text.isEmpty ? "(empty body)" : text
    }
}
