import BuildGraph
import Crypto
import Diagnostics
import DocumentModel
import FileSystem
import Foundation
import Loading
import Parallelism
import Resolution

/// What a successful build leaves for the next one: every file's stamp and,
/// for version files, a hash of what other entries and the book's outline
/// see of it (`VersionExports`); what links can reach; the findings; and for
/// each book, its chunks and the build-graph keys of its members. With it an
/// `IncrementalBuild` reads, checks and renders only what changed.
///
/// Kept as `record` in the store's folder, beside its values, with a SHA-256 of its
/// contents: a record that does not match is ignored and the build is full.
struct BuildRecord: Sendable {
    /// A hash of what the build was asked to do and with what (`BuildAction.requestHash`).
    var request: [UInt8]
    /// Every file of the source tree, sorted by path.
    var files: [FileRecord]
    /// Every entry, sorted by id.
    var entries: [EntryRecord]
    /// The findings before severity settings, which a later command line may change.
    var findings: [Diagnostic]
    var coverage: [Coverage]
    var books: [BookRecord]
    /// `CheckReport.fileCount`.
    var fileCount: Int

    struct FileRecord: Sendable {
        var path: String
        var stamp: FileStamp
        /// `VersionExports` of a version file; empty for other files.
        var exports: [UInt8]
        /// The version as `VersionSummary` encodes it (read only when an edit
        /// reaches beyond its chunk); empty for other files and for duplicates.
        var summary: [UInt8]
    }

    /// What a link to an entry reaches: its kind, and each version's title and section anchors.
    struct EntryRecord: Sendable {
        var id: EntryID
        var kind: String?
        var versions: [VersionRecord]
    }

    struct VersionRecord: Sendable {
        var language: LanguageTag
        var title: String
        var anchors: [String]
    }

    /// One book: where it goes, its chunks, and what it is made of: an
    /// EPUB's members in order, or the print page (`index.html`) and its chunks.
    struct BookRecord: Sendable {
        var edition: String
        var language: LanguageTag
        var format: OutputFormat
        /// The EPUB file, or the print folder.
        var destination: String
        var chunks: [ChunkRecord]
        var members: [MemberRecord]

        /// The content document of each entry the book holds.
        var fileOfEntry: [EntryID: String] {
            var files: [EntryID: String] = [:]
            for chunk in chunks { for id in chunk.entries { files[id] = chunk.file } }
            return files
        }
    }

    struct ChunkRecord: Sendable {
        var file: String
        var letter: String
        var entries: [EntryID]
        /// Each entry's `estimatedSize`, which decides where chunks are cut.
        var sizes: [Int]
    }

    struct MemberRecord: Sendable {
        var path: String
        /// The product in the build graph.
        var key: QueryKey
    }

    static let fileName = "record"
    private static let magic = Array("ASYLBR01".utf8)

    // MARK: Reading and writing

