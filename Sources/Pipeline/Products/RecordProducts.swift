import BuildGraph
import Checking
import Diagnostics
import DocumentModel
import FileSystem
import Parsing
import Resolution

/// Records kept in spreadsheets (docs/records-files.md) as products of the
/// graph: the listing of each kind's files → each file read and typed →
/// its findings (against the entries' names, the sources and every record's
/// id) and its rows' match keys → the findings of all records together.
/// A file is read again only when its stamp changes; an edit of one file
/// compares its rows' keys with the others' kept keys, and reads no other file.
enum RecordProducts {
    static let kinds: [any Query.Type] = [
        RecordListing.self, RecordFileQuery.self, EntryDirectoryQuery.self, RecordIDs.self, RecordFileFindings.self,
        RecordMatchKeys.self, RecordMentionsQuery.self, RecordCheck.self,
    ]

    /// A records file may be this large: a memory book of a region is hundreds of thousands of rows, far beyond an entry's limit.
    static let fileSizeLimit = 1 << 30
}

/// Every records file of the tree with its kind, sorted by path; and what
/// the listing itself shows: a file two kinds claim, a workbook where a CSV file was expected.
struct RecordListing: ProjectQuery {
    struct Value: Codable, Sendable, Hashable {
        var files: [File]
        var findings: [Diagnostic]
    }

    struct File: Codable, Sendable, Hashable {
        var path: String
        var kind: String
    }

    static let kind = "record-listing"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> Value {
        let kinds = try context.value(EntryConfiguration()).recordKinds
        guard !kinds.isEmpty else { return Value(files: [], findings: []) }
        var files: [File] = []
        var findings: [Diagnostic] = []
        for path in try context.value(ListingPaths()).paths {
            let holders = kinds.filter { $0.records!.holds(path) }
            if let holder = holders.first {
                files.append(File(path: path, kind: holder.name))
                if holders.count > 1 {
                    findings.append(Diagnostic(
                        .recordFile, Message(.recordFileTwoKinds, ["kinds": holders.map(\.name).joined(separator: ", ")]),
                        at: SourceLocation(path: path)))
                }
            } else if kinds.contains(where: { $0.records!.nearlyHolds(path) }) {
                findings.append(Diagnostic(.recordFile, Message(.recordFileWorkbookBeside, ["path": path]), at: SourceLocation(path: path)))
            }
        }
        return Value(files: files, findings: findings)
    }
}

/// A records file, read and typed against its kind.
struct RecordFileQuery: PathQuery {
    static let kind = "record-file"
    var path: String
    init(_ path: String) { self.path = path }

    func compute(_ context: QueryContext) throws -> RecordFile {
        let listed = try context.value(ListedStamp(path))
        let configuration = try context.value(EntryConfiguration())
        guard let file = try context.value(RecordListing()).files.first(where: { $0.path == path }),
              let kind = configuration.kind(named: file.kind), listed.stamp != nil
        else { return RecordFile(path: path, kind: "") }
        switch FileSystem.readFile(listed.root + "/" + path, limit: RecordProducts.fileSizeLimit, followingLinks: true) {
        case .success(let bytes):
            return RecordFileParser.parse(bytes, path: path, kind: kind, configuration: configuration)
        case .failure(.unreadable):
            return RecordFile(
                path: path, kind: kind.name,
                diagnostics: [Diagnostic(.unreadableFile, Message(.loadFileUnreadable), at: SourceLocation(path: path))])
        case .failure(.tooLarge(let size)):
            let limit = RecordProducts.fileSizeLimit
            return RecordFile(path: path, kind: kind.name, diagnostics: [Diagnostic(
                .unreadableFile, Message(.loadFileTooLarge, ["size": size, "mebibytes": limit / 1_048_576, "limit": limit]),
                at: SourceLocation(path: path))])
        }
    }
}

/// Every entry's kind and names, which rows name places and people by.
struct EntryDirectoryQuery: ProjectQuery {
    static let kind = "entry-directory"

