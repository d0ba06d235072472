import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster of one test's own (trust auth, its own port), so the test can stop
/// it without touching the shared CI server. As root, initdb and postgres run as `postgres` through
/// setpriv, which execs in place: the process the test stops is the postmaster itself.
enum PrivatePostgres {
    /// Debian's newest server binaries, or nil when PostgreSQL is not installed.
    static var binaries: URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return versions.compactMap(Int.init).max().map { root.appending(path: "\($0)/bin") }
    }

    static func start(port: Int) async throws -> (server: ServerProcess, directory: URL) {
        guard let bin = binaries else { throw ServerProcess.StartError(description: "PostgreSQL is not installed") }
        let dir = URL(fileURLWithPath: "/tmp/sonde-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let asRoot = getuid() == 0
        if asRoot, chown(dir.path, postgresUser.uid, postgresUser.gid) != 0 {
            throw ServerProcess.StartError(description: "cannot hand \(dir.path) to the postgres user")
        }
        let data = dir.appending(path: "data").path
        let (initdb, initArguments) = command(bin.appending(path: "initdb").path, ["-D", data, "-U", "sonde", "--auth=trust"], asRoot: asRoot)
        try await Executable.run(initdb, initArguments)
        let (postgres, arguments) = command(bin.appending(path: "postgres").path, [
            "-D", data, "-p", "\(port)", "-k", dir.path, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
        ], asRoot: asRoot)
        let server = try await ServerProcess.start(executable: postgres, arguments: arguments, readyLine: "ready to accept connections")
        return (server, dir)
    }

    private static func command(_ path: String, _ arguments: [String], asRoot: Bool) -> (String, [String]) {
        guard asRoot else { return (path, arguments) }
        let user = postgresUser
        return ("/usr/bin/setpriv", ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "--", path] + arguments)
    }

    private static var postgresUser: (uid: uid_t, gid: gid_t) {
        guard let entry = getpwnam("postgres") else { return (0, 0) }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }
}
