import BuildGraph
import Checking
import Diagnostics
import DocumentModel
import Foundation
import Loading
import Localisation
import Parsing
import Resolution

/// An incremental build for an edit that reaches beyond its own chunk (a
/// headword, a fact, a heading, a link, a citation, an image): the entries
/// not read again come from the record's `VersionSummary`s, which plan,
/// outline and check across entries as the whole versions do. It reads the
/// changed entries, the entries that link to them (their link text and
/// findings depend on them), and the entries of every chunk that must be
/// rendered again; every other chunk is taken from the store.
struct SummaryBuild {
    let action: BuildAction
    let changes: IncrementalCheck.Changes

    private var record: BuildRecord { changes.record }

    func run() throws -> BuildReport {
        var clock = StageClock()
        guard var (reading, check) = SummaryCheck.run(
            changes, action: CheckAction(source: action.source, overrides: action.overrides))
        else { throw WholeTreeReason("the record's summaries of the entries cannot be read") }
        guard !check.failed(strict: action.strict) else { return BuildReport(check: check) }
        let dependents = reading.full

        // Plan every book; the chunks to render again decide what else to read.
        let sizes = recordedSizes()
        var unknownSize: [LanguageTag: Set<EntryID>] = [:]
        let adjust = { (project: ResolvedProject, language: LanguageTag) -> ResolvedProject in
            var project = project
            var unknown: Set<EntryID> = []
            for index in project.entries.indices {
                guard let position = project.entries[index].versions.firstIndex(where: { $0.language == language }),
                      project.entries[index].versions[position].bodySummary != nil
                else { continue }
                let id = project.entries[index].id
                if let size = sizes[language]?[id] {
                    project.entries[index].versions[position].bodySummary!.estimatedSize = size
                } else if project.configuration.derivedLanguages.contains(where: { $0.tag == language }) {
                    unknown.insert(id)
                }
            }
            unknownSize[language] = unknown
            return project
        }
        var books = try action.plan(reading.project, adjust: adjust)
        var render: [Int: [OutputFormat: Set<String>]] = [:]
        var needed: Set<EntryID> = []
        for (index, book) in books.enumerated() {
            // A derived version whose size was never recorded cannot be cut into chunks without its body.
            if book.plan.entries.contains(where: { unknownSize[book.language]?.contains($0.entry.id) ?? false }) {
                throw WholeTreeReason("a \(book.language) version made from another language has no recorded size")
            }
            for format in book.formats {
                let files = chunksToRender(book, format: format, reading: reading, changed: dependents)
                render[index, default: [:]][format] = files
                for chunk in book.plan.chunks where files.contains(chunk.file) {
                    needed.formUnion(book.plan.entries[chunk.entries].map(\.entry.id))
                }
            }
        }
        let unread = needed.subtracting(reading.full)
        if !unread.isEmpty {
            reading.read(unread)
            books = try action.plan(reading.project, adjust: adjust)
        }
        clock.lap("incremental: \(reading.full.count) entries read, books planned")
        // The chunks' other entries were read for their bodies; the check stays as it was, as it would be again.
        check.project = reading.project
        var known: [String: [UInt8]] = [:]
        for file in record.files { known[file.path] = file.exports }
        let recorded = recordedChunks()
        do {
            return try action.build(check, books: books, reuse: { book, format in
                guard let index = books.firstIndex(where: { $0.edition.id == book.edition.id && $0.language == book.language }),
                      let files = recorded[BookName(edition: book.edition.id, language: book.language, format: format)]
                else { return [] }
                return files.subtracting(render[index]?[format] ?? [])
            }, known: known)
        } catch GraphError.inputNotSet(let key) {
            // A chunk counted on as unchanged is not in the store: the full build makes it.
            throw WholeTreeReason("\(key) is needed again and its document was not read")
        }
    }

