import BuildGraph
import Diagnostics
import DocumentModel
import FileSystem
import Foundation
import Loading
import Localisation
import NativeBridge
import Packaging
import Parallelism
import Parsing
import Resolution
import XMLSerialisation

/// A build that starts from the last one's `BuildRecord`: it stats every
/// file, reads only the entries whose files changed (and the other entries
/// of the chunks they are in), checks those, renders those chunks, and
/// writes the books from the store. A change that could reach beyond
/// its own entry's chunk goes to `SummaryBuild`: a version file added or
/// removed, a version whose `VersionExports` changed (headword, facts,
/// anchors, links, citations, images), or a size that moves a chunk's cut.
/// Any other change (the project file, the sources, an image, a stylesheet)
/// needs the full build. What it makes is what the full build would make
/// (tested byte for byte).
struct IncrementalBuild {
    let action: BuildAction

    /// The build's report; throws `WholeTreeReason` when the full build must run.
    func run() throws -> BuildReport {
        var clock = StageClock()
        // The store is opened (and made) only once a record says there was a build to start from.
        let changes = try IncrementalCheck.changes(of: action.source, since: action.storeLocation)
        let store = action.makeStore()
        guard let folder = store.location else { throw WholeTreeReason("the store under the output folder cannot be opened") }
        let record = changes.record
        clock.lap("incremental: scan")

        // The configuration tells which books derive from the changed languages.
        guard let projectFile = SourceTreeLoader().load(changes.scan, only: []).projectFile else {
            throw WholeTreeReason("asyl.yaml cannot be read")
        }
        let configuration = ConfigurationParser.parse(projectFile).0
        let stylesheets = try CompiledStylesheets(
            styles: action.styles, project: configuration, source: changes.scan.root, output: action.output)
        let tools = RenderTools.fingerprint(styles: stylesheets.folders)
        guard action.requestHash(tools) == record.request else {
            throw WholeTreeReason("the last build was asked for another date, edition, language or format, or with other stylesheets")
        }
        let graph = PipelineGraph.build(store: store, stylesheets: stylesheets)
        try graph.set(RenderTools(), to: tools)

        // The chunks that hold a changed entry, in the books of its language.
        var rendered: [(book: Int, chunk: Int)] = []
        for (bookIndex, book) in record.books.enumerated() {
            let source = configuration.derivedLanguages.first { $0.tag == book.language }?.source ?? book.language
            guard changes.languages.contains(source.rawValue) else { continue }
            for (chunkIndex, chunk) in book.chunks.enumerated() where chunk.entries.contains(where: changes.entries.contains) {
                rendered.append((bookIndex, chunkIndex))
            }
        }
        var others: Set<EntryID> = []
        for (book, chunk) in rendered { others.formUnion(record.books[book].chunks[chunk].entries) }
        guard let checked = IncrementalCheck.check(
            changes, reading: others, action: CheckAction(source: action.source, overrides: action.overrides))
        else { return try SummaryBuild(action: action, changes: changes).run() }
        let check = checked.report
        let project = checked.project
        var report = BuildReport(check: check)
        clock.lap("incremental: read and check \(check.tree.versionFiles.count) files")
        guard !check.failed(strict: action.strict) else { return report }

        guard let books = try render(rendered, of: record, project: project, graph: graph) else {
            return try SummaryBuild(action: action, changes: changes).run()
        }
        clock.lap("incremental: \(rendered.count) chunks")
        // Everything is taken from the store before anything is written, so a missing value changes nothing.
        var members: [[ZIPMember]] = []
        for book in books {
            // A record is a cache, not an authority: it may only name the places this build would write to.
            guard book.destination == action.bookLocation(edition: book.edition, language: book.language, format: book.format).path
            else { throw WholeTreeReason("the record names a book this build would not write") }
            var made: [ZIPMember] = []
            let name = BookName(edition: book.edition, language: book.language, format: book.format)
            for member in book.members {
                // Only this book's own products, each the member it is recorded as.
                guard RenderProducts.isMember(member.key, of: name),
                      let stored = (try? graph.value(forKey: member.key)) as? ZIPMember, stored.path == member.path
                else { throw WholeTreeReason("\(member.key) is not in the store") }
                made.append(stored)
            }
            // The print folder's other files (CSS, fonts, images) are kept; they are made from nothing that changed.
            if book.format == .print,
               !FileManager.default.fileExists(atPath: URL(fileURLWithPath: book.destination).appendingPathComponent("print.css").path) {
                throw WholeTreeReason("\(book.destination) has no print.css")
            }
            members.append(made)
        }
        for (book, made) in zip(books, members) {
            let destination = URL(fileURLWithPath: book.destination)
            switch book.format {
            case .epub: try EPUBPackager.write(made, to: destination, date: action.date)
            case .print: try writePage(made, chunks: book.chunks.map(\.file), into: destination)
            }
        }
        clock.lap("incremental: write")

        // The changed versions' summaries change with their bodies (their size, their images' alt text).
        var summaries: [String: [UInt8]] = [:]
        for entry in project.entries where changes.entries.contains(entry.id) {
            for version in entry.versions { summaries[version.path] = VersionSummary.encoded(version) }
        }
        var next = record
        next.files = record.files.map { file in
            var file = file
            file.stamp = changes.scan.stamps[file.path]!
            if let summary = summaries[file.path] { file.summary = summary }
            return file
        }
        next.findings = check.raw
        next.books = books
        if graph.save(keepingOthers: !action.isUnfiltered) { next.write(to: folder) } else { BuildRecord.remove(from: folder) }
        report.explanations = graph.explanations
        report.outputs = books.map { book in
            let destination = URL(fileURLWithPath: book.destination)
            return book.format == .epub ? destination : destination.appendingPathComponent("index.html")
        }
        report.coverage = record.coverage
        return report
    }

