/// The commit a binary was built from. The repository holds "unknown", so a plain `swift build`
/// of a fresh clone works; packaging/build-static.sh writes the real id here for its build and
/// puts this file back afterwards.
enum BuildCommit {
    static let id = "unknown"
}