    /// The chunks of a book that differ from the recorded ones: new or cut
    /// differently, holding an entry read again because it or what it links
    /// to changed, or holding an entry that links to one now in another file.
    private func chunksToRender(
        _ book: BuildAction.PlannedBook, format: OutputFormat, reading: SummaryReading, changed: Set<EntryID>
    ) -> Set<String> {
        guard let recorded = record.books.first(where: {
            $0.edition == book.edition.id && $0.language == book.language && $0.format == format
        }) else { return Set(book.plan.chunks.map(\.file)) }
        let recordedFile = recorded.fileOfEntry
        let recordedChunk = Dictionary(recorded.chunks.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var moved: Set<EntryID> = []
        for planned in book.plan.entries where recordedFile[planned.entry.id] != book.plan.file(of: planned.entry.id) {
            moved.insert(planned.entry.id)
        }
        for (id, _) in recordedFile where book.plan.file(of: id) == nil { moved.insert(id) }
        let affected = moved.isEmpty ? changed : changed.union(reading.linking(to: moved))
        var files: Set<String> = []
        for chunk in book.plan.chunks {
            let ids = book.plan.entries[chunk.entries].map(\.entry.id)
            if recordedChunk[chunk.file]?.entries != ids || recordedChunk[chunk.file]?.letter != chunk.letter
                || ids.contains(where: affected.contains) {
                files.insert(chunk.file)
            }
        }
        return files
    }

    /// For each language, the size of each entry as its books recorded it.
    private func recordedSizes() -> [LanguageTag: [EntryID: Int]] {
        var sizes: [LanguageTag: [EntryID: Int]] = [:]
        for book in record.books {
            for chunk in book.chunks {
                for (id, size) in zip(chunk.entries, chunk.sizes) { sizes[book.language, default: [:]][id] = size }
            }
        }
        return sizes
    }

    /// For each book, the chunk files it recorded.
    private func recordedChunks() -> [BookName: Set<String>] {
        var chunks: [BookName: Set<String>] = [:]
        for book in record.books {
            chunks[BookName(edition: book.edition, language: book.language, format: book.format)] = Set(book.chunks.map(\.file))
        }
        return chunks
    }
}

/// A check over the record's summaries: the changed entries and those that
/// link to them are read and checked; findings in the files read are made
/// afresh, those of `summaryRules` over every entry, the rest come from the record.
enum SummaryCheck {
    /// Rules whose findings are made afresh over the whole project from the summaries.
    static let summaryRules = Rule.scoped([.interfaces])
    /// Rules whose findings only a read of the project file makes; they come from the record.
    static let recordRules = Rule.scoped([.configuration])

    static func run(_ changes: IncrementalCheck.Changes, action: CheckAction) -> (SummaryReading, CheckReport)? {
        var clock = StageClock()
        guard let summaries = changes.record.summaryVersions() else { return nil }
        var reading = SummaryReading(changes: changes, summaries: summaries)
        // The changed entries, then those that link to them.
        reading.read(changes.entries)
        reading.read(reading.linking(to: changes.entries))
        let record = changes.record
        // An entry added or removed changes what "did you mean" suggests for links to no entry.
        if changes.addsOrRemoves {
            reading.read(Set(record.findings.filter { $0.rule == .brokenLink }.compactMap { finding in
                IncrementalCheck.versionFileName(finding.location.path).map { EntryID($0.id) }
            }))
        }
        // The files read, and the recorded files of the entries read (a removed file's findings go with it).
        var covered = reading.files
        for file in record.files {
            if let name = IncrementalCheck.versionFileName(file.path), reading.full.contains(EntryID(name.id)) {
                covered.insert(file.path)
            }
        }
        let fresh = (reading.diagnostics + Checker.check(reading.project)).filter { finding in
            summaryRules.contains(finding.rule) || (covered.contains(finding.location.path) && !recordRules.contains(finding.rule))
        }
        let kept = record.findings.filter { finding in
            recordRules.contains(finding.rule) || (!summaryRules.contains(finding.rule) && !covered.contains(finding.location.path))
        }
        let raw = kept + fresh
        var report = CheckReport(
            diagnostics: action.apply(to: raw, configuration: reading.project.configuration), tree: reading.tree,
            project: reading.project, translations: TranslationMatrix(reading.project),
            fileCount: fileCount(changes, reading: reading, findings: raw), raw: raw)
        report.tree = IncrementalCheck.quoting(report, scan: changes.scan)
        clock.lap("incremental: changed and linking entries read (\(reading.full.count) entries)")
        return (reading, report)
    }

