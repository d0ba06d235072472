import Foundation

/// What `ConfigReloader` remembers of the bytes it read last: their length and a 64-bit hash,
/// where it kept the bytes themselves (a 10,000-target file is ~900 KB held for the whole run).
/// Two different files share a fingerprint with odds of one in 2^64; equal bytes always do.
struct FileFingerprint: Equatable {
    let length: Int
    let hash: Int

    private init(length: Int, hash: Int) {
        self.length = length
        self.hash = hash
    }

    /// The fingerprint of the file at `path`, or nil when it cannot be read. Read a piece at a
    /// time: the file is checked every second, and reading it whole held its size each time.
    static func of(_ path: String) -> FileFingerprint? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        var hasher = Hasher()
        var length = 0
        do {
            while let piece = try file.read(upToCount: 64 * 1024), !piece.isEmpty {
                piece.withUnsafeBytes { hasher.combine(bytes: $0) }
                length += piece.count
            }
        } catch {
            return nil
        }
        return FileFingerprint(length: length, hash: hasher.finalize())
    }
}
