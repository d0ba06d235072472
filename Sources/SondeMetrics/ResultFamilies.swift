import Foundation
import SondeCore

/// The blackbox_exporter-shaped families of a probe's latest result: what `/metrics` shows per
/// target and `/probe` shows for the one probe it ran. One writer for both, so the two agree.
enum ResultFamilies {
    struct Row {
        var labels: LabelSet
        var result: ProbeResult
    }

    static func write(_ rows: [Row], into page: inout ExpositionWriter) {
        page.family("probe_success", .gauge, help: "Whether the probe succeeded (1: up or slow, 0: down).")
        for row in rows { page.sample("probe_success", row.labels, [], row.result.status == .down ? 0 : 1) }

        page.family("probe_duration_seconds", .gauge, help: "How long the probe took (the latency Sonde judges the target by).")
        for row in rows {
            if let seconds = duration(of: row.result) { page.sample("probe_duration_seconds", row.labels, [], seconds) }
        }

        let http = rows.filter { $0.result.kind == .http }
        if !http.isEmpty {
            page.family("probe_http_status_code", .gauge, help: "Response HTTP status code (0 when none came).")
            for row in http { page.sample("probe_http_status_code", row.labels, [], Double(row.result.outcome.statusCode ?? 0)) }
        }

        let certificates = rows.compactMap { row in row.result.outcome.certificate.map(\.notAfter).map { (row.labels, $0) } }
        if !certificates.isEmpty {
            page.family("probe_ssl_earliest_cert_expiry", .gauge, help: "Expiry of the peer's certificate, in Unix seconds.")
            for (labels, date) in certificates { page.sample("probe_ssl_earliest_cert_expiry", labels, [], date.timeIntervalSince1970.rounded()) }
        }

        let lookups = rows.compactMap { row in row.result.outcome.phase(PhaseTiming.dns).map { (row.labels, $0) } }
        if !lookups.isEmpty {
            page.family("probe_dns_lookup_time_seconds", .gauge, help: "How long the DNS lookup took.")
            for (labels, duration) in lookups { page.sample("probe_dns_lookup_time_seconds", labels, [], duration.seconds) }
        }

        for family in PhaseFamily.all {
            let members = rows.filter { PhaseFamily.of($0.result.kind) == family && !$0.result.outcome.phases.isEmpty }
            guard !members.isEmpty else { continue }
            page.family(family.name, .gauge, help: family.help)
            for row in members {
                var seen = Set<String>()
                // A phase named twice (one per redirect hop) would be a duplicate series: the first counts.
                for phase in row.result.outcome.phases {
                    guard let exported = family.exportedName(phase.name), seen.insert(exported).inserted else { continue }
                    page.sample(family.name, row.labels, [("phase", exported)], phase.duration.seconds)
                }
            }
        }
    }

    /// The latency, or for a probe that failed before it had one, the time it spent.
    static func duration(of result: ProbeResult) -> Double? {
        if let latency = result.latency { return latency.seconds }
        if let total = result.outcome.phase(PhaseTiming.total) { return total.seconds }
        let spent = result.outcome.phases.reduce(Duration.zero) { $0 + $1.duration }
        return result.outcome.phases.isEmpty ? nil : spent.seconds
    }
}
