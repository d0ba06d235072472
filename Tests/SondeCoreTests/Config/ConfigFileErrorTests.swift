import Foundation
import Testing
@testable import SondeCore

#if canImport(Glibc)
import Glibc
#endif

/// A config path that is not a readable UTF-8 file: each gets its exact message.
@Suite("Config files that cannot be read")
struct ConfigFileErrorTests {
    /// A fresh directory of this test's own under the temporary directory.
    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "sonde-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func message(loading path: String) -> String? {
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.load(path: path, environment: [:]) }
        return error?.description
    }

    @Test func aMissingFileSaysItDoesNotExist() {
        #expect(message(loading: "/nonexistent/sonde.yml") == "/nonexistent/sonde.yml does not exist")
    }

    @Test func aDirectorySaysSoAndNamesAFileToGive() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(message(loading: dir.path) == "\(dir.path) is a directory; give the path of a config file such as \(dir.path)/sonde.yml")
    }

    @Test func aFileThatIsNotUTF8SaysSo() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appending(path: "latin1.yml")
        try Data("environment: caf".utf8 + [0xE9] + Array("\ntargets: []\n".utf8)).write(to: file)
        #expect(message(loading: file.path) == "\(file.path) is not UTF-8 text; save it as UTF-8")
    }

    /// As root, mode 000 does not deny reading, so the case needs an ordinary user.
    @Test(.enabled(if: geteuid() != 0, "running as root: file permissions do not deny root"))
    func aFileWithoutReadPermissionSaysToCheckThem() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appending(path: "locked.yml")
        try Data("targets: []\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        #expect(message(loading: file.path) == "\(file.path) cannot be read (check its permissions)")
    }
}
