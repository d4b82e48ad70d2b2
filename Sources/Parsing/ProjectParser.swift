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
        }

        for path in tree.strayFiles {
            diagnostics.append(Diagnostic(
                .strayFile, "not a version file: entries are named ID.LANG.md, e.g. berel.kk.md; this file is ignored",
                at: SourceLocation(path: path)))
        }
        let languages = configuration.languages
        var files: [(SourceFile, VersionFileName)] = []
        for file in tree.versionFiles {
            let name = VersionFileName(String(file.path.split(separator: "/").last!))!
            guard languages.contains(LanguageTag(name.language)) else {
                let listed = languages.map(\.rawValue).joined(separator: ", ")
                let derived = configuration.derivedLanguages.contains { $0.tag.rawValue == name.language }
                let reason = derived
                    ? "'\(name.language)' is derived: its versions are made from another language's, and have no files"
                    : "'\(name.language)' is not one of the project's languages (\(listed)); this file is ignored"
                diagnostics.append(Diagnostic(.strayFile, reason, at: SourceLocation(path: file.path)))
                continue
            }
            files.append((file, name))
        }

        let declared = configuration
        let drafts = files.map { PendingFile(file: $0.0, name: $0.1) }
            .concurrentMap { EntryParser.parse($0.file, name: $0.name, configuration: declared) }

        // Group versions by entry; the entry's kind is needed to type facts.
        var groups: [EntryID: [VersionDraft]] = [:]
        for draft in drafts { groups[draft.version.id, default: []].append(draft) }
        func order(_ tag: LanguageTag) -> Int { languages.firstIndex(of: tag) ?? languages.count }
        var versions: [Version] = []
        for id in groups.keys.sorted() {
            let group = groups[id]!.sorted {
                (order($0.version.language), $0.version.path) < (order($1.version.language), $1.version.path)
            }
            let kindName = group.lazy.compactMap(\.frontMatter.kind?.value).first
            let kind = kindName.flatMap(configuration.kind(named:))
            if kindName == nil, !group.contains(where: { $0.diagnostics.contains { $0.rule == .frontMatter } }) {
                let first = group[0].version
                diagnostics.append(Diagnostic(
                    .frontMatter, "no version of '\(id)' says what kind of entry it is; add `kind:` to one of them",
                    at: SourceLocation(path: first.path, line: 1, column: 1, length: 3)))
            }
            for draft in group {
                var version = draft.version
                diagnostics += draft.diagnostics
                if let kind {
                    version.facts = FactParser.parse(draft.frontMatter.facts, kind: kind, path: version.path, into: &diagnostics)
                }
                versions.append(version)
            }
        }
        return ParsedProject(configuration: configuration, bibliography: bibliography, versions: versions, diagnostics: diagnostics)
    }
}

private struct PendingFile: Sendable {
    var file: SourceFile
    var name: VersionFileName
}
