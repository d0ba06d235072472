import Foundation
import SondeCore
import Subprocess
#if canImport(Glibc)
import Glibc
#endif

private extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// `run:` channels: the command gets the notification as SONDE_ALERT_* variables and as the
/// webhook JSON on stdin, in a process group of its own that is killed whole when it overruns.
/// Exit 0 is delivered; anything else fails with the first line it printed.
struct CommandSender: NotificationSender {
    let argv: [String]
    let redactor: Redactor
    let timeout: Duration

    static func environment(_ notification: AlertNotification) -> [String: String] {
        [
            "SONDE_ALERT_STATUS": notification.state.rawValue,
            "SONDE_ALERT_RULE": notification.rule,
            "SONDE_ALERT_ENVIRONMENT": notification.environment,
            "SONDE_ALERT_TARGETS": notification.notices.map(\.subject).joined(separator: ","),
            "SONDE_ALERT_COUNT": String(notification.notices.count),
            "SONDE_ALERT_SEVERITY": notification.notices.first?.severity ?? "warning",
            "SONDE_ALERT_REASON": notification.notices.first?.reason ?? "",
            "SONDE_ALERT_SUMMARY": notification.headline,
        ]
    }

    /// A read descriptor at the start of a file that holds `text` and has no name any more.
    static func inputFile(_ text: String) -> FileDescriptor? {
        var template = Array((NSTemporaryDirectory() + "/sonde-alert-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, lseek(fd, 0, SEEK_SET) == 0 else {
            close(fd)
            return nil
        }
        return FileDescriptor(rawValue: fd)
    }

    func send(_ notification: AlertNotification) async -> DeliveryFailure? {
        guard let program = argv.first else { return DeliveryFailure("no command", retryable: false) }
        var options = PlatformOptions()
        options.processGroupID = 0
        let variables = Self.environment(notification).reduce(into: [Environment.Key: String]()) { $0[Environment.Key(stringLiteral: $1.key)] = $1.value }
        let limit = timeout
        // Stdin from an unlinked temporary file, not a pipe Subprocess writes: a command that
        // never reads its input left Subprocess's writer unclosed, which it treats as fatal.
        guard let input = Self.inputFile(WebhookBody.json(notification)) else {
            return DeliveryFailure("could not stage the notification for \(program) (is the temporary folder writable?)")
        }
        do {
            let outcome = try await run(
                program.contains("/") ? .path(FilePath(program)) : .name(program), arguments: Arguments(Array(argv.dropFirst())),
                environment: .inherit.updating(variables), platformOptions: options,
                input: .fileDescriptor(input, closeAfterSpawningProcess: true), output: .sequence, error: .discarded
            ) { execution in
                // Subprocess insists the output is read to its end, so an overrun is killed (its
                // whole group) and its output still drained, never abandoned.
                let watchdog = Task {
                    try await Task.sleep(for: limit)
                    try? execution.send(signal: .kill, toProcessGroup: true)
                }
                var bytes: [UInt8] = []
                for try await chunk in execution.standardOutput where bytes.count < 4096 {
                    chunk.withUnsafeBytes { bytes += $0 }
                }
                // The watchdog stays until the process has exited: one that closes its output and
                // lingers is killed too.
                return (String(decoding: bytes, as: UTF8.self), watchdog)
            }
            let (printed, watchdog) = outcome.closureResult
            watchdog.cancel()
            if await watchdog.result.isSuccess {
                return DeliveryFailure("\(program) did not finish within \(limit.humanReadable) (killed)")
            }
            switch outcome.terminationStatus {
            case .exited(0): return nil
            case .exited(let code):
                let line = printed.split(whereSeparator: \.isNewline).first.map { ": " + String($0).excerpt(200) } ?? ""
                return DeliveryFailure(redactor.redact("\(program) exited \(code)\(line)"))
            case .signaled(let signal):
                return DeliveryFailure("\(program) was killed by signal \(signal)")
            }
        } catch {
            return DeliveryFailure(redactor.redact("\(program) could not be started: \(error)"), retryable: false)
        }
    }
}
