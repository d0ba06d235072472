import Foundation

/// Debian's `promtool` (package prometheus), the reference parser and linter of the text format.
enum Promtool {
    static var path: String? {
        ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// In CI a missing promtool is a broken setup, not a reason to skip.
    static var required: Bool { ProcessInfo.processInfo.environment["SONDE_REQUIRE_SERVICES"] == "1" }

    /// `promtool check metrics < page`: its exit status and everything it printed.
    static func checkMetrics(_ promtool: String, page: [UInt8]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            // A thread of its own: waiting on a child must not block Swift's small cooperative pool.
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: promtool)
                    process.arguments = ["check", "metrics"]
                    let input = Pipe(), output = Pipe()
                    process.standardInput = input
                    process.standardOutput = output
                    process.standardError = output
                    try process.run()
                    input.fileHandleForWriting.write(Data(page))
                    try input.fileHandleForWriting.close()
                    let printed = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    return (process.terminationStatus, String(decoding: printed, as: UTF8.self))
                })
            }
        }
    }
}
