/// What went wrong with the history file, said so a person knows what to do.
public struct HistoryError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case cannotOpen
        case cannotWrite
        case cannotRead
    }

    public var kind: Kind
    public var path: String
    public var detail: String

    public init(_ kind: Kind, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .cannotOpen:
            "cannot open history \(path): \(detail). Pass --history PATH to use another file, or --no-history to run without it."
        case .cannotWrite:
            "cannot write history \(path): \(detail). Check free disk space and permissions, or pass --no-history."
        case .cannotRead:
            "cannot read history \(path): \(detail). If the file is not a Sonde history, pass --history PATH to another one."
        }
    }
}
