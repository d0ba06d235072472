import Foundation

/// Reads an `exec:` target: the plugin and its arguments as a list (no shell, so nothing needs quoting).
enum ExecReader {
    static let keys: [String] = []
    static let expectKeys = ["latency"]

    static func read(endpoint: ConfigNode, map: ConfigMapping, expect: ConfigMapping?) throws(ConfigError) -> ExecSpec {
        guard endpoint.isList else {
            throw endpoint.error("write the command as a list: [\"/usr/lib/nagios/plugins/check_tcp\", \"-H\", \"127.0.0.1\", \"-p\", \"5432\"]")
        }
        // Arguments may carry passwords (check_pgsql -p ${PGPASSWORD}): values from the environment are secrets.
        let arguments = try endpoint.list().map { item throws(ConfigError) in try item.string(secret: true) }
        guard let program = arguments.first, !program.isEmpty else { throw endpoint.error("the list needs the program first") }
        if program.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: program) else {
                throw endpoint.error("'\(program)' is not an executable file (on Debian, check_* plugins come from monitoring-plugins-basic)")
            }
        }
        return ExecSpec(arguments: arguments)
    }
}
