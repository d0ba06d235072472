import Foundation

/// `sonde agent`s in named locations on 127.0.0.1, each probing `web` (`/ok`) and `api` (a path
/// of its own, so `api` can fail in one location only) on one upstream, every 500 ms.
struct LocationAgents {
    struct Agent {
        let process: LongRunningProcess
        let port: Int
    }

    let byLocation: [String: Agent]

    static func start(in directory: URL, upstream base: String, apiPaths: [(location: String, path: String)]) async throws -> LocationAgents {
        var agents: [String: Agent] = [:]
        for (location, apiPath) in apiPaths {
            let config = directory.appendingPathComponent("\(location).yml")
            try """
                environment: staging
                location: \(location)
                interval: 500ms
                targets:
                  - name: web
                    http: \(base)/ok
                  - name: api
                    http: \(base)\(apiPath)
                """.write(to: config, atomically: true, encoding: .utf8)
            let process = try LongRunningProcess(executable: try SondeProcess.binary, arguments: ["agent", config.path, "--metrics", "127.0.0.1:0", "--no-history"])
            agents[location] = Agent(process: process, port: try AgentAddress.port(in: try await process.waitFor("/metrics")))
        }
        return LocationAgents(byLocation: agents)
    }

    /// `"127.0.0.1:P1", "127.0.0.1:P2"` for a scrape config's targets.
    var scrapeTargets: String { byLocation.values.map { "\"127.0.0.1:\($0.port)\"" }.sorted().joined(separator: ", ") }

    /// Stops each agent; their exit statuses (0 for a clean SIGTERM exit).
    func stop() async -> [Int32] {
        var statuses: [Int32] = []
        for agent in byLocation.values { statuses.append(await agent.process.stop()) }
        return statuses
    }
}
