import Diagnostics
import DocumentModel
import Loading
import Parallelism

/// The parse stage's output: the project's declarations, its sources and
/// every version, typed, with what was wrong in them.
public struct ParsedProject: Sendable {
    public var configuration: ProjectConfiguration
    public var bibliography: Bibliography
    /// Sorted by entry id, then in the order of `languages`.
    public var versions: [Version]
    public var diagnostics: [Diagnostic]
}

public enum ProjectParser {
    public static func parse(_ tree: SourceTree) -> ParsedProject {
        var diagnostics = tree.diagnostics
        var configuration = ProjectConfiguration()
        if let file = tree.projectFile {
            let (parsed, findings) = ConfigurationParser.parse(file)
            configuration = parsed
            diagnostics += findings
        }
        var bibliography = Bibliography()
        // Without languages no file can be read as a version; the config
        // findings say why, and a finding per file would only bury them.
        guard !configuration.languages.isEmpty else {
            return ParsedProject(configuration: configuration, bibliography: bibliography, versions: [], diagnostics: diagnostics)
        }
        if let file = tree.sourcesFile {
            let (parsed, findings) = BibliographyParser.parse(file, configuration: configuration)
            bibliography = parsed
            diagnostics += findings
        } else {
            bibliography.isReadable = false
            if !tree.diagnostics.contains(where: { $0.location.path == "sources.yaml" }) {
                diagnostics.append(SourceTreeLoader.absent("sources.yaml", in: tree.root))
            }
        }

        let (accepted, findings) = versionFiles(tree.versionFiles.map(\.path), strayFiles: tree.strayFiles, configuration: configuration)
        diagnostics += findings
        let wanted = Set(accepted)
        var groups: [EntryID: [SourceFile]] = [:]
        for file in tree.versionFiles where wanted.contains(file.path) {
            groups[EntryID(VersionFileName(fileName(file.path))!.id), default: []].append(file)
        }
        let declared = configuration
        let entries = groups.keys.sorted().map { groups[$0]! }.concurrentMap { parseEntry($0, configuration: declared) }
        var versions: [Version] = []
        for entry in entries {
            versions += entry.versions
            diagnostics += entry.diagnostics
        }
        return ParsedProject(configuration: configuration, bibliography: bibliography, versions: versions, diagnostics: diagnostics)
    }
}

/// One entry's versions, parsed together (the entry's kind, which one of
/// them gives, types the facts of all), and what was wrong in them.
public struct ParsedEntry: Sendable, Codable {
    /// In the order of `languages`.
    public var versions: [Version]
    public var diagnostics: [Diagnostic]
}

extension ProjectParser {
    /// Which files under `entries/` are versions in the project's languages;
    /// the others are reported (`stray-file`).
    public static func versionFiles(
        _ paths: [String], strayFiles: [String], configuration: ProjectConfiguration
    ) -> (accepted: [String], findings: [Diagnostic]) {
        let languages = configuration.languages
        var findings: [Diagnostic] = strayFiles.map { path in
            Diagnostic(.strayFile, strayReason(fileName(path), languages: languages), at: SourceLocation(path: path))
        }
        var accepted: [String] = []
        for path in paths {
            let name = VersionFileName(fileName(path))!
            guard languages.contains(LanguageTag(name.language)) else {
                let listed = languages.map(\.rawValue).joined(separator: ", ")
                let derived = configuration.derivedLanguages.contains { $0.tag.rawValue == name.language }
                let reason = derived
                    ? Message(.projectLanguageDerived, ["language": name.language])
                    : languages.contains { $0.rawValue.lowercased() == name.language.lowercased() }
                        ? strayReason(fileName(path), languages: languages)
                        : Message(.projectLanguageUnlisted, ["language": name.language, "languages": listed])
                findings.append(Diagnostic(.strayFile, reason, at: SourceLocation(path: path)))
                continue
            }
            accepted.append(path)
        }
        return (accepted, findings)
    }

    /// The version files of one entry (in the project's languages), parsed.
    public static func parseEntry(_ files: [SourceFile], configuration: ProjectConfiguration) -> ParsedEntry {
        let languages = configuration.languages
        func order(_ tag: LanguageTag) -> Int { languages.firstIndex(of: tag) ?? languages.count }
        let group = files.map { EntryParser.parse($0, name: VersionFileName(fileName($0.path))!, configuration: configuration) }
            .sorted { (order($0.version.language), $0.version.path) < (order($1.version.language), $1.version.path) }
        guard let first = group.first?.version else { return ParsedEntry(versions: [], diagnostics: []) }
        var diagnostics: [Diagnostic] = []
        let kindName = group.lazy.compactMap(\.frontMatter.kind?.value).first
        let kind = kindName.flatMap(configuration.kind(named:))
        if kindName == nil, !group.contains(where: { $0.diagnostics.contains { $0.rule == .frontMatter } }) {
            diagnostics.append(Diagnostic(
                .frontMatter, Message(.projectKindMissing, ["id": first.id.rawValue]),
                at: SourceLocation(path: first.path, line: 1, column: 1, length: 3)))
        }
        var versions: [Version] = []
        for draft in group {
            var version = draft.version
            diagnostics += draft.diagnostics
            if let kind {
                version.facts = FactParser.parse(draft.frontMatter.facts, kind: kind, path: version.path, into: &diagnostics)
            }
            versions.append(version)
        }
        return ParsedEntry(versions: versions, diagnostics: diagnostics)
    }

    /// Why a file under entries/ is not a version, and its right name when
    /// that is plain: `Mukhtar-Auezov.kk.md`, `mukhtar_auezov.kk.md` and
    /// `Мұхтар-Әуезов.kk.md` are all `mukhtar-auezov.kk.md`.
    static func strayReason(_ name: String, languages: [LanguageTag]) -> Message {
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let extensions = ["md", "markdown", "txt", "MD"]
        guard parts.count >= 2, extensions.contains(parts.last!) else {
            return Message(.projectNotVersionFile)
        }
        let written = parts.removeLast()
        let language = parts.count >= 2
            ? languages.first { $0.rawValue.lowercased() == parts.last!.lowercased() } : nil
        if language != nil { parts.removeLast() }
        let id = parts.joined(separator: ".")
        let suggested = EntryID.isValid(id) ? id : Slug.make(id)
        guard !id.isEmpty, suggested != "section" || id == "section" else {
            return Message(.projectNotVersionFile)
        }
        guard let language else {
            // `notes.txt` is somebody's notes; only a Markdown file is a version missing its language.
            guard written == "md" else { return Message(.projectNotVersionFile) }
            let tags = languages.map { "\(suggested).\($0.rawValue).md" }.joined(separator: ", ")
            return Message(.projectVersionFileLanguageMissing, ["name": name, "names": tags])
        }
        let right = "\(suggested).\(language.rawValue).md"
        if !EntryID.isValid(id) {
            return Message(.projectEntryIDInvalid, ["id": id, "right": right])
        }
        return written == "md" ? Message(.projectLanguageTagCase, ["right": right])
            : Message(.projectVersionFileExtension, ["right": right])
    }

    static func fileName(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }
}
