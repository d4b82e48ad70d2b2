import Checking
import Diagnostics
import DocumentModel
import Foundation
import Loading
import Parsing
import Resolution

/// Why a build or a check reads the whole tree again (`asyl build --why`).
struct WholeTreeReason: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// The check an incremental build starts with (`asyl check` runs on the
/// build graph instead, `CheckProducts`): from the last build's
/// `BuildRecord`, which it only reads, it stats every file, reads the
/// entries whose version files changed, checks them against the recorded
/// index, and takes every other finding from the record. When a changed
/// version's `VersionExports` changed too, or version files were added or
/// removed, `SummaryCheck` takes over; when anything but version files
/// changed, the whole tree is checked.
enum IncrementalCheck {
    /// Rules whose findings depend on more than one entry and its link
    /// targets; they are taken from the record, which stays right while no
    /// version's exports change.
    static let projectRules = Rule.scoped([.interfaces, .listing, .configuration])

    /// The version files changed since the record was written, by entry and language.
    struct Changes: Sendable {
        var record: BuildRecord
        var scan: SourceScan
        var entries: Set<EntryID>
        var languages: Set<String>
        /// Whether version files were added or removed (then only `SummaryCheck` and `SummaryBuild` apply).
        var addsOrRemoves = false

        mutating func insert(_ name: VersionFileName) {
            entries.insert(EntryID(name.id))
            languages.insert(name.language)
        }
    }

    struct Checked: Sendable {
        var report: CheckReport
        /// The entries read: the changed ones and those asked for besides.
        var project: ResolvedProject
    }

    /// What changed since the record; throws when there is no usable record,
    /// or a file other than a version file was added, removed or changed.
    static func changes(of source: URL, since folder: URL) throws(WholeTreeReason) -> Changes {
        guard let scan = try? SourceTreeLoader().scan(source) else { throw WholeTreeReason("the source tree cannot be listed") }
        guard let record = BuildRecord.read(from: folder) else {
            throw WholeTreeReason("no record of an earlier build in the output folder (none yet, damaged, or another Asyl's)")
        }
        var changes = Changes(record: record, scan: scan, entries: [], languages: [])
        var found = 0
        for file in record.files {
            let stamp = scan.stamps[file.path]
            if stamp != nil { found += 1 }
            guard stamp != file.stamp else { continue }
            guard let name = versionFileName(file.path) else {
                throw WholeTreeReason("\(file.path) " + (stamp == nil ? "was removed" : "changed"))
            }
            changes.insert(name)
            if stamp == nil { changes.addsOrRemoves = true }
        }
        if found < scan.stamps.count {
            let recorded = Set(record.files.map(\.path))
            for path in scan.stamps.keys where !recorded.contains(path) {
                guard let name = versionFileName(path) else { throw WholeTreeReason("\(path) was added") }
                changes.insert(name)
                changes.addsOrRemoves = true
            }
        }
        return changes
    }

    /// The name of a version file under `entries/`; nil for any other path.
    static func versionFileName(_ path: String) -> VersionFileName? {
        path.hasPrefix("entries/") ? VersionFileName(fileName(path)) : nil
    }

    /// Reads every version of the changed entries and of `others`, and checks
    /// the changed ones; nil when one of their exports changed.
    static func check(_ changes: Changes, reading others: Set<EntryID> = [], action: CheckAction) -> Checked? {
        guard !changes.addsOrRemoves else { return nil }
        let record = changes.record
        let reading = changes.entries.union(others)
        var paths: [String] = []
        var entryFiles: Set<String> = []
        // Every version file of those entries (the file set is the recorded one, so all are listed).
        for file in record.files where file.path.hasPrefix("entries/") {
            let name = fileName(file.path)
            let id = EntryID(String(name.prefix { $0 != "." }))
            guard reading.contains(id), VersionFileName(name) != nil else { continue }
            paths.append(file.path)
            if changes.entries.contains(id) { entryFiles.insert(file.path) }
        }
        let tree = SourceTreeLoader().load(changes.scan, only: paths)
        let parsed = ProjectParser.parse(tree)
        let project = Resolver.resolve(
            versions: parsed.versions, configuration: parsed.configuration, bibliography: parsed.bibliography,
            files: tree.allFiles, targets: TargetIndex(record.targets, languages: parsed.configuration.languages))

        var exports: [String: [UInt8]] = [:]
        for file in record.files where entryFiles.contains(file.path) { exports[file.path] = file.exports }
        var versionAt: [String: Version] = [:]
        for entry in project.entries where changes.entries.contains(entry.id) {
            for version in entry.versions { versionAt[version.path] = version }
        }
        for path in entryFiles where (versionAt[path].map(VersionExports.hash) ?? []) != exports[path] { return nil }

        let fresh = (parsed.diagnostics + Checker.check(project)).filter {
            entryFiles.contains($0.location.path) && !projectRules.contains($0.rule)
        }
        let raw = record.findings.filter { !entryFiles.contains($0.location.path) || projectRules.contains($0.rule) } + fresh
        var report = CheckReport(
            diagnostics: action.apply(to: raw, configuration: project.configuration), tree: tree, project: project,
            translations: translations(record, languages: project.configuration.languages), fileCount: record.fileCount,
            raw: raw)
        report.tree = quoting(report, scan: changes.scan)
        return Checked(report: report, project: project)
    }

    static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    private static func translations(_ record: BuildRecord, languages: [LanguageTag]) -> TranslationMatrix {
        TranslationMatrix(entries: record.entries.count, rows: languages.map { language in
            let missing = record.entries.filter { entry in !entry.versions.contains { $0.language == language } }.map(\.id)
            return TranslationMatrix.Row(language: language, versions: record.entries.count - missing.count, missing: missing)
        })
    }

    /// The tree the report quotes from: the files read, and those the findings point into.
    static func quoting(_ report: CheckReport, scan: SourceScan) -> SourceTree {
        var tree = report.tree
        let read = Set(tree.versionFiles.map(\.path))
        var wanted: Set<String> = []
        for finding in report.diagnostics {
            wanted.insert(finding.location.path)
            for note in finding.notes { if let location = note.location { wanted.insert(location.path) } }
        }
        wanted.subtract(read)
        // Only files of the tree as scanned: a record's paths are not trusted.
        let versionFiles = wanted.filter { scan.stamps[$0] != nil && versionFileName($0) != nil }
        tree.versionFiles = (tree.versionFiles + SourceTreeLoader().load(scan, only: Array(versionFiles)).versionFiles)
            .sorted { $0.path < $1.path }
        return tree
    }
}
