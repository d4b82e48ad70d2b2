import Diagnostics
import DocumentModel
import EDTF
import Resolution

/// What a records file's rows may name among the entries: each entry's
/// kind, and its titles and aliases in every language, folded
/// (`NameFolding.placeKey`), for rows that name a place as people write it.
public struct EntryDirectory: Hashable, Sendable, Codable {
    public var kinds: [EntryID: String]
    /// A folded name → the entries that have it as a title or alias, sorted.
    public var names: [String: [EntryID]]
    /// The name as written, by folded name, for "did you mean".
    public var written: [String: String]

    public init(_ interfaces: [EntryInterface]) {
        var kinds: [EntryID: String] = [:]
        var names: [String: Set<EntryID>] = [:]
        var written: [String: String] = [:]
        for interface in interfaces {
            kinds[interface.id] = interface.kind ?? ""
            for version in interface.versions {
                for name in [version.title] + version.aliases {
                    let key = NameFolding.placeKey(name)
                    guard !key.isEmpty else { continue }
                    names[key, default: []].insert(interface.id)
                    written[key] = written[key].map { min($0, name) } ?? name
                }
            }
        }
        self.kinds = kinds
        self.names = names.mapValues { $0.sorted() }
        self.written = written
    }

    /// The entries of the kinds allowed (all, if none is named) that a row's name names.
    public func entries(named name: String, kinds allowed: [String]) -> [EntryID] {
        (names[NameFolding.placeKey(name)] ?? []).filter { allowed.isEmpty || allowed.contains(kinds[$0] ?? "") }
    }
}

/// The entries and sources a project's records name.
public struct RecordMentions: Hashable, Sendable, Codable {
    public var entries: Set<EntryID>
    public var citations: Set<String>

    public init(entries: Set<EntryID> = [], citations: Set<String> = []) {
        self.entries = entries
        self.citations = citations
    }

    /// What `records` of `kind` name that `directory` has.
    public init(_ records: [Record], kind: KindSchema, directory: EntryDirectory) {
        var entries: Set<EntryID> = []
        var citations: Set<String> = []
        for record in records {
            for fact in record.facts {
                switch fact.value {
                case .typed(.link(let link)): entries.insert(link.target)
                case .typed(.links(let links)): entries.formUnion(links.map(\.target))
                case .name(let name):
                    let found = directory.entries(named: name, kinds: kind.field(fact.field)?.type.linkKinds ?? [])
                    if found.count == 1 { entries.insert(found[0]) }
                case .citations(let items): citations.formUnion(items.map(\.key))
                case .typed: continue
                }
            }
        }
        self.init(entries: entries, citations: citations)
    }
}

