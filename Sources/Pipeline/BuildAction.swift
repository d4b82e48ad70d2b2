import BuildGraph
import Diagnostics
import DocumentModel
import FileSystem
import Foundation
import Localisation
import NativeBridge
import Packaging
import Parallelism
import Resolution
import XMLSerialisation

/// `asyl build`: check, then for each edition and language plan the book,
/// serialise it to XML, transform it with the stylesheets and package it.
public struct BuildAction: Sendable {
    public var source: URL
    public var output: URL
    public var editions: [String]
    public var languages: [LanguageTag]
    public var formats: [OutputFormat]
    public var strict: Bool
    public var includeDrafts: Bool
    public var overrides: [Rule: RuleSetting]
    /// Fixes every date the outputs carry (SOURCE_DATE_EPOCH); nil: now.
    public var date: Date
    /// Asyl's own stylesheets, CSS and fonts.
    public var styles: URL
    /// Also write each book's intermediate XML to OUT/EDITION/xml-LANG/ (for stylesheet authors).
    public var emitXML: Bool
    /// Keep and reuse what earlier builds made, under OUT/.cache.
    public var useCache: Bool
    /// Index the web edition for its search page (Pagefind), when Pagefind is here.
    public var searchIndex: Bool
    /// Counts what the check and each book have done, as they go.
    public var progress: ProgressCounter?
    /// The builds this one follows in this process, whose graph it goes on from; nil: it reads the traces from the store.
    public var session: BuildSession?

    public init(
        source: URL, output: URL, editions: [String] = [], languages: [LanguageTag] = [], formats: [OutputFormat] = [],
        strict: Bool = false, includeDrafts: Bool = false, overrides: [Rule: RuleSetting] = [:], date: Date, styles: URL,
        emitXML: Bool = false, useCache: Bool = true, searchIndex: Bool = true, progress: ProgressCounter? = nil,
        session: BuildSession? = nil
    ) {
        self.progress = progress
        self.session = session
        self.emitXML = emitXML
        self.searchIndex = searchIndex
        self.useCache = useCache
        self.source = source
        self.output = output
        self.editions = editions
        self.languages = languages
        self.formats = formats
        self.strict = strict
        self.includeDrafts = includeDrafts
        self.overrides = overrides
        self.date = date
        self.styles = styles
    }

    /// A failure to write an output (a folder that is a file, a full disk, a
    /// read-only folder) is `BuildError.cannotWrite`, with the operating
    /// system's reason: not the input's fault (FORMAT.md §7, exit 3).
    public func run() throws -> BuildReport {
        do {
            return try build()
        } catch let failure as FileSystem.Failure {
            throw BuildError.cannotWrite(failure.path, failure.reason)
        } catch PackagingError.cannotWrite(let path, let reason) {
            throw BuildError.cannotWrite(path, reason)
        } catch let error as CocoaError {
            throw BuildError.cannotWrite(error.filePath ?? output.path, FileSystem.reason(error))
        }
    }

