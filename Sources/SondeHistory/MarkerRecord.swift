import Foundation
import GRDB
import SondeCore

/// A deploy marker as a row.
struct MarkerRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "deploy_marker"

    var id: Int64?
    var name: String
    var at: Double
    var source: String
    var target: String?
    var fromVersion: String?
    var toVersion: String?

    enum CodingKeys: String, CodingKey {
        case id, name, at, source, target
        case fromVersion = "from_version"
        case toVersion = "to_version"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    init(_ marker: DeployMarker, redactor: Redactor) {
        id = marker.id
        name = redactor.redact(marker.name)
        at = marker.at.timeIntervalSince1970
        source = marker.source.rawValue
        target = marker.target
        fromVersion = marker.fromVersion.map(redactor.redact)
        toVersion = marker.toVersion.map(redactor.redact)
    }

    var marker: DeployMarker {
        DeployMarker(
            id: id, name: name, at: Date(timeIntervalSince1970: at),
            source: DeployMarker.Source(rawValue: source) ?? .manual, target: target,
            fromVersion: fromVersion, toVersion: toVersion
        )
    }
}
