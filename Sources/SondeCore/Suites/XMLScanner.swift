import Foundation

/// The part of XML a JUnit report uses, read without FoundationXML: FoundationXML links libxml2
/// (and through it ICU 72, ~36 MB) into every host the static binary is copied to, for a reader
/// this size. Elements, attributes, text with the five named entities and character references,
/// CDATA, comments, processing instructions and a DOCTYPE (skipped: no external entities, ever).
/// What is not well-formed is an error with its line and column; a document that stops between
/// tags (a test run killed while writing) ends normally, and the caller sees elements left open.
struct XMLScanner {
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// The report's bytes, read in place: a copy would double what a large report costs.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    private var open: [String] = []
    private var rootClosed = false

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Calls `handle` for each event in document order; `handle` returns false to stop reading.
    static func scan(_ data: Data, _ handle: (Event) -> Bool) throws(Failure) {
        let outcome = data.withUnsafeBytes { raw -> Result<Void, Failure> in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            do throws(Failure) {
                try scanner.run(handle)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    private mutating func run(_ handle: (Event) -> Bool) throws(Failure) {
        while at < bytes.count {
            let events = bytes[at] == UInt8(ascii: "<") ? try markup() : try characters().map { [.text($0)] } ?? []
            for event in events {
                guard handle(event) else { return }
            }
        }
    }

    // MARK: Markup

    /// One `<...>` construct: none for those that carry nothing for JUnit (comments, declarations),
    /// two for an empty element (`<testcase ... />` is a start and an end).
    private mutating func markup() throws(Failure) -> [Event] {
        if starts("<?") { try skip(past: "?>", what: "processing instruction"); return [] }
        if starts("<!--") { try skip(past: "-->", what: "comment"); return [] }
        if starts("<![CDATA[") {
            guard !open.isEmpty else { throw failure("CDATA outside the root element") }
            let start = at + 9
            try skip(past: "]]>", what: "CDATA section")
            return [.text(String(decoding: bytes[start..<(at - 3)], as: UTF8.self))]
        }
        if starts("<!DOCTYPE") {
            guard open.isEmpty, !rootClosed else { throw failure("a DOCTYPE inside the document") }
            try skipDoctype()
            return []
        }
        if starts("</") { return [try endTag()] }
        return try startTag()
    }

    private mutating func startTag() throws(Failure) -> [Event] {
        at += 1
        guard !rootClosed else { throw failure("extra content after the root element") }
        let name = try readName(what: "element")
        var attributes: [String: String] = [:]
        while true {
            let spaced = skipSpaces()
            guard at < bytes.count else { throw failure("the file ends inside the tag <\(name)>") }
            if bytes[at] == UInt8(ascii: ">") {
                at += 1
                open.append(name)
                return [.start(name, attributes)]
            }
            if starts("/>") {
                at += 2
                if open.isEmpty { rootClosed = true }
                return [.start(name, attributes), .end(name)]
            }
            guard spaced else { throw failure("attributes of <\(name)> must be separated by spaces") }
            let key = try readName(what: "attribute")
            skipSpaces()
            guard at < bytes.count, bytes[at] == UInt8(ascii: "=") else { throw failure("attribute \(key) has no value") }
            at += 1
            skipSpaces()
            let value = try quotedValue(of: key)
            guard attributes.updateValue(value, forKey: key) == nil else {
                throw failure("attribute \(key) appears twice in <\(name)>")
            }
        }
    }

    private mutating func endTag() throws(Failure) -> Event {
        at += 2
        let name = try readName(what: "closing tag")
        skipSpaces()
        guard at < bytes.count, bytes[at] == UInt8(ascii: ">") else { throw failure("the closing tag </\(name)> is not closed by >") }
        at += 1
        guard let expected = open.last else { throw failure("</\(name)> closes nothing") }
        guard expected == name else { throw failure("</\(name)> closes <\(expected)>") }
        open.removeLast()
        if open.isEmpty { rootClosed = true }
        return .end(name)
    }

    private mutating func quotedValue(of key: String) throws(Failure) -> String {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") || bytes[at] == UInt8(ascii: "'") else {
            throw failure("the value of attribute \(key) is not quoted")
        }
        let quote = bytes[at]
        at += 1
        let start = at
        while at < bytes.count, bytes[at] != quote {
            guard bytes[at] != UInt8(ascii: "<") else { throw failure("'<' in the value of attribute \(key)") }
            at += 1
        }
        guard at < bytes.count else { throw failure("the file ends inside the value of attribute \(key)") }
        at += 1
        return try decode(start..<(at - 1))
    }

    // MARK: Text

    private mutating func characters() throws(Failure) -> String? {
        let start = at
        while at < bytes.count, bytes[at] != UInt8(ascii: "<") { at += 1 }
        if open.isEmpty {
            guard bytes[start..<at].allSatisfy(Self.isSpace) else {
                at = start
                throw failure(rootClosed ? "text after the root element" : "text before the root element")
            }
            return nil
        }
        return try decode(start..<at)
    }

    /// The text of `range` with entities and character references replaced.
    private func decode(_ range: Range<Int>) throws(Failure) -> String {
        guard bytes[range].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            guard bytes[i] == UInt8(ascii: "&") else { out.append(bytes[i]); i += 1; continue }
            guard let semicolon = bytes[i..<range.upperBound].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 12 else {
                throw failure("'&' that starts no entity (write &amp;)", offset: i)
            }
            let name = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
            guard let scalar = Self.entity(name) else { throw failure("unknown entity &\(name);", offset: i) }
            out.append(contentsOf: Array(String(scalar).utf8))
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": "<"
        case "gt": ">"
        case "amp": "&"
        case "quot": "\""
        case "apos": "'"
        default:
            if name.hasPrefix("#x") { UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
            else if name.hasPrefix("#") { UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init) }
            else { nil }
        }
    }

    // MARK: Pieces

    private func starts(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            buffer.indices.allSatisfy { bytes[at + $0] == buffer[$0] }
        }
    }

    private mutating func skip(past end: StaticString, what: String) throws(Failure) {
        let from = at
        at += 2
        while at < bytes.count, !starts(end) { at += 1 }
        guard at < bytes.count else { at = from; throw failure("the file ends inside a \(what)") }
        at += end.utf8CodeUnitCount
    }

    /// `<!DOCTYPE name [ ... ]>`: skipped, brackets balanced; entities it declares are never used.
    private mutating func skipDoctype() throws(Failure) {
        let from = at
        var depth = 0
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0: at += 1; return
            default: break
            }
            at += 1
        }
        at = from
        throw failure("the file ends inside the DOCTYPE")
    }

    private mutating func readName(what: String) throws(Failure) -> String {
        let start = at
        while at < bytes.count, Self.isNameByte(bytes[at], first: at == start) { at += 1 }
        guard at > start else {
            throw failure(at < bytes.count ? "\(what) name expected" : "the file ends where a name was expected")
        }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = at
        while at < bytes.count, Self.isSpace(bytes[at]) { at += 1 }
        return at > start
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// ASCII letters, `_`, `:` and any non-ASCII byte start a name; digits, `-` and `.` may follow.
    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...:
            true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
            !first
        default:
            false
        }
    }

    private func failure(_ message: String, offset: Int? = nil) -> Failure {
        let offset = min(offset ?? at, bytes.count)
        let before = bytes[..<offset]
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return Failure(message: message, line: line, column: offset - lineStart + 1)
    }
}