    func compute(_ context: QueryContext) throws -> EntryDirectory {
        var interfaces: [EntryInterface] = []
        for shard in 0..<CheckProducts.shards { interfaces += try context.value(InterfaceShard(shard)) }
        return EntryDirectory(interfaces)
    }
}

/// Every record's id and where it is written, in path and row order.
struct RecordIDs: ProjectQuery {
    struct Row: Codable, Sendable, Hashable {
        var id: RecordID
        var location: SourceLocation
    }

    static let kind = "record-ids"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> [Row] {
        try context.value(RecordListing()).files.flatMap { file in
            try context.value(RecordFileQuery(file.path)).records.map {
                Row(id: $0.id, location: SourceLocation(path: $0.path, range: $0.idRange))
            }
        }
    }
}

/// A records file's findings on its own and against the entries and sources its rows name
/// (other records' ids are checked with all records together, so an edit of one file checks no other file again).
struct RecordFileFindings: PathQuery {
    static let kind = "record-file-findings"
    var path: String
    init(_ path: String) { self.path = path }

    func compute(_ context: QueryContext) throws -> [Diagnostic] {
        let file = try context.value(RecordFileQuery(path))
        guard let kind = try context.value(EntryConfiguration()).kind(named: file.kind) else { return file.diagnostics }
        let sources = Set(try context.value(SourceKeys()).sources.map(\.key))
        return file.diagnostics + RecordChecks.rows(file) + RecordChecks.references(
            file, kind: kind, directory: try context.value(EntryDirectoryQuery()), sources: sources)
    }
}

/// What `possible-duplicate` compares of a file's rows.
struct RecordMatchKeys: PathQuery {
    static let kind = "record-match-keys"
    var path: String
    init(_ path: String) { self.path = path }

    func compute(_ context: QueryContext) throws -> [RecordMatchKey] {
        let file = try context.value(RecordFileQuery(path))
        guard let kind = try context.value(EntryConfiguration()).kind(named: file.kind), let storage = kind.records else { return [] }
        let directory = try context.value(EntryDirectoryQuery())
        let placeKinds = kind.field(storage.match.place)?.type.linkKinds ?? []
        return file.records.map { RecordMatchKey($0, fields: storage.match, placeKinds: placeKinds, directory: directory) }
    }
}

/// The entries and sources all records name, for the checks of orphans and unused sources.
struct RecordMentionsQuery: ProjectQuery {
    static let kind = "record-mentions"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> RecordMentions {
        let files = try context.value(RecordListing()).files
        guard !files.isEmpty else { return RecordMentions() }
        let directory = try context.value(EntryDirectoryQuery())
        var mentions = RecordMentions()
        let configuration = try context.value(EntryConfiguration())
        for file in files {
            guard let kind = configuration.kind(named: file.kind) else { continue }
            let named = RecordMentions(try context.value(RecordFileQuery(file.path)).records, kind: kind, directory: directory)
            mentions.entries.formUnion(named.entries)
            mentions.citations.formUnion(named.citations)
        }
        return mentions
    }
}

/// The findings of every records file and of all records together, and how many files were read.
struct RecordCheck: ProjectQuery {
    struct Value: Codable, Sendable {
        var findings: [Diagnostic]
        var files: Int
    }

    static let kind = "record-check"

    func compute(_ context: QueryContext) throws -> Value {
        let listing = try context.value(RecordListing())
        guard !listing.files.isEmpty else { return Value(findings: listing.findings, files: 0) }
        var findings = listing.findings
        var keys: [RecordMatchKey] = []
        var unread = 0
        for file in listing.files {
            let fileFindings = try context.value(RecordFileFindings(file.path))
            if fileFindings.contains(where: { $0.rule == .unreadableFile && $0.location.path == file.path }) { unread += 1 }
            findings += fileFindings
            keys += try context.value(RecordMatchKeys(file.path))
        }
        let rows = try context.value(RecordIDs())
        findings += RecordChecks.duplicateIDs(rows.map { ($0.id, $0.location) })
        findings += RecordChecks.otherRecords(keys)
        findings += PossibleDuplicates.find(keys)
        return Value(findings: findings, files: listing.files.count - unread)
    }
}
