import ArgumentParser
import Foundation
import SondeCore
import SondeProbes

/// `watch --prometheus URL [--location eu,us]`: the dashboard of many agents, read from Prometheus.
struct FleetOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Draw the dashboard from the probe_*/sonde_* series Sonde agents export into this Prometheus (http://host:9090), instead of probing a config.",
        valueName: "url")) var prometheus: String?
    @Option(help: ArgumentHelp("With --prometheus: only these locations, as columns in this order (eu-west,us-east).", valueName: "list"))
    var location: String?

    var isRequested: Bool { prometheus != nil }

    func validate() throws {
        if location != nil, prometheus == nil { throw ValidationError("--location chooses columns of --prometheus; give --prometheus URL too") }
        _ = try reader()
    }

    /// The reader the options describe, or why they describe none.
    func reader() throws -> FleetReader? {
        guard let prometheus else { return nil }
        guard let url = URL(string: prometheus), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
              let host = url.host(percentEncoded: false), !host.isEmpty
        else { throw ValidationError("--prometheus '\(prometheus)' is not an http(s) URL; write it like http://127.0.0.1:9090") }
        let locations = (location ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let bad = locations.first(where: { !LocationName.isValid($0) }) {
            throw ValidationError("--location '\(bad)' is not a location name: letters, digits, '-', '_' or '.', as the agents' location: keys")
        }
        if let location, locations.isEmpty { throw ValidationError("--location '\(location)' names no location; write eu-west,us-east") }
        return FleetReader(url: url, locations: locations)
    }
}
