import BuildGraph
import Checking
import Diagnostics
import DocumentModel
import FileSystem
import Foundation
import Loading
import Parallelism
import Parsing

/// `asyl translations`: where each language's versions stand against the
/// versions they were translated from, and `--mark`, which records in a
/// translation what its source says now.
public struct TranslationsAction: Sendable {
    public var source: URL
    /// As for `asyl check`: a build folder whose store spares reading the tree again.
    public var buildFolder: URL?

    public init(source: URL, buildFolder: URL? = nil) {
        self.source = source
        self.buildFolder = buildFolder
    }

    /// asyl.yaml, and every entry's versions as parsed.
    private func read() throws(TreeEditError) -> (configuration: ProjectConfiguration, entries: [[Version]]) {
        let scan: SourceScan
        do { scan = try CheckAction(source: source).scan() } catch { throw .refused(error.message) }
        let reading = try TreeReading(scan, source: source, buildFolder: buildFolder)
        defer { reading.finish() }
        let entries = reading.value(EntryIndex()).concurrentMap { id in reading.value(ParsedEntryQuery(id)).versions }
        return (reading.configuration, entries)
    }

    /// With `since`, a git revision, also what changed since it (the tree must be kept in git).
    public func status(since revision: String? = nil) throws(TreeEditError) -> TranslationStatus {
        let changedFiles = try revision.map { revision throws(TreeEditError) in try GitChanges.files(since: revision, in: source) }
        let (configuration, entries) = try read()
        var rows = configuration.languages.map { TranslationStatus.Row(language: $0) }
        let listed = entries.filter { !$0.isEmpty }
        for versions in listed {
            guard let id = versions.first?.id else { continue }
            for index in rows.indices {
                guard let version = versions.first(where: { $0.language == rows[index].language }) else {
                    rows[index].missing.append(id)
                    continue
                }
                switch TranslationState.of(version, among: versions) {
                case .unmarked: rows[index].unmarked.append(id)
                case .current: rows[index].current.append(id)
                case .outdated, .sourceMissing: rows[index].outdated.append(id)
                }
            }
            if let changedFiles {
                let changed = Set(versions.filter { changedFiles.contains($0.path) }.map(\.language))
                guard !changed.isEmpty else { continue }
                for index in rows.indices where versions.contains(where: { $0.language == rows[index].language }) {
                    if changed.contains(rows[index].language) {
                        rows[index].since.changed.append(id)
                    } else {
                        rows[index].since.behind.append(id)
                    }
                }
            }
        }
        return TranslationStatus(entries: listed.count, rows: rows, revision: revision)
    }

