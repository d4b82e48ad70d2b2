import Diagnostics

/// What a rule's findings depend on: how far an edit can reach into them.
/// Rules of a file's or an entry's scope run in `Checker.checkEntries`, once
/// per entry in the build graph; those of the interfaces' in
/// `Checker.checkProject`, over the project's overview. A new rule declares
/// its scope here and joins the list of its scope there; nothing outside
/// Checking lists rules.
public enum RuleScope: Sendable, CaseIterable {
    /// One version file on its own: its text, front matter and markup.
    case file
    /// An entry (all its versions), and what it reads of the entries, sources
    /// and media it refers to: their kinds, titles, anchors, keys and files.
    case entry
    /// Every entry's interface taken together: who links to whom, which
    /// sources are cited at all, chains of places.
    case interfaces
    /// Which files the tree holds.
    case listing
    /// The project file.
    case configuration
    /// One records file on its own.
    case recordFile
    /// Every records file together, with what their rows name: entries' titles and aliases, sources, other records.
    case records
}

extension Rule {
    public var scope: RuleScope {
        switch self {
        case .markup, .unreadableFile: .file
        // Front matter and dates are checked over the facts an entry's versions give together.
        case .frontMatter, .impossibleDate, .brokenLink, .linkWrongKind, .untranslatedLink, .linkToDraft, .duplicateID, .unknownCitation,
            .citationWithoutAt, .missingMedia, .invalidMedia, .missingAlt, .factConflict, .outdatedTranslation, .printResolution:
            .entry
        case .orphan, .unusedSource, .linkCycle, .reservedID, .issuedAddress: .interfaces
        case .strayFile: .listing
        case .config: .configuration
        case .recordFile, .recordField: .recordFile
        case .recordReference, .duplicateRecord, .possibleDuplicate: .records
        }
    }

    /// The rules whose scope is one of `scopes`.
    public static func scoped(_ scopes: Set<RuleScope>) -> Set<Rule> {
        Set(allCases.filter { scopes.contains($0.scope) })
    }
}
