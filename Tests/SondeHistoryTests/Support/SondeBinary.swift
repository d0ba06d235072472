import Foundation
import Testing

/// The built `sonde` executable, run as a pipeline or a person would run it.
enum SondeBinary {
    struct Finished: Sendable {
        var status: Int32
        var output: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Beside the test bundle (`swift test` builds it there), else in the package's .build/debug.
    static func path() throws -> String {
        var candidates: [URL] = []
        if let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("sonde"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/sonde"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Missing(description: "no sonde binary at \(candidates.map(\.path)); run `swift build` first")
        }
        return found.path
    }

    /// Starts `sonde ARGS` in `folder` with its output going to a file there.
    static func start(_ arguments: [String], in folder: URL) throws -> (process: Process, log: URL) {
        let log = folder.appendingPathComponent("sonde-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, log)
    }

    /// Runs to the end without blocking a cooperative thread (the test's server needs them).
    static func run(_ arguments: [String], in folder: URL) async throws -> Finished {
        let (process, log) = try start(arguments, in: folder)
        await waitForExit(process)
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Finished(status: process.terminationStatus, output: output)
    }

    static func waitForExit(_ process: Process) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }
}

/// A fresh folder for one test's config and history file.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sonde-history-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A config with one HTTP target named `api` watching `$.version`.
func writeConfig(in folder: URL, url: String, interval: String = "50ms", extra: String = "") throws -> URL {
    let file = folder.appendingPathComponent("sonde.yml")
    let text = """
        environment: test
        interval: \(interval)
        timeout: 2s
        \(extra)
        targets:
          - name: api
            http: \(url)
            version: $.version
        """
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
}

/// A scripted server, a fresh folder and a config in it probing the server's `/health`.
func stagingServer(
    interval: String = "50ms", _ script: @escaping @Sendable (Int) -> ScriptedServer.Reply
) async throws -> (server: ScriptedServer, folder: URL, config: URL) {
    let server = try await ScriptedServer.start(script)
    let folder = try temporaryFolder()
    return (server, folder, try writeConfig(in: folder, url: server.url, interval: interval))
}
