import SondeCore

/// The probe for each target kind. Each kind lives in its own folder.
public enum ProbeFactory {
    public static let make: SondeCore.ProbeFactory = { target in
        switch target.probe {
        case .http: HTTPProbe(sharing: target.probe, timeout: target.timeout)
        case .websocket(let spec): WebSocketProbe(spec: spec)
        case .postgres(let spec): PostgresProbe(spec: spec)
        case .redis(let spec): RedisProbe(spec: spec)
        case .clickhouse(let spec): ClickHouseProbe(spec: spec)
        case .tcp(let spec): TCPProbe(spec: spec)
        case .dns(let spec): DNSProbe(spec: spec)
        case .icmp(let spec): ICMPProbe(spec: spec)
        case .exec(let spec): ExecProbe(spec: spec)
        case .prometheus(let spec): PrometheusProbe(spec: spec)
        case .grpc(let spec): GRPCProbe(spec: spec)
        }
    }
}