    private func build() throws -> BuildReport {
        let checking = CheckAction(source: source, overrides: overrides, progress: progress)
        let scan = try checking.scan()
        let outputExisted = FileSystem.kind(of: output.path) != nil
        let store = useCache ? Store(root: output.appendingPathComponent(".cache"), version: AsylVersion.store) : Store()
        var traces = StageClock()
        let graph = session?.begin(on: store) ?? PipelineGraph.make(store: store)
        // A build that stops half-way leaves what it made, all of it right, for the next.
        defer { session?.end(graph) }
        traces.lap("traces read")
        let check = checking.check(scan, in: graph)
        guard !check.failed(strict: strict) else {
            if outputExisted {
                // A session keeps its traces in memory.
                if session == nil { graph.save(keepingOthers: true) }
            } else if FileSystem.kind(of: output.path) == .directory {
                // A build that stops leaves no build folder it made: only its store would be in it.
                store.removeAll()
                FileSystem.remove(output.path)
            }
            return BuildReport(check: check)
        }
        var clock = StageClock()
        let configuration = check.configuration
        let selection = try BookSelection(
            editions: configuration.editions, named: editions, languages: languages, formats: formats)
        let stylesheets = try CompiledStylesheets(styles: styles, project: configuration, source: scan.root, output: output)
        graph.provide(stylesheets)
        try graph.set(RenderTools(), to: RenderTools.fingerprint(styles: stylesheets.folders))
        let rasteriser = selection.books.contains { $0.formats.contains(.epub) } ? CoverRasteriser.find() : nil
        if let rasteriser { graph.provide(rasteriser) }
        try graph.set(CoverTools(), to: Array((rasteriser?.version ?? "none").utf8))
        try graph.set(BuildOptions(), to: BuildOptions.Value(includeDrafts: includeDrafts))
        try graph.set(BuildDate(), to: Int64(date.timeIntervalSince1970.rounded(.down)))
        let pdfRenderer = selection.books.contains { $0.formats.contains(.pdf) } ? PDFRenderer.find(styles: styles) : nil
        let leaflet = LeafletFolder.find()
        try graph.set(LeafletFolder(), to: leaflet?.path)
        clock.lap("stylesheets")

        var report = BuildReport(check: check)
        var pdfs: [PDFBuilder.Job] = []
        // Whatever stops the build, no PDF's work folder stays behind.
        defer { for job in pdfs { try? FileManager.default.removeItem(at: job.work) } }
        for (edition, _, _) in selection.books {
            Leftovers.sweep(output.appendingPathComponent(edition.id))
            Leftovers.sweep(webLocation(edition.id).appendingPathComponent(WebPaths.asset("")))
        }
        for (edition, languages, formats) in selection.books {
            for language in languages where formats.contains(where: \.isBook) || formats.contains(.web) {
                guard let layout = try graph.value(BookLayout(EditionLanguage(edition: edition.id, language: language))) else {
                    continue
                }
                clock.lap("\(language): plan")
                report.coverage.append(Coverage(
                    edition: edition.id, language: language, entries: layout.entries, missing: layout.missing,
                    drafts: layout.drafts))
                for format in formats where format.isBook {
                    let book = BookName(edition: edition.id, language: language, format: format)
                    let destination = bookLocation(book)
                    switch format {
                    case .epub:
                        let xmlFolder = emitXML
                            ? output.appendingPathComponent(edition.id).appendingPathComponent("xml-\(language.rawValue)") : nil
                        try EPUBBuilder(
                            book: book, layout: layout, tree: scan.root, styles: styles, graph: graph, date: date, xmlFolder: xmlFolder,
                            progress: progress
                        ).write(to: destination)
                        report.outputs.append(destination)
                    case .print:
                        try PrintBuilder(
                            book: book, layout: layout, geometry: configuration.printGeometry, tree: scan.root, graph: graph,
                            styles: styles, progress: progress
                        ).write(to: destination)
                        report.outputs.append(destination.appendingPathComponent("index.html"))
                    case .records:
                        try RecordsBuilder(book: book, graph: graph).write(to: destination)
                        report.outputs.append(destination)
                    case .pdf:
                        guard let pdfRenderer else { throw BuildError.noPDFRenderer }
                        let print = PrintBuilder(
                            book: BookName(edition: edition.id, language: language, format: .print), layout: layout,
                            geometry: configuration.printGeometry, tree: scan.root, graph: graph, styles: styles, progress: progress)
                        if let job = try PDFBuilder(print: print, renderer: pdfRenderer, date: date).prepare(destination) {
                            pdfs.append(job)
                        }
                        report.outputs.append(destination)
                    case .web:
                        break
                    }
                }
                clock.lap("\(language): written")
            }
            // The web edition is one site of all the edition's languages, whichever `--lang` names.
            if formats.contains(.web) {
                let destination = webLocation(edition.id)
                let web = WebBuilder(
                    edition: edition, tree: scan.root, graph: graph, styles: styles, indexer: searchIndex ? SearchIndexer.find() : nil,
                    leaflet: leaflet, manifest: useCache ? output.appendingPathComponent(".cache/\(edition.id).web-manifest") : nil,
                    progress: progress, session: session)
                try web.write(to: destination)
                if searchIndex, web.indexer == nil {
                    report.notices.append(Message(.buildNoSearchIndex, ["edition": edition.id]))
                }
                if leaflet == nil {
                    report.notices.append(Message(.buildNoMap, ["edition": edition.id]))
                }
                report.outputs.append(destination.appendingPathComponent(WebPaths.page))
                clock.lap("\(edition.id): web")
                if edition.plaques != nil {
                    let plaques = output.appendingPathComponent(edition.id).appendingPathComponent("plaques")
                    try PlaqueBuilder(edition: edition.id, graph: graph, styles: styles, progress: progress).write(to: plaques)
                    report.outputs.append(plaques.appendingPathComponent("index.html"))
                    clock.lap("\(edition.id): plaques")
                }
            }
        }
        if let pdfRenderer, !pdfs.isEmpty {
            for (job, warnings) in try PDFBuilder.render(pdfs, renderer: pdfRenderer, date: date, graph: graph, progress: progress) {
                for (warning, count) in warnings {
                    let file = job.destination.lastPathComponent
                    report.notices.append(count == 1
                        ? Message(.buildPDFWarning, ["file": file, "warning": warning])
                        : Message(.buildPDFWarningRepeated, ["file": file, "warning": warning, "n": count]))
                }
            }
            clock.lap("PDF")
        }
        // After a build of everything, what it did not use is out of date. A session keeps its traces in memory.
        if session == nil { graph.save(keepingOthers: !isUnfiltered) }
        clock.lap("traces saved")
        report.explanations = graph.explanations
        // Freeing every product's value takes a while, and nothing waits for it (see `CheckAction.run`).
        DispatchQueue.global().async { [graph] in _ = graph }
        return report
    }