    /// A print book's `index.html` from its page and chunks (`members`, in
    /// the recorded order), written beside the old one and renamed over it.
    private func writePage(_ members: [ZIPMember], chunks: [String], into folder: URL) throws {
        let pieces = Dictionary(members.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        guard let page = pieces[PrintPiece.page]?.contents else { throw BuildError.stylesheet("the print page in the store is damaged") }
        let index = folder.appendingPathComponent("index.html")
        let temporary = folder.appendingPathComponent(".index.html.\(ProcessInfo.processInfo.processIdentifier).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try PrintBuilder.writePage(page, chunks: Set(chunks), to: temporary) { file in
            guard let bytes = pieces[file]?.contents else { throw BuildError.stylesheet("print chunk \(file) in the store is damaged") }
            return bytes
        }
        try FileSystem.replace(index.path, with: temporary.path)
    }


    /// The recorded books with the chunks changed entries are in rendered
    /// again; nil when a size change moves where a letter's chunks are cut.
    private func render(
        _ chunks: [(book: Int, chunk: Int)], of record: BuildRecord, project: ResolvedProject, graph: Graph
    ) throws -> [BuildRecord.BookRecord]? {
        var books = record.books
        var derived: [LanguageTag: ResolvedProject] = [:]
        var jobs: [ChunkJob] = []
        var files: [Int: [EntryID: String]] = [:]
        for (bookIndex, chunkIndex) in chunks {
            let book = record.books[bookIndex]
            var project = project
            if let language = project.configuration.derivedLanguages.first(where: { $0.tag == book.language }) {
                project = derived[book.language] ?? DerivedLanguages.derive(project, language)
                derived[book.language] = project
            }
            let chunk = book.chunks[chunkIndex]
            var planned: [PlannedEntry] = []
            for id in chunk.entries {
                guard let entry = project[id], let version = entry.version(book.language) else { return nil }
                planned.append(PlannedEntry(entry: entry, version: version, letter: chunk.letter))
            }
            books[bookIndex].chunks[chunkIndex].sizes = planned.map(\.version.estimatedSize)
            guard let edition = project.configuration.editions.first(where: { $0.id == book.edition }) else { return nil }
            if files[bookIndex] == nil { files[bookIndex] = book.fileOfEntry }
            let plan = BookPlan(
                edition: edition, language: book.language, entries: planned,
                letters: [LetterGroup(letter: chunk.letter, chunks: [Chunk(file: chunk.file, letter: chunk.letter, entries: 0..<planned.count)])],
                missing: [], fileOfEntry: files[bookIndex]!)
            jobs.append(ChunkJob(book: bookIndex, format: book.format, file: chunk.file, plan: plan, project: project))
        }
        // A letter's chunks must be cut where they were, or the outline changes.
        for bookIndex in Set(chunks.map(\.book)) {
            let book = books[bookIndex]
            for letter in Set(chunks.filter { $0.book == bookIndex }.map { book.chunks[$0.chunk].letter }) {
                let group = book.chunks.filter { $0.letter == letter }
                let cuts = BookPlanner.cut(group.flatMap(\.sizes))
                guard cuts.map(\.count) == group.map(\.entries.count) else { return nil }
            }
        }
        let date = action.date
        let made = try jobs.concurrentMap(batch: 1) { job in
            Result { () throws -> (path: String, key: QueryKey) in
                let book = BookName(edition: job.plan.edition.id, language: job.plan.language, format: job.format)
                let serialiser = BookSerialiser(
                    plan: job.plan, project: job.project, modified: date, resources: [], fontLicence: "",
                    forPrint: job.format == .print)
                try graph.set(DocumentXML(book: book, name: job.file), to: serialiser.chunk(job.plan.chunks[0]).serialized())
                switch job.format {
                case .epub:
                    let member = ChunkMember(book: book, name: job.file)
                    return (try graph.value(member).path, member.key)
                case .print:
                    let piece = PrintPiece(book: book, name: job.file)
                    _ = try graph.value(piece)
                    return (job.file, piece.key)
                }
            }
        }.map { try $0.get() }
        for (job, result) in zip(jobs, made) {
            guard let index = books[job.book].members.firstIndex(where: { $0.path == result.path }) else { return nil }
            books[job.book].members[index].key = result.key
        }
        return books
    }

    private struct ChunkJob: Sendable {
        var book: Int
        var format: OutputFormat
        var file: String
        var plan: BookPlan
        var project: ResolvedProject
    }


}
