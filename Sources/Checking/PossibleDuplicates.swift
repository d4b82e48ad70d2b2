import Diagnostics
import DocumentModel

/// What `possible-duplicate` compares of a record, folded once
/// (`NameFolding`): a product of its own, so that comparing 100,000 rows
/// reads these and not the rows.
public struct RecordMatchKey: Hashable, Sendable, Codable {
    public var id: RecordID
    public var location: SourceLocation
    /// Every spelling the row gives, folded; sorted.
    public var surnames: [String]
    public var givenNames: [String]
    public var patronymics: [String]
    /// The years the birth date can mean.
    public var born: ClosedRange<Int>?
    /// The entry (or, named as no entry is, the folded name) of the row's place.
    public var place: String?
    /// Rows this one is linked to or kept apart from: no pair of them is reported.
    public var settled: Set<RecordID>
    /// Where it names them (its `same-as` and `not-same-as` cells).
    public var others: [Located<RecordID>]
    /// How the row writes the name, for the message.
    public var written: String

    /// `placeKinds`: the kinds of entry the place field takes.
    public init(_ record: Record, fields: RecordMatchFields, placeKinds: [String], directory: EntryDirectory) {
        func folded(_ field: String, _ fold: (String) -> String) -> [String] {
            Array(Set(record.texts(field).map(fold).filter { !$0.isEmpty })).sorted()
        }
        id = record.id
        location = SourceLocation(path: record.path, range: record.idRange)
        surnames = folded(fields.surname, NameFolding.surnameStem)
        givenNames = folded(fields.givenName, NameFolding.skeleton)
        patronymics = folded(fields.patronymic, NameFolding.patronymicStem)
        born = record.facts(fields.born).lazy.compactMap { fact -> ClosedRange<Int>? in
            guard case .typed(.date(let value)) = fact.value else { return nil }
            switch value {
            case .date(let date): return date.yearRange
            case .interval(let from, let to):
                guard let first = from.date?.yearRange.lowerBound, let last = to.date?.yearRange.upperBound, first <= last else { return nil }
                return first...last
            }
        }.first
        place = RecordChecks.place(of: record, field: fields.place, kinds: placeKinds, directory: directory)
        others = record.sameAs + record.notSameAs
        settled = Set(others.map(\.value))
        written = [fields.surname, fields.givenName, fields.patronymic].compactMap { record.texts($0).first }.joined(separator: " ")
    }
}

/// Records that are likely the same person: a surname that folds to one
/// stem, the same place, given names and patronymics that agree (an
/// initial agrees with a name it starts), birth years at most one apart.
/// Rows are compared only within a block of one surname stem and place,
/// so the work grows with the rows, not with their pairs.
public enum PossibleDuplicates {
    public static func find(_ keys: [RecordMatchKey]) -> [Diagnostic] {
        struct Block: Hashable {
            var surname: String
            var place: String?
        }
        var blocks: [Block: [Int]] = [:]
        for (index, key) in keys.enumerated() {
            for surname in key.surnames { blocks[Block(surname: surname, place: key.place), default: []].append(index) }
        }
        var reported: Set<[RecordID]> = []
        var findings: [Diagnostic] = []
        // In the blocks' order, so that a pair two blocks share is reported the same way on every run.
        let ordered = blocks.keys.sorted { ($0.surname, $0.place ?? "") < ($1.surname, $1.place ?? "") }
        for members in ordered.map({ blocks[$0]! }) where members.count > 1 {
            for (position, first) in members.enumerated() {
                for second in members[(position + 1)...] {
                    let a = keys[first]
                    let b = keys[second]
                    guard a.id != b.id, !a.settled.contains(b.id), !b.settled.contains(a.id), isLikelySame(a, b) else { continue }
                    let pair = [a.id, b.id].sorted()
                    guard reported.insert(pair).inserted else { continue }
                    findings.append(Diagnostic(
                        .possibleDuplicate,
                        Message(.recordPossibleDuplicate, ["id": b.id.rawValue, "other": a.id.rawValue, "name": b.written, "otherName": a.written]),
                        at: b.location, notes: [.init(Message(.recordPossibleDuplicateOther, ["id": a.id.rawValue]), at: a.location)]))
                }
            }
        }
        func order(_ finding: Diagnostic) -> (String, Int, String, Int) {
            let other = finding.notes.first?.location
            return (finding.location.path, finding.location.range?.start.line ?? 0, other?.path ?? "", other?.range?.start.line ?? 0)
        }
        return findings.sorted { order($0) < order($1) }
    }

    static func isLikelySame(_ a: RecordMatchKey, _ b: RecordMatchKey) -> Bool {
        guard !a.givenNames.isEmpty, !b.givenNames.isEmpty, agree(a.givenNames, b.givenNames) else { return false }
        if !a.patronymics.isEmpty, !b.patronymics.isEmpty, !agree(a.patronymics, b.patronymics) { return false }
        if let x = a.born, let y = b.born, x.lowerBound - y.upperBound > 1 || y.lowerBound - x.upperBound > 1 { return false }
        return true
    }

    /// Some spelling of one agrees with some spelling of the other: equal, or one an initial of the other.
    private static func agree(_ a: [String], _ b: [String]) -> Bool {
        a.contains { x in
            b.contains { y in
                x == y || (x.count == 1 && y.hasPrefix(x)) || (y.count == 1 && x.hasPrefix(y))
            }
        }
    }
}
