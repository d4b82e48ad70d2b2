import Diagnostics
import DocumentModel
import Resolution

/// Where a version stands against the version it was translated from
/// (`translated-from:` with the fingerprints `asyl translations --mark` wrote).
public enum TranslationState: Hashable, Sendable {
    /// No mark: an original, or a translation not marked yet.
    case unmarked
    /// Marked, and its source's sections are as they were.
    case current
    /// Its source changed since it was marked.
    case outdated(TranslationChange)
    /// It names a source language the entry has no version in.
    case sourceMissing(LanguageTag)

    /// The state of `version` among its entry's `versions`.
    public static func of(_ version: Version, among versions: [Version]) -> TranslationState {
        guard let from = version.translatedFrom, let mark = from.mark else { return .unmarked }
        guard let source = versions.first(where: { $0.language == from.language }) else { return .sourceMissing(from.language) }
        let change = TranslationChange(mark: mark, source: source)
        return change.isEmpty ? .current : .outdated(change)
    }
}

/// What changed in a translation's source since it was marked.
public struct TranslationChange: Hashable, Sendable {
    public var source: Version
    /// The source's lead and sections whose text is not what it was, or that are new.
    public var changed: [BodySection]
    public var added: [BodySection]
    /// Anchors of sections marked that the source no longer has.
    public var removed: [String]

    init(mark: TranslationSource.Mark, source: Version) {
        self.source = source
        let marked = Dictionary(mark.sections.map { ($0.anchor, $0.print) }) { first, _ in first }
        changed = []
        added = []
        for section in source.sections {
            guard let anchor = section.anchor else {
                if section.print != mark.lead { changed.append(section) }
                continue
            }
            switch marked[anchor] {
            case nil: added.append(section)
            case let print? where print != section.print: changed.append(section)
            default: break
            }
        }
        let present = Set(source.sections.compactMap(\.anchor))
        removed = mark.sections.map(\.anchor).filter { !present.contains($0) }
    }

    public var isEmpty: Bool { changed.isEmpty && added.isEmpty && removed.isEmpty }
}

enum TranslationChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        project.entries.flatMap { entry in
            entry.versions.compactMap { version -> Diagnostic? in
                let at = SourceLocation(path: version.path, range: version.translatedFrom?.range)
                switch TranslationState.of(version, among: entry.versions) {
                case .unmarked, .current: return nil
                case .sourceMissing(let language):
                    return Diagnostic(
                        .outdatedTranslation,
                        "this version is translated from the \(language) version, which the entry no longer has; "
                            + "name the version it now follows and mark it: `asyl translations --mark \(version.path) --from LANG`",
                        at: at)
                case .outdated(let change):
                    return diagnostic(change, version: version, at: at)
                }
            }
        }
    }

    private static func diagnostic(_ change: TranslationChange, version: Version, at: SourceLocation) -> Diagnostic {
        func name(_ section: BodySection) -> String { section.anchor == nil ? "the lead" : "«\(section.title)»" }
        var parts: [String] = []
        if !change.changed.isEmpty { parts.append("changed: " + change.changed.map(name).joined(separator: ", ")) }
        if !change.added.isEmpty { parts.append("new: " + change.added.map(name).joined(separator: ", ")) }
        if !change.removed.isEmpty { parts.append("removed: " + change.removed.map { "#\($0)" }.joined(separator: ", ")) }
        let source = change.source
        let notes = (change.changed + change.added).map { section in
            Diagnostic.Note(
                section.anchor == nil ? "the lead changed" : "\(name(section)) \(change.added.contains(section) ? "is new" : "changed")",
                at: SourceLocation(path: source.path, line: section.line, column: 1))
        }
        return Diagnostic(
            .outdatedTranslation,
            "the \(source.language) version this translates has changed since it was marked (\(parts.joined(separator: "; "))); "
                + "bring the translation up to date, then `asyl translations --mark \(version.path)`",
            at: at, notes: notes)
    }
}
