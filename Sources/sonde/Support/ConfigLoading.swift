import ArgumentParser
import Foundation
import SondeCore

/// Loads a config for a command, or prints every problem to stderr and exits 2.
enum ConfigLoading {
    static func load(_ path: String) throws -> SondeConfig {
        do {
            return try ConfigLoader.load(path: path)
        } catch {
            StandardError.print(error.description)
            let n = error.errors.count
            StandardError.print("\(path): \(n) problem\(n == 1 ? "" : "s"); nothing was probed.")
            throw ExitCode(2)
        }
    }
}

enum StandardError {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A problem that does not stop the command, prefixed as every message of ours is.
    @Sendable static func say(_ problem: String) {
        print("sonde: \(problem)")
    }
}

/// Writes text to a file, or stdout for `-`.
enum OutputDestination {
    static func write(_ text: String, to path: String) throws {
        if path == "-" {
            Swift.print(text)
            return
        }
        do {
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            StandardError.print("cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
