/// The one instant query a fleet dashboard asks each round: every series Sonde agents export per
/// target (blackbox's names and Sonde's), optionally only from some locations. One query, so a
/// round is one request and every figure in it describes the same evaluation time.
public enum FleetQuery {
    static let families = [
        "probe_success", "probe_duration_seconds", "probe_http_status_code", "sonde_status",
        "sonde_last_probe_timestamp_seconds",
    ]

    /// Phase families (`probe_http_duration_seconds{phase}`, `sonde_websocket_duration_seconds{phase}`, ...)
    /// are matched by their shape, so a kind added later is read without a change here.
    public static func promQL(locations: [String]) -> String {
        var matchers = [#"__name__=~"\#(families.joined(separator: "|"))|.+_duration_seconds""#, #"target!="""#]
        // Location names are letters, digits, '-', '_' and '.' (LocationName): only '.' needs escaping.
        if !locations.isEmpty {
            let alternatives = locations.map { $0.replacingOccurrences(of: ".", with: #"\\."#) }.joined(separator: "|")
            matchers.append(#"location=~"\#(alternatives)""#)
        }
        return "{" + matchers.joined(separator: ",") + "}"
    }
}
