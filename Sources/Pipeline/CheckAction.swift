import Checking
import Diagnostics
import DocumentModel
import BuildGraph
import Dispatch
import FileSystem
import Foundation
import Loading
import Parallelism
import Parsing
import Resolution

/// `asyl check`: load → parse → resolve → check, as products of the build
/// graph (`CheckProducts`), and nothing printed; the command line renders the report.
public struct CheckAction: Sendable {
    public var source: URL
    /// Per-rule settings from the command line; they win over asyl.yaml's `checks`.
    public var overrides: [Rule: RuleSetting]
    /// The build folder whose store (OUT/.cache) holds what earlier checks
    /// and builds made, so only what changed since is read and checked
    /// again; nil: check the whole tree and keep nothing.
    public var buildFolder: URL?
    /// Counts entries read and checked, and findings, as they go.
    public var progress: ProgressCounter?

    public init(source: URL, overrides: [Rule: RuleSetting] = [:], buildFolder: URL? = nil, progress: ProgressCounter? = nil) {
        self.source = source
        self.overrides = overrides
        self.buildFolder = buildFolder
        self.progress = progress
    }

    public func run() throws(LoadingError) -> CheckReport {
        let scan = try self.scan()
        let store = storeFolder.map { Store(root: $0.appendingPathComponent(".cache"), version: AsylVersion.store) } ?? Store()
        let graph = PipelineGraph.make(store: store)
        let report = check(scan, in: graph)
        // A check keeps the traces of the books it did not ask for.
        graph.save(keepingOthers: true)
        // Freeing every entry's versions as parsed takes a while, and nothing waits for it.
        DispatchQueue.global().async { [graph] in _ = graph }
        return report
    }

    /// Checks, hands the report to `report`, waits for a save in the tree
    /// (any file but under dot-folders and a top-level `build/`), and checks
    /// again, until the process ends (`asyl check --watch`).
    public func watch(_ report: (Result<CheckReport, LoadingError>) -> Void) throws(TreeWatcher.Failure) -> Never {
        let watcher = try TreeWatcher(root: source.path) { folder in folder == "build" }
        while true {
            report(Result { () throws(LoadingError) in try run() })
            while watcher.next().isEmpty {}
        }
    }

    /// asyl.yaml as read, or nil when it has errors (which a check reports).
    public func configuration() throws(LoadingError) -> ProjectConfiguration? {
        let scan = try self.scan()
        return try? TreeReading(scan, source: source, buildFolder: nil).configuration
    }

    /// Every file of the tree and its stamp.
    func scan() throws(LoadingError) -> SourceScan {
        var clock = StageClock()
        defer { clock.lap("scan") }
        do { return try SourceTreeLoader().scan(source) } catch let error as LoadingError { throw error } catch {
            throw LoadingError.notADirectory(source.path)
        }
    }

    /// The tree's findings, made in `graph` (a build goes on in it to make its books).
    func check(_ scan: SourceScan, in graph: Graph) -> CheckReport {
        var clock = StageClock()
        do {
            let listing = Listing(root: scan.root.path, files: scan.stamps, paths: scan.paths, setAside: scan.setAside)
            try graph.set(SourceListing(), to: listing, fingerprint: listing.fingerprint)
            // The shards side by side: each reads, resolves and checks its entries that changed.
            let policy = progress == nil ? nil : policy(for: try graph.value(ProjectFile()).content)
            progress?.begin(.reading, total: try graph.value(EntryIndex()).count)
            let shards = Array(0..<CheckProducts.shards).concurrentMap(batch: 1) { shard in
                Result { () throws -> Fingerprint in
                    defer { progress?.advance(by: (try? graph.value(ShardMembers(shard)).count) ?? 0) }
                    return try graph.fingerprint(InterfaceShard(shard))
                }
            }
            progress?.begin(.checking, total: try graph.value(EntryIndex()).count)
            let findings = Array(0..<CheckProducts.shards).concurrentMap(batch: 1) { shard in
                Result { () throws -> Fingerprint in
                    let fingerprint = try graph.fingerprint(FindingShard(shard))
                    if let progress, let policy {
                        progress.found(policy.apply(to: try graph.value(FindingShard(shard)).values.flatMap { $0 }))
                        progress.advance(by: try graph.value(ShardMembers(shard)).count)
                    }
                    return fingerprint
                }
            }
            for result in shards + findings {
                _ = try result.get()
            }
            let check = try graph.value(ProjectCheck())
            // A build goes on from the entries resolved, not from their parsed versions.
            let index = try graph.value(EntryIndex())
            graph.release(index.map { ParsedEntryQuery($0).key })
            if clock.isEnabled {
                let ids = Set(index.map(\.rawValue))
                let read = graph.explanations.filter { $0.key.kind == ParsedEntryQuery.kind && ids.contains($0.key.argument) }.count
                clock.lap("check: \(read) of \(ids.count) entries read again")
            }
            let configuration = try graph.value(ProjectFile()).content
            let diagnostics = apply(to: check.findings, configuration: configuration)
            return CheckReport(
                diagnostics: diagnostics, scan: scan, configuration: configuration,
                translations: check.translations, fileCount: check.fileCount, raw: check.findings)
        } catch {
            // Products of the check only throw on a programming error (an input not set, a cycle).
            preconditionFailure("the check's build graph failed: \(error)")
        }
    }

