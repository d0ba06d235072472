import Foundation
import GRDB
import SondeCore

/// One read of a suite as a row: the modules as JSON (a reading is read and written whole,
/// never queried by module), so a suite of any size is one row per run.
struct SuiteReadingRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "suite_reading"

    var id: Int64?
    var suite: String
    var readAt: Double
    var error: String?
    var modules: String

    enum CodingKeys: String, CodingKey {
        case id, suite, error, modules
        case readAt = "read_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ reading: SuiteReading, redactor: Redactor) {
        suite = reading.suite
        readAt = reading.readAt.timeIntervalSince1970
        error = reading.error.map(redactor.redact)
        // Test names were redacted when the report was read; encoding a Codable value cannot fail.
        let data = (try? JSONEncoder().encode(reading.modules)) ?? Data("[]".utf8)
        modules = redactor.redact(String(decoding: data, as: UTF8.self))
    }

    /// nil for a row whose modules are not a list this version can read (written by a later one).
    var reading: SuiteReading? {
        guard let decoded = try? JSONDecoder().decode([SuiteReading.Module].self, from: Data(modules.utf8)) else { return nil }
        return SuiteReading(suite: suite, readAt: Date(timeIntervalSince1970: readAt), error: error, modules: decoded)
    }
}
