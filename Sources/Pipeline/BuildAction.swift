import BuildGraph
import Diagnostics
import DocumentModel
import Crypto
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

    public init(
        source: URL, output: URL, editions: [String] = [], languages: [LanguageTag] = [], formats: [OutputFormat] = [],
        strict: Bool = false, includeDrafts: Bool = false, overrides: [Rule: RuleSetting] = [:], date: Date, styles: URL,
        emitXML: Bool = false, useCache: Bool = true
    ) {
        self.emitXML = emitXML
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

    public func run() throws -> BuildReport {
        var reason = useCache ? "--emit-xml writes every document" : "--no-cache"
        if useCache, !emitXML {
            do {
                return try IncrementalBuild(action: self).run()
            } catch let fallback as WholeTreeReason {
                reason = fallback.description
            }
        }
        var checking = CheckAction(source: source, overrides: overrides, buildFolder: useCache ? output : nil)
        checking.wholeProject = true
        checking.makesBuildFolder = true
        let outputExisted = FileSystem.kind(of: output.path) != nil
        let check = try checking.run()
        if check.failed(strict: strict), !outputExisted, FileSystem.kind(of: output.path) == .directory,
           let folder = checking.storeFolder {
            // A build that stops leaves no build folder it made: only the check's store would be in it.
            Store(root: folder.appendingPathComponent(".cache"), version: AsylVersion.string).removeAll()
            FileSystem.remove(output.path)
        }
        var report = check.failed(strict: strict) ? BuildReport(check: check) : try build(check, books: plan(check.project))
        report.wholeTreeReason = reason
        return report
    }

    /// One book to make: an edition in a language, planned, and the project it
    /// is planned from (a derived language's, for one).
    struct PlannedBook: Sendable {
        var edition: Edition
        var language: LanguageTag
        var project: ResolvedProject
        var plan: BookPlan
        var formats: [OutputFormat]
    }

    /// Plans every book the build asks for. `adjust` changes a language's project
    /// before it is planned (an incremental build gives summarised versions
    /// their recorded sizes).
    func plan(
        _ project: ResolvedProject, adjust: (ResolvedProject, LanguageTag) throws -> ResolvedProject = { project, _ in project }
    ) throws -> [PlannedBook] {
        var clock = StageClock()
        let known = project.configuration.editions.map(\.id)
        if let unknown = editions.first(where: { !known.contains($0) }) {
            throw BuildError.unknownEdition(unknown, known)
        }
        var projects: [LanguageTag: ResolvedProject] = [:]
        var books: [PlannedBook] = []
        for edition in project.configuration.editions where editions.isEmpty || editions.contains(edition.id) {
            for language in edition.languages where languages.isEmpty || languages.contains(language) {
                if projects[language] == nil {
                    var derivedProject = project
                    if let derived = project.configuration.derivedLanguages.first(where: { $0.tag == language }) {
                        derivedProject = DerivedLanguages.derive(project, derived)
                    }
                    projects[language] = try adjust(derivedProject, language)
                }
                let project = projects[language]!
                // The derived project's edition carries the derived language's title.
                let edition = project.configuration.editions.first { $0.id == edition.id } ?? edition
                let plan = BookPlanner.plan(project, edition: edition, language: language, includeDrafts: includeDrafts)
                clock.lap("\(language): plan")
                books.append(PlannedBook(
                    edition: edition, language: language, project: project, plan: plan,
                    formats: edition.formats.filter { formats.isEmpty || formats.contains($0) }))
            }
        }
        return books
    }

    /// Makes the planned books and records the build. `reuse`: for a book in a
    /// format, the chunks known unchanged (by file); `known`: the exports of
    /// versions whose bodies were not read.
    func build(
        _ check: CheckReport, books planned: [PlannedBook],
        reuse: (PlannedBook, OutputFormat) -> Set<String> = { _, _ in [] }, known: [String: [UInt8]] = [:]
    ) throws -> BuildReport {
        var clock = StageClock()
        var report = BuildReport(check: check)
        let stylesheets = try CompiledStylesheets(
            styles: styles, project: check.project.configuration, source: check.tree.root, output: output)
        let store = makeStore()
        let graph = PipelineGraph.build(store: store, stylesheets: stylesheets)
        let tools = RenderTools.fingerprint(styles: stylesheets.folders)
        try graph.set(RenderTools(), to: tools)
        var books: [BuildRecord.BookRecord] = []
        func record(_ format: OutputFormat, _ destination: URL, _ plan: BookPlan, _ members: [BuildRecord.MemberRecord]) {
            books.append(BuildRecord.BookRecord(
                edition: plan.edition.id, language: plan.language, format: format, destination: destination.path,
                chunks: plan.chunks.map { chunk in
                    let entries = plan.entries[chunk.entries]
                    return BuildRecord.ChunkRecord(
                        file: chunk.file, letter: chunk.letter, entries: entries.map(\.entry.id),
                        sizes: entries.map(\.version.estimatedSize))
                },
                members: members))
        }
        for book in planned {
            let (edition, language, project, plan) = (book.edition, book.language, book.project, book.plan)
            report.coverage.append(Coverage(edition: edition.id, language: language, entries: plan.entries.count, missing: plan.missing))
            for format in book.formats {
                switch format {
                case .epub:
                    let destination = bookLocation(edition: edition.id, language: language, format: .epub)
                    let xmlFolder = emitXML
                        ? output.appendingPathComponent(edition.id).appendingPathComponent("xml-\(language.rawValue)") : nil
                    var builder = EPUBBuilder(
                        plan: plan, project: project, tree: check.tree.root, stylesheets: stylesheets, graph: graph, date: date,
                        xmlFolder: xmlFolder)
                    builder.reuse = reuse(book, .epub)
                    let members = try builder.write(to: destination)
                    report.outputs.append(destination)
                    record(.epub, destination, plan, members)
                case .print:
                    let folder = bookLocation(edition: edition.id, language: language, format: .print)
                    var builder = PrintBuilder(
                        plan: plan, project: project, tree: check.tree.root, graph: graph, styles: styles, date: date)
                    builder.reuse = reuse(book, .print)
                    let members = try builder.write(to: folder)
                    report.outputs.append(folder.appendingPathComponent("index.html"))
                    record(.print, folder, plan, members)
                }
            }
            clock.lap("\(language): written")
        }
        // After a build of everything, what it did not use is out of date. The
        // next build can start from this one's record, which counts on the traces.
        let saved = graph.save(keepingOthers: !isUnfiltered)
        if let folder = store.location {
            if emitXML || !saved {
                BuildRecord.remove(from: folder)
            } else {
                BuildRecord(request: requestHash(tools), check: check, coverage: report.coverage, books: books, known: known)
                    .write(to: folder)
            }
        }
        report.explanations = graph.explanations
        return report
    }

    /// Where the store under OUT/.cache is, without making it.
    var storeLocation: URL { Self.storeLocation(output: output) }

    static func storeLocation(output: URL) -> URL {
        Store.location(root: output.appendingPathComponent(".cache"), version: AsylVersion.string)
    }

    /// The store under OUT/.cache, or an empty one for `--no-cache`.
    func makeStore() -> Store {
        useCache ? Store(root: output.appendingPathComponent(".cache"), version: AsylVersion.string) : Store()
    }

    /// Where a book goes: OUT/EDITION/EDITION.LANG.epub, or the folder OUT/EDITION/print-LANG.
    func bookLocation(edition: String, language: LanguageTag, format: OutputFormat) -> URL {
        let folder = output.appendingPathComponent(edition)
        switch format {
        case .epub: return folder.appendingPathComponent("\(edition).\(language.rawValue).epub")
        case .print: return folder.appendingPathComponent("print-\(language.rawValue)")
        }
    }

    var isUnfiltered: Bool { editions.isEmpty && languages.isEmpty && formats.isEmpty }

    /// What the build is asked to do and with what tools and stylesheets: a
    /// record made for another request is not used.
    func requestHash(_ tools: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        writer.string(source.standardizedFileURL.resolvingSymlinksInPath().path)
        writer.string(output.standardizedFileURL.path)
        writer.strings(editions)
        writer.strings(languages.map(\.rawValue))
        writer.strings(formats.map(\.rawValue))
        writer.integer(includeDrafts ? 1 : 0)
        writer.integer(Int(date.timeIntervalSince1970.rounded(.down)))
        writer.raw(tools)
        return Array(SHA256.hash(data: writer.bytes))
    }
}

