import SondeCore

/// The Databases pane's rows, in order: the databases probed directly (the target rows kept with
/// the targets and filter), then the figures services report under the filter. A row is made when
/// it is read, and the names' width is kept, so a frame over thousands of databases touches only
/// the rows it draws.
public struct DatabaseRows: RandomAccessCollection, Sendable {
    let direct: [String]
    let reported: [ReportedKey]
    /// Display width of the longest name the pane lists (a reported row is named by its metric).
    public let nameWidth: Int

    init(direct: [String], directNameWidth: Int, reported: [ReportedKey]) {
        self.direct = direct
        self.reported = reported
        nameWidth = reported.reduce(directNameWidth) { Swift.max($0, DisplayWidth.of($1.metric)) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { direct.count + reported.count }

    public subscript(index: Int) -> DatabaseRow {
        index < direct.count ? .direct(direct[index]) : .reported(reported[index - direct.count])
    }

    public subscript(safe index: Int) -> DatabaseRow? { indices.contains(index) ? self[index] : nil }
}

extension DatabaseRow {
    /// What the row is called on screen: the database, or the figure a service reports.
    var name: String {
        switch self {
        case .direct(let name): name
        case .reported(let key): key.metric
        }
    }
}