    /// `CheckReport.fileCount` as a read of the whole tree counts it: every
    /// version file that could be read, the project file and the sources.
    private static func fileCount(_ changes: IncrementalCheck.Changes, reading: SummaryReading, findings: [Diagnostic]) -> Int {
        let versionFiles = changes.scan.stamps.keys.filter { IncrementalCheck.versionFileName($0) != nil }.count
        let unreadable = Set(findings.filter { $0.rule == .unreadableFile }.map(\.location.path))
            .filter { IncrementalCheck.versionFileName($0) != nil }.count
        return versionFiles - unreadable + (reading.tree.projectFile == nil ? 0 : 1) + (reading.tree.sourcesFile == nil ? 0 : 1)
    }
}

/// The project as far as it has been read: whole versions for the entries
/// read, summaries for the rest, resolved together.
struct SummaryReading {
    let changes: IncrementalCheck.Changes
    let summaries: [Version]
    private(set) var full: Set<EntryID> = []
    private(set) var versions: [Version] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var files: Set<String> = []
    private(set) var tree: SourceTree
    private(set) var project: ResolvedProject
    private let parsed: ParsedProject

    init(changes: IncrementalCheck.Changes, summaries: [Version]) {
        self.changes = changes
        self.summaries = summaries
        tree = SourceTreeLoader().load(changes.scan, only: [])
        // The project file and the sources, read once.
        parsed = ProjectParser.parse(tree)
        project = Self.resolve(summaries, parsed, files: tree.allFiles)
    }

    /// Reads every version of `entries` and resolves the project again.
    mutating func read(_ entries: Set<EntryID>) {
        let new = entries.subtracting(full)
        guard !new.isEmpty else { return }
        var paths: [String] = []
        // The scanned files, not the recorded ones: a version file may have been added.
        for path in changes.scan.stamps.keys where path.hasPrefix("entries/") {
            let name = IncrementalCheck.fileName(path)
            if new.contains(EntryID(String(name.prefix { $0 != "." }))), VersionFileName(name) != nil { paths.append(path) }
        }
        let read = SourceTreeLoader().load(changes.scan, only: paths)
        let parsed = ProjectParser.parse(read)
        let reading = Set(paths)
        full.formUnion(new)
        files.formUnion(reading)
        versions += parsed.versions
        // The project file's and the sources' findings come from the record.
        diagnostics += parsed.diagnostics.filter { reading.contains($0.location.path) }
        tree.versionFiles = (tree.versionFiles + read.versionFiles).sorted { $0.path < $1.path }
        tree.diagnostics += read.diagnostics
        let languages = project.configuration.languages
        func order(_ version: Version) -> (String, Int, String) {
            (version.id.rawValue, languages.firstIndex(of: version.language) ?? languages.count, version.path)
        }
        let all = (summaries.filter { !full.contains($0.id) } + versions).sorted { order($0) < order($1) }
        project = Self.resolve(all, self.parsed, files: tree.allFiles)
    }

    /// The entries with a version that links to one of `ids`, in its body or its facts.
    func linking(to ids: Set<EntryID>) -> Set<EntryID> {
        Set(project.entries.filter { entry in entry.versions.contains { !$0.linkedEntries.isDisjoint(with: ids) } }.map(\.id))
    }

    private static func resolve(_ versions: [Version], _ parsed: ParsedProject, files: Set<String>) -> ResolvedProject {
        Resolver.resolve(versions: versions, configuration: parsed.configuration, bibliography: parsed.bibliography, files: files)
    }
}
