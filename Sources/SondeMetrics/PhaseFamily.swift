import SondeCore

/// Which metric family a kind's phases are exported in, and under which phase names. HTTP uses
/// blackbox_exporter's family and names (`resolve`, `processing`), so its dashboards work; the
/// kinds blackbox has no word for get `sonde_*` families with Sonde's own phase names. One
/// exhaustive switch: a new kind makes the compiler ask where its phases go.
public struct PhaseFamily: Sendable, Hashable {
    public let name: String
    public let help: String
    /// Sonde's phase name to the exported one; phases not listed keep their name.
    let renamed: [String: String]
    /// Phases not exported here (the total is `probe_duration_seconds`).
    let skipped: Set<String>

    public static let http = PhaseFamily(
        name: "probe_http_duration_seconds", help: "Duration of each phase of the HTTP exchange, as blackbox_exporter names them.",
        renamed: [PhaseTiming.dns: "resolve", PhaseTiming.firstByte: "processing"], skipped: [PhaseTiming.total]
    )
    public static let websocket = PhaseFamily(
        name: "sonde_websocket_duration_seconds", help: "Duration of each phase of a WebSocket probe (connect, handshake, round_trip).",
        renamed: [:], skipped: [PhaseTiming.total]
    )
    public static let database = PhaseFamily(
        name: "sonde_database_duration_seconds", help: "Duration of each phase of a database probe (connect, tls, auth, query, ping).",
        renamed: [:], skipped: [PhaseTiming.total]
    )
    public static let tcp = PhaseFamily(
        name: "sonde_tcp_duration_seconds", help: "Duration of each phase of a TCP probe (dns, connect).",
        renamed: [:], skipped: [PhaseTiming.total]
    )

    public static let prometheus = PhaseFamily(
        name: "sonde_prometheus_duration_seconds", help: "Duration of each phase of a Prometheus query target (connect, tls, query).",
        renamed: [:], skipped: [PhaseTiming.total]
    )

    /// blackbox_exporter's grpc prober family; its `resolve` for the lookup, Sonde's other phases.
    public static let grpc = PhaseFamily(
        name: "probe_grpc_duration_seconds", help: "Duration of each phase of a gRPC health check (resolve, connect, tls, http2_settings, response).",
        renamed: [PhaseTiming.dns: "resolve"], skipped: [PhaseTiming.total]
    )

    public static let other = PhaseFamily(
        name: "sonde_phase_duration_seconds", help: "Duration of each phase of a dns, icmp or exec probe.",
        renamed: [:], skipped: [PhaseTiming.total]
    )

    public static func of(_ kind: TargetKind) -> PhaseFamily {
        switch kind {
        case .http: .http
        case .websocket: .websocket
        case .postgres, .redis, .clickhouse: .database
        case .tcp: .tcp
        case .prometheus: .prometheus
        case .dns, .icmp, .exec: .other
        case .grpc: .grpc
        }
    }

    /// Every family, in page order: the order kinds are declared in, each family once. Read from
    /// `of`, so a family a new kind brings is on the page without a second list to keep.
    public static let all: [PhaseFamily] = TargetKind.allCases.map(of).reduce(into: []) { families, family in
        if !families.contains(family) { families.append(family) }
    }

    func exportedName(_ phase: String) -> String? {
        skipped.contains(phase) ? nil : renamed[phase] ?? phase
    }
}
