import Foundation
import SondeCore

/// `/probe?target=NAME`, blackbox_exporter's multi-target pattern: probe one configured target
/// now and answer with that probe's blackbox-shaped families. The result is the scraper's, not
/// the session's: the scheduled engine keeps its own rhythm and the store never sees it.
public struct ProbeOnDemand: Sendable {
    private let targets: [String: Target]
    private let order: [String]
    private let factory: ProbeFactory

    public init(config: SondeConfig, factory: @escaping ProbeFactory) {
        targets = Dictionary(config.targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        order = config.targets.map(\.name)
        self.factory = factory
    }

    /// Why a request names no target this Sonde can probe; one line, as blackbox answers.
    public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Prometheus sends its scrape timeout; the probe gets a little less than that (as blackbox
    /// does) so the answer arrives in time, and never more than the target's own timeout.
    static let scrapeMargin: Duration = .milliseconds(500)

    public func run(target name: String?, scrapeTimeout: Duration?, redactor: Redactor) async -> Result<ProbeResult, RequestError> {
        guard let name, !name.isEmpty else {
            return .failure(RequestError(description: "target parameter is missing: ask /probe?target=NAME with the name of a target in the config"))
        }
        guard var target = targets[name] else {
            let known = order.prefix(5).map(redactor.redact).joined(separator: ", ") + (order.count > 5 ? ", …" : "")
            return .failure(RequestError(description: "unknown target '\(redactor.redact(name))': this Sonde probes \(known)"))
        }
        if let scrapeTimeout, scrapeTimeout > Self.scrapeMargin {
            target.timeout = min(target.timeout, scrapeTimeout - Self.scrapeMargin)
        }
        return .success(await Engine.probeOnce(target, probe: factory(target), sequence: 1))
    }

    /// The page for one probe: blackbox's families with no labels of their own (Prometheus adds
    /// `instance` from the relabelled target, as it does for blackbox).
    public static func page(_ result: ProbeResult, format: ExpositionFormat) -> [UInt8] {
        var page = ExpositionWriter(format: format, reservingCapacity: 1024)
        ResultFamilies.write([ResultFamilies.Row(labels: .empty, result: result)], into: &page)
        page.finish()
        return page.bytes
    }
}