    static func read(from folder: URL) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        let bytes = [UInt8](data)
        let header = magic.count + SHA256.byteCount
        guard bytes.count >= header, Array(bytes[..<magic.count]) == magic,
              Array(SHA256.hash(data: bytes[header...])) == Array(bytes[magic.count..<header])
        else { return nil }
        var reader = ByteReader(Array(bytes[header...]))
        return try? decode(&reader)
    }

    /// Written atomically, so a crash leaves the old record or none.
    func write(to folder: URL) {
        var writer = ByteWriter()
        encode(&writer)
        let payload = writer.bytes
        try? FileSystem.writeAtomically(
            Self.magic + Array(SHA256.hash(data: payload)) + payload, to: folder.appendingPathComponent(Self.fileName).path)
    }

    /// Deletes the record: the next build is a full one.
    static func remove(from folder: URL) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(fileName))
    }

    private func encode(_ writer: inout ByteWriter) {
        writer.raw(request)
        writer.integer(files.count)
        for file in files {
            writer.string(file.path)
            for value in [file.stamp.size, file.stamp.modified, file.stamp.changed, file.stamp.inode] { writer.integer(value) }
            writer.raw(file.exports)
            writer.raw(file.summary)
        }
        writer.integer(entries.count)
        for entry in entries {
            writer.string(entry.id.rawValue)
            writer.optional(entry.kind) { $0.string($1) }
            writer.integer(entry.versions.count)
            for version in entry.versions {
                writer.string(version.language.rawValue)
                writer.string(version.title)
                writer.strings(version.anchors)
            }
        }
        writer.integer(findings.count)
        for finding in findings {
            writer.string(finding.rule.rawValue)
            writer.string(finding.severity.rawValue)
            Self.encode(finding.location, &writer)
            writer.string(finding.message)
            writer.integer(finding.notes.count)
            for note in finding.notes {
                writer.string(note.message)
                writer.optional(note.location) { Self.encode($1, &$0) }
            }
        }
        writer.integer(coverage.count)
        for item in coverage {
            writer.string(item.edition)
            writer.string(item.language.rawValue)
            writer.integer(item.entries)
            writer.strings(item.missing.map(\.rawValue))
        }
        writer.integer(fileCount)
        writer.integer(books.count)
        for book in books {
            writer.string(book.edition)
            writer.string(book.language.rawValue)
            writer.string(book.format.rawValue)
            writer.string(book.destination)
            writer.integer(book.chunks.count)
            for chunk in book.chunks {
                writer.string(chunk.file)
                writer.string(chunk.letter)
                writer.strings(chunk.entries.map(\.rawValue))
                writer.integer(chunk.sizes.count)
                chunk.sizes.forEach { writer.integer($0) }
            }
            writer.integer(book.members.count)
            for member in book.members {
                writer.string(member.path)
                writer.string(member.key.kind)
                writer.string(member.key.argument)
            }
        }
    }

    private static func decode(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> BuildRecord {
        let request = try reader.raw()
        let files = try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
            FileRecord(
                path: try reader.string(),
                stamp: FileStamp(size: try reader.integer(), modified: try reader.integer(), changed: try reader.integer(),
                                 inode: try reader.integer()),
                exports: try reader.raw(), summary: try reader.raw())
        }
        let entries = try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
            EntryRecord(
                id: EntryID(try reader.string()), kind: try reader.optional { reader throws(ByteReader.Malformed) in try reader.string() },
                versions: try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
                    VersionRecord(language: LanguageTag(try reader.string()), title: try reader.string(), anchors: try reader.strings())
                })
        }
        let findings = try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
            guard let rule = Rule(rawValue: try reader.string()), let severity = Severity(rawValue: try reader.string())
            else { throw ByteReader.Malformed() }
            let location = try decodeLocation(&reader)
            let message = try reader.string()
            let notes = try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
                Diagnostic.Note(try reader.string(), at: try reader.optional { reader throws(ByteReader.Malformed) in try decodeLocation(&reader) })
            }
            return Diagnostic(rule, message, at: location, severity: severity, notes: notes)
        }
        let coverage = try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
            Coverage(edition: try reader.string(), language: LanguageTag(try reader.string()), entries: try reader.integer(),
                     missing: try reader.strings().map { EntryID($0) })
        }
        let fileCount = try reader.integer()
        let books = try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
            let edition = try reader.string()
            let language = LanguageTag(try reader.string())
            guard let format = OutputFormat(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
            return BookRecord(
                edition: edition, language: language, format: format, destination: try reader.string(),
                chunks: try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
                    ChunkRecord(file: try reader.string(), letter: try reader.string(), entries: try reader.strings().map { EntryID($0) },
                                sizes: try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in try reader.integer() })
                },
                members: try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
                    MemberRecord(path: try reader.string(), key: QueryKey(kind: try reader.string(), argument: try reader.string()))
                })
        }
        guard reader.isAtEnd, isValid(files: files, entries: entries, books: books) else { throw ByteReader.Malformed() }
        return BuildRecord(
            request: request, files: files, entries: entries, findings: findings, coverage: coverage, books: books,
            fileCount: fileCount)
    }

    /// What the code that reads a record counts on, checked, since a record
    /// that hashes correctly may still have been written by anyone: paths and
    /// ids sorted and unique, every entry with a version, sizes that cannot
    /// overflow, each book's chunks and members named once.
    private static func isValid(files: [FileRecord], entries: [EntryRecord], books: [BookRecord]) -> Bool {
        func increasing(_ values: [String]) -> Bool { zip(values, values.dropFirst()).allSatisfy { $0 < $1 } }
        return increasing(files.map(\.path)) && increasing(entries.map(\.id.rawValue))
            && entries.allSatisfy { !$0.versions.isEmpty }
            && books.allSatisfy { book in
                Set(book.chunks.map(\.file)).count == book.chunks.count
                    && Set(book.members.map(\.path)).count == book.members.count
                    && book.chunks.allSatisfy { $0.sizes.count == $0.entries.count && $0.sizes.allSatisfy(ByteReader.sizes.contains) }
            }
    }

    private static func encode(_ location: SourceLocation, _ writer: inout ByteWriter) {
        writer.string(location.path)
        writer.optional(location.range) { writer, range in
            for value in [range.start.line, range.start.column, range.end.line, range.end.column] { writer.integer(value) }
        }
    }

    private static func decodeLocation(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> SourceLocation {
        SourceLocation(path: try reader.string(), range: try reader.optional { reader throws(ByteReader.Malformed) in try reader.range() })
    }
}

