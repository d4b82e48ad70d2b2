import Diagnostics

/// Where a kind's records are kept (`records:` in a kind of asyl.yaml), and
/// which of its fields say who a record is about, for `possible-duplicate`.
public struct RecordStorage: Hashable, Sendable, Codable {
    /// A pattern of paths in the tree, `*` standing for any part of one name (`records/*.csv`).
    public var files: String
    public var match: RecordMatchFields

    public init(files: String, match: RecordMatchFields = RecordMatchFields()) {
        self.files = files
        self.match = match
    }

    /// Whether `path` is one of the kind's files.
    public func holds(_ path: String) -> Bool { Self.matches(path, pattern: files) }

    /// Whether `path` would be one of the kind's files but for its extension
    /// (`records/losses.xlsx` for `records/*.csv`): a spreadsheet saved in
    /// another format, which is reported with what to do.
    public func nearlyHolds(_ path: String) -> Bool {
        guard let dot = files.lastIndex(of: "."), let pathDot = path.lastIndex(of: "."), !holds(path) else { return false }
        let written = path[path.index(after: pathDot)...].lowercased()
        return ["xlsx", "xls", "ods", "tsv", "txt"].contains(written) && Self.matches(String(path[..<pathDot]), pattern: String(files[..<dot]))
    }

    /// Segment by segment: `*` matches any run of characters but `/`.
    static func matches(_ path: String, pattern: String) -> Bool {
        let names = path.split(separator: "/", omittingEmptySubsequences: false)
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
        guard names.count == parts.count else { return false }
        return zip(names, parts).allSatisfy { name, part in matches(Array(name.unicodeScalars), Array(part.unicodeScalars)) }
    }

    private static func matches(_ name: [Unicode.Scalar], _ part: [Unicode.Scalar]) -> Bool {
        guard let star = part.firstIndex(of: "*") else { return name == part }
        let head = part[..<star]
        guard name.starts(with: head) else { return false }
        let rest = Array(part[(star + 1)...])
        let tail = Array(name[head.count...])
        return (0...tail.count).contains { matches(Array(tail[$0...]), rest) }
    }
}

/// The fields a kind's records name a person with (defaults: the fields of these names, where the kind has them).
public struct RecordMatchFields: Hashable, Sendable, Codable {
    public var surname: String
    public var givenName: String
    public var patronymic: String
    public var born: String
    /// The place records are grouped by and compared within: the call-up office's district, as books of memory do.
    public var place: String

    public init(
        surname: String = "surname", givenName: String = "given-name", patronymic: String = "patronymic", born: String = "born",
        place: String = "call-up-office"
    ) {
        self.surname = surname
        self.givenName = givenName
        self.patronymic = patronymic
        self.born = born
        self.place = place
    }
}

/// A record's identifier: written in its `id` column, of the same form as
/// an entry's, and unique among all records of the project.
public typealias RecordID = EntryID

/// One row of a records file: what one source says about one person.
public struct Record: Hashable, Sendable, Codable {
    public var id: RecordID
    public var kind: String
    public var path: String
    /// Where its `id` cell is written.
    public var idRange: SourceRange
    public var facts: [RecordFact]
    /// Records confirmed to be about the same person (`same-as`).
    public var sameAs: [Located<RecordID>]
    /// Records confirmed to be about someone else (`not-same-as`).
    public var notSameAs: [Located<RecordID>]

    public init(
        id: RecordID, kind: String, path: String, idRange: SourceRange, facts: [RecordFact] = [],
        sameAs: [Located<RecordID>] = [], notSameAs: [Located<RecordID>] = []
    ) {
        self.id = id
        self.kind = kind
        self.path = path
        self.idRange = idRange
        self.facts = facts
        self.sameAs = sameAs
        self.notSameAs = notSameAs
    }

    /// The row's line (that of its `id` cell).
    public var line: Int { idRange.start.line }

    public func facts(_ field: String) -> [RecordFact] { facts.filter { $0.field == field } }

    /// The texts of a text field, in every language the row writes it (the language-less column first).
    public func texts(_ field: String) -> [String] {
        facts(field).compactMap { fact in
            if case .typed(.text(let text)) = fact.value { text } else { nil }
        }
    }
}

/// One cell of a record: a field's value, in one language for a text field's `FIELD.LANG` column.
public struct RecordFact: Hashable, Sendable, Codable {
    public var field: String
    /// The column's language (`surname.kk`); nil for a column without one, which holds the text as the source wrote it.
    public var language: LanguageTag?
    public var value: RecordValue
    /// Where the cell's text starts, and how wide it is on its first line.
    public var range: SourceRange

    public init(field: String, language: LanguageTag? = nil, value: RecordValue, range: SourceRange) {
        self.field = field
        self.language = language
        self.value = value
        self.range = range
    }
}

public enum RecordValue: Hashable, Sendable, Codable {
    case typed(FactValue)
    /// A link field written as a name (`Қарқаралы ауданы`), not `[[id]]`: resolved
    /// against the titles and aliases of the entries of the kinds the field allows.
    case name(String)
    /// A source field: `key` or `key, locator` (`tsamo-58-18001, д. 123`), several separated by `;`.
    case citations([CitationItem])
}

/// A records file as read: its rows, and what was wrong in it.
public struct RecordFile: Hashable, Sendable, Codable {
    public var path: String
    public var kind: String
    public var records: [Record]
    public var diagnostics: [Diagnostic]

    public init(path: String, kind: String, records: [Record] = [], diagnostics: [Diagnostic] = []) {
        self.path = path
        self.kind = kind
        self.records = records
        self.diagnostics = diagnostics
    }
}