    /// Where a book goes: OUT/EDITION/EDITION.LANG.epub or .pdf, or the folder OUT/EDITION/print-LANG or records-LANG.
    func bookLocation(_ book: BookName) -> URL {
        let folder = output.appendingPathComponent(book.edition)
        switch book.format {
        case .epub: return folder.appendingPathComponent("\(book.edition).\(book.language.rawValue).epub")
        case .print: return folder.appendingPathComponent("print-\(book.language.rawValue)")
        case .records: return folder.appendingPathComponent("records-\(book.language.rawValue)")
        case .pdf: return folder.appendingPathComponent("\(book.edition).\(book.language.rawValue).pdf")
        case .web: return webLocation(book.edition)
        }
    }

    /// Where an edition's web site goes: the folder OUT/EDITION/web.
    func webLocation(_ edition: String) -> URL {
        output.appendingPathComponent(edition).appendingPathComponent("web")
    }

    var isUnfiltered: Bool { editions.isEmpty && languages.isEmpty && formats.isEmpty }
}

public struct BuildReport: Sendable {
    public var check: CheckReport
    public var outputs: [URL] = []
    public var coverage: [Coverage] = []
    /// What the build graph made again, and why (`asyl build --why`).
    public var explanations: [Explanation] = []
    /// What the build could not do, though it wrote its outputs (a web edition without its search index).
    public var notices: [Message] = []
}

/// How much of an edition a language's book holds.
public struct Coverage: Sendable {
    public var edition: String
    public var language: LanguageTag
    public var entries: Int
    public var missing: [EntryID]
    /// Versions in this language marked `draft`, left out without `--drafts`.
    public var drafts: [EntryID]
}

public enum BuildError: Error, CustomStringConvertible {
    case unknownEdition(String, [String])
    case unknownLanguage(String, [String], [String])
    case formatNotBuilt(String, [String], [String])
    case nothingSelected([String])
    case stylesNotFound(String)
    /// libxslt's own words on a stylesheet that does not compile.
    case stylesheet(XMLError)
    /// A file the build must carry (a figure, a font) cannot be read.
    case cannotRead(String)
    /// Two pages of a web edition at one path: the edition and the path.
    case webPagesCollide(String, String)
    case plaqueAddressTooLong(String)
    /// print.xsl placed this many of the book's chunks.
    case printChunksPlaced(Int, of: Int)
    /// What Asyl's own products found wrong with one another: a bug to report, in a developer's words.
    case internalInconsistency(String)
    case searchIndex(String)
    /// A cover could not be drawn: what the rasteriser said.
    case cover(String)
    /// A book's cover is to be drawn and there is no rasteriser.
    case noRasteriser
    /// A PDF could not be rendered: what WeasyPrint said.
    case pdf(String)
    /// A PDF is to be made and no Python here has WeasyPrint.
    case noPDFRenderer
    /// An output could not be written: the path and the operating system's reason.
    case cannotWrite(String, String)