extension BuildRecord {
    /// The record of a build: `check`'s files, entries and findings. `known`:
    /// the exports of versions whose bodies were not read (they cannot be hashed again).
    init(request: [UInt8], check: CheckReport, coverage: [Coverage], books: [BookRecord], known: [String: [UInt8]] = [:]) {
        let versions = check.project.entries.flatMap(\.versions)
        let exports = Dictionary(uniqueKeysWithValues: zip(versions.map(\.path), versions.concurrentMap { version in
            version.bodySummary == nil ? VersionExports.hash(version) : known[version.path] ?? []
        }))
        let summaries = Dictionary(uniqueKeysWithValues: zip(versions.map(\.path), versions.concurrentMap(VersionSummary.encoded)))
        self.init(
            request: request,
            files: check.tree.stamps.keys.sorted().map { path in
                FileRecord(path: path, stamp: check.tree.stamps[path]!, exports: exports[path] ?? [], summary: summaries[path] ?? [])
            },
            entries: check.project.entries.map { entry in
                EntryRecord(id: entry.id, kind: entry.kind, versions: entry.versions.map { version in
                    VersionRecord(language: version.language, title: version.title, anchors: version.sectionAnchors)
                })
            },
            findings: check.raw, coverage: coverage, books: books, fileCount: check.fileCount)
    }

    /// Every version of the record, summarised; nil if a summary cannot be read.
    func summaryVersions() -> [Version]? {
        try? files.filter { !$0.summary.isEmpty }.map { file throws(ByteReader.Malformed) in
            var reader = ByteReader(file.summary)
            let version = try VersionSummary.decode(&reader)
            guard reader.isAtEnd, version.path == file.path, ByteReader.sizes.contains(version.estimatedSize)
            else { throw ByteReader.Malformed() }
            return version
        }
    }

    /// What links can reach, as the record keeps it.
    var targets: [EntryID: TargetIndex.Target] {
        var targets: [EntryID: TargetIndex.Target] = [:]
        for entry in entries {
            var target = TargetIndex.Target(kind: entry.kind, titles: [:], anchors: [:])
            for version in entry.versions {
                target.titles[version.language] = version.title
                target.anchors[version.language] = version.anchors
            }
            targets[entry.id] = target
        }
        return targets
    }
}