/// The checks of records (docs/records-files.md): a file's rows on their
/// own (`rows`), what they name (`references`), ids across files
/// (`duplicateIDs`), and people recorded twice (`PossibleDuplicates`).
public enum RecordChecks {
    /// Dates of one row that cannot both be true: died before born, or a life longer than any.
    public static func rows(_ file: RecordFile) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for record in file.records {
            let location = { (range: SourceRange) in SourceLocation(path: record.path, range: range) }
            for link in record.sameAs where link.value == record.id {
                findings.append(Diagnostic(.recordField, Message(.recordSameAsItself, ["id": record.id.rawValue]), at: location(link.range)))
            }
            for link in record.sameAs where record.notSameAs.contains(where: { $0.value == link.value }) {
                findings.append(Diagnostic(
                    .recordField, Message(.recordSameAndNotSame, ["id": link.value.rawValue]), at: location(link.range)))
            }
            guard let born = date(record, "born"), let died = date(record, "died") else { continue }
            if let problem = FactChecks.lifespanProblem(born: born.value, died: died.value) {
                findings.append(Diagnostic(
                    .recordField, problem, at: location(died.range),
                    notes: [.init(Message(.checkBornHere, ["born": born.value.description]), at: location(born.range))]))
            }
        }
        return findings
    }

    private static func date(_ record: Record, _ field: String) -> (value: EDTFValue, range: SourceRange)? {
        for fact in record.facts(field) {
            if case .typed(.date(let value)) = fact.value { return (value, fact.range) }
        }
        return nil
    }

    /// Places, entries, sources and records that a file's rows name and the project does not have.
    public static func references(
        _ file: RecordFile, kind: KindSchema, directory: EntryDirectory, sources: Set<String>
    ) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var nearMisses: [String: String?] = [:]
        for record in file.records {
            let location = { (range: SourceRange) in SourceLocation(path: record.path, range: range) }
            for fact in record.facts {
                guard let field = kind.field(fact.field) else { continue }
                let allowed: [String] = switch field.type {
                case .link(let kinds), .links(let kinds): kinds
                default: []
                }
                switch fact.value {
                case .name(let name):
                    let found = directory.entries(named: name, kinds: allowed)
                    if found.count > 1 {
                        findings.append(Diagnostic(
                            .recordReference,
                            Message(.recordNameAmbiguous, ["name": name, "field": fact.field, "ids": found.map(\.rawValue).joined(separator: ", ")]),
                            at: location(fact.range)))
                    } else if found.isEmpty {
                        let near = nearMisses[name] ?? nearName(name, allowed: allowed, directory: directory)
                        nearMisses[name] = near
                        let message = near.map { Message(.recordNameUnknownDidYouMean, ["name": name, "field": fact.field, "near": $0]) }
                            ?? Message(.recordNameUnknown, ["name": name, "field": fact.field])
                        findings.append(Diagnostic(
                            .recordReference, message, at: location(fact.range),
                            fix: near.map { Diagnostic.Fix(replacing: fact.range, with: $0) }))
                    }
                case .typed(.link(let link)):
                    findings += linkProblem(link, field: fact.field, allowed: allowed, directory: directory, location: location)
                case .typed(.links(let links)):
                    for link in links {
                        findings += linkProblem(link, field: fact.field, allowed: allowed, directory: directory, location: location)
                    }
                case .citations(let items):
                    for item in items where !sources.contains(item.key) {
                        findings.append(Diagnostic(
                            .recordReference, Message(.recordSourceUnknown, ["key": item.key]), at: location(item.range)))
                    }
                case .typed: continue
                }
            }
        }
        return findings
    }

    /// `same-as` and `not-same-as` naming ids no record has.
    public static func otherRecords(_ keys: [RecordMatchKey]) -> [Diagnostic] {
        let ids = Set(keys.map(\.id))
        return keys.flatMap { key in
            key.others.filter { !ids.contains($0.value) }.map { other in
                Diagnostic(
                    .recordReference, Message(.recordOtherUnknown, ["id": other.value.rawValue]),
                    at: SourceLocation(path: key.location.path, range: other.range))
            }
        }
    }

    private static func nearName(_ name: String, allowed: [String], directory: EntryDirectory) -> String? {
        let candidates = directory.names.filter { _, ids in ids.contains { allowed.isEmpty || allowed.contains(directory.kinds[$0] ?? "") } }.keys
        return NearMiss.closest(to: NameFolding.placeKey(name), in: candidates).flatMap { directory.written[$0] }
    }

    private static func linkProblem(
        _ link: FactLink, field: String, allowed: [String], directory: EntryDirectory, location: (SourceRange) -> SourceLocation
    ) -> [Diagnostic] {
        guard let kind = directory.kinds[link.target] else {
            let near = NearMiss.closest(to: link.target.rawValue, in: directory.kinds.keys.map(\.rawValue))
            let message = near.map { Message(.recordLinkUnknownDidYouMean, ["id": link.target.rawValue, "near": $0]) }
                ?? Message(.recordLinkUnknown, ["id": link.target.rawValue])
            return [Diagnostic(.recordReference, message, at: location(link.range))]
        }
        guard allowed.isEmpty || allowed.contains(kind) else {
            return [Diagnostic(
                .recordReference,
                Message(.recordLinkWrongKind, ["id": link.target.rawValue, "kind": kind, "field": field, "kinds": allowed.joined(separator: ", ")]),
                at: location(link.range))]
        }
        return []
    }

    /// Where a record says it belongs for grouping: the entry its place field names, or the name as folded if it names none.
    public static func place(of record: Record, field: String, kinds: [String], directory: EntryDirectory) -> String? {
        for fact in record.facts(field) {
            switch fact.value {
            case .typed(.link(let link)): return link.target.rawValue
            case .name(let name):
                let found = directory.entries(named: name, kinds: kinds)
                return found.count == 1 ? found[0].rawValue : NameFolding.placeKey(name)
            default: continue
            }
        }
        return nil
    }

    /// Rows of every file that share an id: reported at each but the first (in path and line order).
    public static func duplicateIDs(_ rows: [(id: RecordID, location: SourceLocation)]) -> [Diagnostic] {
        var first: [RecordID: SourceLocation] = [:]
        var findings: [Diagnostic] = []
        for row in rows {
            guard let earlier = first[row.id] else {
                first[row.id] = row.location
                continue
            }
            findings.append(Diagnostic(
                .duplicateRecord, Message(.recordDuplicateID, ["id": row.id.rawValue]), at: row.location,
                notes: [.init(Message(.recordDuplicateIDFirst), at: earlier)]))
        }
        return findings
    }
}
