import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `/bin/sh -c` child in a process group of its own, so a timeout stops what it started too.
///
/// On Linux it is started with posix_spawn and an empty signal mask: a child of Foundation's
/// `Process` inherits the mask of the Swift runtime's thread (nearly every signal blocked), so
/// SIGTERM, SIGINT and a test runner's SIGALRM never reach it and only SIGKILL would stop it.
struct ChildProcess: Sendable {
    let pid: pid_t
    private let exited: FirstValue<Int32>

    struct LaunchError: Error {
        var message: String
    }

    /// Starts `command` with stdout and stderr on `output`, stdin from /dev/null.
    static func start(_ command: String, in directory: String?, output: FileHandle) throws(LaunchError) -> ChildProcess {
        #if os(Linux)
        return try spawn(command, in: directory, output: output.fileDescriptor)
        #else
        return try launch(command, in: directory, output: output)
        #endif
    }

    /// The exit status (128 + the signal for a child killed by one), once it has ended.
    func wait() async -> Int32 { await exited.value() }

    /// Signals the whole group (just the child where it has no group of its own).
    func signal(_ signal: Int32) {
        if kill(-pid, signal) != 0 { kill(pid, signal) }
    }

    #if os(Linux)
    private static func spawn(_ command: String, in directory: String?, output: Int32) throws(LaunchError) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGCHLD, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        // The folder is changed by the shell itself: posix_spawn has no portable chdir.
        let script = directory == nil ? command : #"cd -- "$1" || exit 126; eval "$2""#
        let arguments = directory.map { ["/bin/sh", "-c", script, "sh", $0, command] } ?? ["/bin/sh", "-c", script]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        guard status == 0 else { throw LaunchError(message: "cannot start /bin/sh: \(String(cString: strerror(status)))") }

        let exited = FirstValue<Int32>()
        let child = pid
        // waitpid blocks, so it gets a thread of its own rather than one of the concurrency pool's.
        let waiter = Thread {
            var raw: Int32 = 0
            while waitpid(child, &raw, 0) == -1 && errno == EINTR {}
            let signal = raw & 0x7f
            exited.offer(signal == 0 ? (raw >> 8) & 0xff : 128 + signal)
        }
        waiter.start()
        return ChildProcess(pid: child, exited: exited)
    }
    #else
    private static func launch(_ command: String, in directory: String?, output: FileHandle) throws(LaunchError) -> ChildProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        let exited = FirstValue<Int32>()
        process.terminationHandler = { exited.offer($0.terminationStatus) }
        do {
            try process.run()
        } catch {
            throw LaunchError(message: "cannot start /bin/sh: \(error.localizedDescription)")
        }
        return ChildProcess(pid: process.processIdentifier, exited: exited)
    }
    #endif
}
