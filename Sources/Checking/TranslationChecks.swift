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
                        Message(.checkTranslationSourceMissing, ["language": language.rawValue, "path": version.path]), at: at)
                case .outdated(let change):
                    return diagnostic(change, version: version, at: at)
                }
            }
        }
    }

    private static func diagnostic(_ change: TranslationChange, version: Version, at: SourceLocation) -> Diagnostic {
        func titles(_ sections: [BodySection]) -> String {
            sections.filter { $0.anchor != nil }.map { "«\($0.title)»" }.joined(separator: ", ")
        }
        // The lead, the one section without an anchor, comes before the others.
        let leadChanged = change.changed.contains { $0.anchor == nil }
        let changedTitles = titles(change.changed)
        var parts: [Message] = []
        if leadChanged {
            parts.append(changedTitles.isEmpty
                ? Message(.checkTranslationChangedLead) : Message(.checkTranslationChangedLeadAnd, ["sections": changedTitles]))
        } else if !changedTitles.isEmpty {
            parts.append(Message(.checkTranslationChanged, ["sections": changedTitles]))
        }
        if !change.added.isEmpty { parts.append(Message(.checkTranslationNew, ["sections": titles(change.added)])) }
        if !change.removed.isEmpty {
            parts.append(Message(.checkTranslationRemoved, ["anchors": change.removed.map { "#\($0)" }.joined(separator: ", ")]))
        }
        // An outdated translation has at least one part.
        guard let first = parts.first else { preconditionFailure("an outdated translation with no change") }
        let changes = parts.dropFirst().reduce(MessageArgument.message(first)) { earlier, part in
            Message(.checkTranslationChangeList, ["changes": earlier, "change": part]).messageArgument
        }
        let source = change.source
        let notes = (change.changed + change.added).map { section in
            let isNew = change.added.contains(section)
            let message = section.anchor == nil
                ? Message(.checkTranslationLeadChanged)
                : Message(isNew ? .checkTranslationSectionNew : .checkTranslationSectionChanged, ["title": section.title])
            return Diagnostic.Note(message, at: SourceLocation(path: source.path, line: section.line, column: 1))
        }
        return Diagnostic(
            .outdatedTranslation,
            Message(.checkTranslationOutdated, ["language": source.language.rawValue, "changes": changes, "path": version.path]),
            at: at, notes: notes)
    }
}
