import Checking
import Diagnostics
import DocumentModel
import Dispatch
import Foundation
import Loading
import Parsing
import Resolution

/// `asyl check`: load → parse → resolve → check, and nothing printed; the
/// command line renders the report.
public struct CheckAction: Sendable {
    public var source: URL
    /// Per-rule settings from the command line; they win over asyl.yaml's `checks`.
    public var overrides: [Rule: RuleSetting]
    /// A build folder whose record of its last build (`BuildRecord`) lets the
    /// check read only the files changed since; nil: check the whole tree.
    public var buildFolder: URL?

    public init(source: URL, overrides: [Rule: RuleSetting] = [:], buildFolder: URL? = nil) {
        self.source = source
        self.overrides = overrides
        self.buildFolder = buildFolder
    }

    public func run() throws(LoadingError) -> CheckReport {
        var clock = StageClock()
        if let buildFolder, let changes = try? IncrementalCheck.changes(
            of: source, since: BuildAction.storeLocation(output: buildFolder)) {
            if let checked = IncrementalCheck.check(changes, action: self) {
                clock.lap("incremental: read and check \(checked.report.tree.versionFiles.count) files")
                return checked.report
            }
            if let (_, report) = SummaryCheck.run(changes, action: self) { return report }
        }
        let tree: SourceTree
        do { tree = try SourceTreeLoader().load(source) } catch let error as LoadingError { throw error } catch {
            throw LoadingError.notADirectory(source.path)
        }
        clock.lap("load")
        let parsed = ProjectParser.parse(tree)
        clock.lap("parse")
        let resolved = Resolver.resolve(
            versions: parsed.versions, configuration: parsed.configuration, bibliography: parsed.bibliography,
            files: tree.allFiles)
        clock.lap("resolve")
        let raw = parsed.diagnostics + Checker.check(resolved)
        clock.lap("check")
        return CheckReport(
            diagnostics: apply(to: raw, configuration: resolved.configuration), tree: tree, project: resolved,
            translations: TranslationMatrix(resolved), fileCount: Self.fileCount(tree), raw: raw)
    }

    /// The project's and the command line's severity settings, in report order.
    func apply(to raw: [Diagnostic], configuration: ProjectConfiguration) -> [Diagnostic] {
        var settings = configuration.checks
        settings.merge(overrides) { _, command in command }
        return SeverityPolicy(settings).apply(to: raw).sorted(by: Diagnostic.reportOrder)
    }

    /// Files read: the project file, the sources and every version file.
    static func fileCount(_ tree: SourceTree) -> Int {
        tree.versionFiles.count + (tree.projectFile == nil ? 0 : 1) + (tree.sourcesFile == nil ? 0 : 1)
    }
}

/// What a check found, with the sources it read (to quote their lines).
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// The files read; after an incremental build, those read again and those the findings quote.
    public var tree: SourceTree
    /// Every entry; after an incremental build, only those read again.
    public var project: ResolvedProject
    public var translations: TranslationMatrix
    /// Files checked: the project file, the sources and every version file.
    public var fileCount: Int
    /// The findings before severity settings.
    var raw: [Diagnostic]

    public var counts: DiagnosticCounts { DiagnosticCounts(diagnostics) }

    /// Exit status of FORMAT.md §6: 1 with an error, or with a warning under `--strict`.
    public func failed(strict: Bool) -> Bool {
        counts.errors > 0 || (strict && counts.warnings > 0)
    }
}

/// For each language, how many entries have a version in it and which do not.
public struct TranslationMatrix: Sendable {
    public struct Row: Sendable {
        public var language: LanguageTag
        public var versions: Int
        public var missing: [EntryID]
    }

    public var entries: Int
    public var rows: [Row]

    public init(entries: Int, rows: [Row]) {
        self.entries = entries
        self.rows = rows
    }

    public init(_ project: ResolvedProject) {
        entries = project.entries.count
        rows = project.configuration.languages.map { language in
            let missing = project.entries.filter { $0.version(language) == nil }.map(\.id)
            return Row(language: language, versions: project.entries.count - missing.count, missing: missing)
        }
    }

    public var json: String {
        let items = rows.map { row in
            "\(JSONText.string(row.language.rawValue)): {\"versions\": \(row.versions), \"missing\": ["
                + row.missing.map { JSONText.string($0.rawValue) }.joined(separator: ", ") + "]}"
        }
        return "{\"entries\": \(entries), \"languages\": {" + items.joined(separator: ", ") + "}}"
    }
}

/// With ASYL_TIMINGS set, each stage's wall time goes to stderr (for profiling; see docs/benchmark.md).
struct StageClock {
    private let enabled = ProcessInfo.processInfo.environment["ASYL_TIMINGS"] != nil
    private var last = DispatchTime.now()

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        FileHandle.standardError.write(Data("asyl: \(stage): \(Int(milliseconds)) ms\n".utf8))
        last = now
    }
}