    /// Writes into each file (a path relative to the current folder, or
    /// else to the tree) its source's fingerprints as they are now; the
    /// source language is `from`, else the file's own `translated-from`,
    /// else the first language of asyl.yaml the entry has another version
    /// in. Every file is checked before any is written. Returns each file's
    /// path in the tree and its source language.
    public func mark(_ files: [String], from: String?) throws(TreeEditError) -> [(path: String, source: LanguageTag)] {
        let (configuration, entries) = try read()
        let root = source.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        var edits: [(path: String, source: LanguageTag, text: String)] = []
        for file in files {
            let path = try self.path(of: file, root: root)
            guard !edits.contains(where: { $0.path == path }) else { continue }
            guard let versions = entries.first(where: { $0.contains { $0.path == path } }),
                  let version = versions.first(where: { $0.path == path })
            else { throw .refused(Message(.translationsNotAVersion, ["file": file])) }
            let target = source.appendingPathComponent(path).path
            guard let bytes = FileSystem.readRegularFile(target) else {
                throw .io(FileSystem.Failure(path: target, reason: FileSystem.lastError()))
            }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .refused(Message(.translationsNotUTF8, ["path": path])) }
            var line = version.translatedFrom?.range.start.line
            if line == nil, let written = FrontMatterEditor.line(of: "translated-from", in: text) {
                // A value the check refuses (its finding says why) is replaced only when --from says by what.
                guard from != nil else {
                    throw .refused(Message(.translationsMarkUnreadable, ["path": path, "line": written]))
                }
                line = written
            }
            let language = try sourceLanguage(for: version, among: versions, from: from, configuration: configuration)
            guard let original = versions.first(where: { $0.language == language }) else {
                throw .refused(Message(.translationsMarkNoSource, ["id": version.id.rawValue, "language": language.rawValue, "path": path]))
            }
            let value = FrontMatterEditor.translationValue(language: language, sections: original.sections)
            do {
                edits.append((path, language, try FrontMatterEditor.set("translated-from", to: value, in: text, at: line)))
            } catch .valueOverLines(let line) {
                throw .refused(Message(.translationsMarkMultiline, ["path": path, "line": line]))
            } catch {
                throw .refused(Message(.translationsNoFrontMatter, ["path": path]))
            }
        }
        for edit in edits {
            do { try FileSystem.writeAtomically(Array(edit.text.utf8), to: source.appendingPathComponent(edit.path).path) } catch {
                throw .io(error)
            }
        }
        return edits.map { ($0.path, $0.source) }
    }

    /// A file's path in the tree: as given from the current folder, else from the tree's root.
    private func path(of file: String, root: String) throws(TreeEditError) -> String {
        let candidates = [URL(fileURLWithPath: file), URL(fileURLWithPath: root + file)]
        for candidate in candidates where FileSystem.kind(of: candidate.path) != nil {
            let absolute = candidate.standardizedFileURL.resolvingSymlinksInPath().path
            if absolute.hasPrefix(root + "entries/") { return String(absolute.dropFirst(root.count)) }
        }
        throw .refused(Message(.translationsOutsideEntries, ["file": file, "root": root]))
    }

    private func sourceLanguage(
        for version: Version, among versions: [Version], from: String?, configuration: ProjectConfiguration
    ) throws(TreeEditError) -> LanguageTag {
        if let from {
            let language = LanguageTag(from)
            guard configuration.languages.contains(language), language != version.language else {
                throw .refused(Message(.translationsUnknownFrom, [
                    "languages": configuration.languages.map(\.rawValue).joined(separator: ", "), "from": from,
                ]))
            }
            return language
        }
        if let language = version.translatedFrom?.language { return language }
        guard let language = configuration.languages.first(where: { language in
            language != version.language && versions.contains { $0.language == language }
        }) else {
            throw .refused(Message(.translationsNoOtherLanguage, ["id": version.id.rawValue, "path": version.path]))
        }
        return language
    }
}

/// For each language with files: the entries with no version in it, and
/// those whose version is outdated, current or not marked.
public struct TranslationStatus: Sendable {
    public struct Row: Sendable {
        public var language: LanguageTag
        public var missing: [EntryID] = []
        public var outdated: [EntryID] = []
        public var current: [EntryID] = []
        public var unmarked: [EntryID] = []
        /// With `--since`: what changed in this language since the revision.
        public var since = Since()
    }

    public struct Since: Sendable {
        /// Entries whose version in this language changed (or is new) since the revision.
        public var changed: [EntryID] = []
        /// Entries with a version in this language that did not change since, while another language's did.
        public var behind: [EntryID] = []
    }

    public var entries: Int
    public var rows: [Row]
    /// The revision of `--since`, if given.
    public var revision: String?

    public var json: String {
        func list(_ ids: [EntryID]) -> String { "[" + ids.map { JSONText.string($0.rawValue) }.joined(separator: ", ") + "]" }
        let items = rows.map { row in
            "\(JSONText.string(row.language.rawValue)): {\"missing\": \(list(row.missing)), \"outdated\": \(list(row.outdated)), "
                + "\"current\": \(list(row.current)), \"unmarked\": \(list(row.unmarked))"
                + (revision == nil ? "" : ", \"since\": {\"changed\": \(list(row.since.changed)), \"behind\": \(list(row.since.behind))}")
                + "}"
        }
        let since = revision.map { ", \"since\": \(JSONText.string($0))" } ?? ""
        return "{\"entries\": \(entries)\(since), \"languages\": {" + items.joined(separator: ", ") + "}}\n"
    }
}