    /// The build folder whose store the check uses: only one that exists
    /// (`asyl check` makes no build folder), and never one inside the source tree.
    var storeFolder: URL? {
        guard let buildFolder, FileSystem.kind(of: buildFolder.path) == .directory else { return nil }
        let folder = buildFolder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let tree = source.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        return folder.hasPrefix(tree) ? nil : buildFolder
    }

    /// The tree as the report quotes it: the project file, the sources, and
    /// the version and records files the findings point into.
    static func quoting(_ diagnostics: [Diagnostic], scan: SourceScan) -> SourceTree {
        var wanted: Set<String> = []
        for finding in diagnostics {
            wanted.insert(finding.location.path)
            for note in finding.notes { if let location = note.location { wanted.insert(location.path) } }
        }
        // A file saved again since the check is not quoted: its lines are no longer the ones the findings name.
        let versionFiles = wanted.filter { path in
            guard let stamp = scan.stamps[path], path.hasPrefix("entries/"), VersionFileName(String(path.split(separator: "/").last!)) != nil
            else { return false }
            return FileStamp(of: scan.root.path + "/" + path) == stamp
        }
        let recordFiles = wanted.filter { path in
            guard let stamp = scan.stamps[path], path.hasSuffix(".csv") else { return false }
            return FileStamp(of: scan.root.path + "/" + path) == stamp
        }
        var tree = SourceTreeLoader().load(scan, only: Array(versionFiles), records: Array(recordFiles))
        tree.diagnostics = []
        return tree
    }

    /// The project's and the command line's severity settings, in report order.
    func apply(to raw: [Diagnostic], configuration: ProjectConfiguration) -> [Diagnostic] {
        policy(for: configuration).apply(to: raw).sorted(by: Diagnostic.reportOrder)
    }

    func policy(for configuration: ProjectConfiguration) -> SeverityPolicy {
        var settings = configuration.checks
        settings.merge(overrides) { _, command in command }
        return SeverityPolicy(settings)
    }

}

/// What a check found, and the tree it looked at (to quote the lines of findings).
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Every file of the tree and its stamp, as the check found them.
    var scan: SourceScan
    /// asyl.yaml, as read.
    public var configuration: ProjectConfiguration
    public var translations: TranslationMatrix
    /// Files checked: the project file, the sources and every version file.
    public var fileCount: Int
    /// The findings before severity settings.
    var raw: [Diagnostic]

    public var counts: DiagnosticCounts { DiagnosticCounts(diagnostics) }

    /// The source tree's folder.
    public var root: URL { scan.root }

    /// The project file, the sources and the version files `findings` quote,
    /// read when a report is about to show them: a large tree has thousands
    /// of findings, of which a terminal shows twenty a rule.
    public func quoted(_ findings: [Diagnostic]) -> SourceTree { CheckAction.quoting(findings, scan: scan) }

    /// Exit status of FORMAT.md §6: 1 with an error, or with a warning under `--strict`.
    public func failed(strict: Bool) -> Bool {
        counts.errors > 0 || (strict && counts.warnings > 0)
    }
}

/// For each language, how many entries have a version in it and which do not.
public struct TranslationMatrix: Sendable, Codable {
    public struct Row: Sendable, Codable {
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
    let isEnabled = ProcessInfo.processInfo.environment["ASYL_TIMINGS"] != nil
    private var last = DispatchTime.now()

    mutating func lap(_ stage: String) {
        guard isEnabled else { return }
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        FileHandle.standardError.write(Data("asyl: \(stage): \(Int(milliseconds)) ms\n".utf8))
        last = now
    }
}
