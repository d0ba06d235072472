import Foundation

/// What `ConfigReloader` remembers of the bytes it read last: their length and a 64-bit hash,
/// where it kept the bytes themselves (a 10,000-target file is ~900 KB held for the whole run).
/// Two different files share a fingerprint with odds of one in 2^64; equal bytes always do.
struct FileFingerprint: Equatable {
    let length: Int
    let hash: Int

    init(_ bytes: Data) {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        length = bytes.count
        hash = hasher.finalize()
    }

    /// The fingerprint of the file at `path`, or nil when it cannot be read.
    static func of(_ path: String) -> FileFingerprint? {
        FileManager.default.contents(atPath: path).map(FileFingerprint.init)
    }
}