    public var message: Message {
        switch self {
        case .unknownEdition(let id, let known):
            Message(.buildUnknownEdition, ["id": id, "known": known.joined(separator: ", ")])
        case .unknownLanguage(let tag, let offered, let editions):
            Message(.buildUnknownLanguage, ["tag": tag, "editions": Self.editions(editions), "languages": offered.joined(separator: ", ")])
        case .formatNotBuilt(let format, let offered, let editions):
            Message(.buildFormatNotBuilt, [
                "editions": Self.editions(editions), "count": editions.count, "format": format,
                "formats": offered.joined(separator: ", "),
            ])
        case .nothingSelected(let editions):
            Message(.buildNothingSelected, ["editions": editions.joined(separator: "; ")])
        case .stylesNotFound(let path): Message(.buildStylesNotFound, ["path": path])
        case .stylesheet(let error): Message(.buildStylesheet, ["reason": error.message])
        case .cannotRead(let path): Message(.buildCannotRead, ["path": path])
        case .webPagesCollide(let edition, let path): Message(.buildWebPagesCollide, ["edition": edition, "path": path])
        case .plaqueAddressTooLong(let address): Message(.buildPlaqueAddressTooLong, ["address": address])
        case .printChunksPlaced(let placed, let count): Message(.buildPrintChunksPlaced, ["placed": placed, "count": count])
        case .internalInconsistency(let detail): Message(.buildInternal, ["detail": detail])
        case .searchIndex(let message): Message(.buildSearchIndex, ["reason": message])
        case .cover(let message): Message(.buildCover, ["reason": message])
        case .noRasteriser: Message(.buildNoRasteriser)
        case .pdf(let message): Message(.buildPDF, ["reason": message])
        case .noPDFRenderer: Message(.buildNoPDFRenderer)
        case .cannotWrite(let path, let reason): Message(.cannotWrite, ["path": path, "reason": reason])
        }
    }

    public var description: String { message.english }

    private static func editions(_ ids: [String]) -> Message {
        Message(.buildEditions, ["count": ids.count, "ids": ids.joined(separator: ", ")])
    }
}

/// The compiled stylesheets: for each driver, the project's own
/// (`styles/epub.xsl`, importing Asyl's as `asyl:epub.xsl`) if it has one, else Asyl's.
struct CompiledStylesheets: Sendable {
    let epub: XSLTStylesheet
    let print: XSLTStylesheet
    let web: XSLTStylesheet
    let plaque: XSLTStylesheet
    let records: XSLTStylesheet
    let styles: URL
    /// The project's own styles folder, when it has one inside the source tree.
    let projectStyles: URL?

    init(styles: URL, project: ProjectConfiguration, source: URL, output: URL) throws {
        guard FileManager.default.fileExists(atPath: styles.appendingPathComponent("epub.xsl").path) else {
            throw BuildError.stylesNotFound(styles.path)
        }
        let projectStyles = Self.projectStyles(project, source: source)
        XMLSettings.setStylesDirectory(styles.path, readable: projectStyles.map { [$0.path] } ?? [])
        func compile(_ driver: String) throws -> XSLTStylesheet {
            var path = styles.appendingPathComponent(driver).path
            if let custom = projectStyles?.appendingPathComponent(driver), FileManager.default.fileExists(atPath: custom.path) {
                path = custom.path
            }
            do {
                return try XSLTStylesheet(path: path)
            } catch {
                throw BuildError.stylesheet(error)
            }
        }
        epub = try compile("epub.xsl")
        print = try compile("print.xsl")
        web = try compile("web.xsl")
        plaque = try compile("plaque.xsl")
        records = try compile("records.xsl")
        self.styles = styles
        self.projectStyles = projectStyles
    }

    /// Every folder whose files the stylesheets may read.
    var folders: [URL] { [styles] + (projectStyles.map { [$0] } ?? []) }

    /// The project's styles folder; it counts only if it really lies inside the source tree.
    static func projectStyles(_ project: ProjectConfiguration, source: URL) -> URL? {
        guard let folder = project.stylesDirectory else { return nil }
        let real = source.appendingPathComponent(folder).standardizedFileURL.resolvingSymlinksInPath()
        return real.path.hasPrefix(source.path + "/") ? real : nil
    }
}