public struct BuildReport: Sendable {
    public var check: CheckReport
    public var outputs: [URL] = []
    public var coverage: [Coverage] = []
    /// What the build graph made again, and why (`asyl build --why`).
    public var explanations: [Explanation] = []
    /// Why every source file was read again, when it was; nil for an incremental build.
    public var wholeTreeReason: String?
}

/// How much of an edition a language's book holds.
public struct Coverage: Sendable {
    public var edition: String
    public var language: LanguageTag
    public var entries: Int
    public var missing: [EntryID]
}

public enum BuildError: Error, CustomStringConvertible {
    case unknownEdition(String, [String])
    case stylesNotFound(String)
    case stylesheet(String)

    public var description: String {
        switch self {
        case .unknownEdition(let id, let known):
            "no edition '\(id)' in asyl.yaml (it declares \(known.joined(separator: ", ")))"
        case .stylesNotFound(let path): "Asyl's stylesheets are not in \(path); set ASYL_STYLES to the styles/ folder"
        case .stylesheet(let message): message
        }
    }
}

/// The compiled stylesheets: for each driver, the project's own
/// (`styles/epub.xsl`, importing Asyl's as `asyl:epub.xsl`) if it has one, else Asyl's.
struct CompiledStylesheets: Sendable {
    let epub: XSLTStylesheet
    let print: XSLTStylesheet
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
                throw BuildError.stylesheet(error.message)
            }
        }
        epub = try compile("epub.xsl")
        print = try compile("print.xsl")
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
