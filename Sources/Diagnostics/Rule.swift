/// The checks Asyl runs, with the stable ids of FORMAT.md §5 that scripts may
/// rely on. `docs/rules.md` documents each one with an example and a fix.
public enum Rule: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
    case brokenLink = "broken-link"
    case linkWrongKind = "link-wrong-kind"
    case untranslatedLink = "untranslated-link"
    /// A link to a version marked `draft`, which a build without `--drafts` leaves out.
    case linkToDraft = "link-to-draft"
    case duplicateID = "duplicate-id"
    case unknownCitation = "unknown-citation"
    /// `[samashev-2011, 14-б.]`: a source's key in brackets without `@`, printed as written.
    case citationWithoutAt = "citation-without-at"
    case unusedSource = "unused-source"
    case missingMedia = "missing-media"
    case missingAlt = "missing-alt"
    case frontMatter = "front-matter"
    case factConflict = "fact-conflict"
    case impossibleDate = "impossible-date"
    case config = "config"
    case orphan = "orphan"
    case strayFile = "stray-file"
    case markup = "markup"
    /// A file that cannot be read as text at all: not UTF-8, or over the size limit.
    case unreadableFile = "unreadable-file"
    /// An image that is not what its name says, is empty or too large, or an SVG with scripts or outside references.
    case invalidMedia = "invalid-media"
    /// `region` / `part-of` links that lead back to where they started.
    case linkCycle = "link-cycle"
    /// An entry id that a web edition's own addresses take (its languages' folders, `/kk/`).
    case reservedID = "reserved-id"
    /// An address printed on a plaque (plaques.lock) that the site would no longer have.
    case issuedAddress = "issued-address"
    /// A translation whose source version changed since it was marked (`translated-from:` with fingerprints).
    case outdatedTranslation = "outdated-translation"
    /// A raster image of an entry a print edition holds that would print under 300 ppi across a column.
    case printResolution = "print-resolution"
    /// A records file that cannot be read as one: not CSV in UTF-8 with commas, its header, its quoting, its rows' lengths.
    case recordFile = "record-file"
    /// A record's cell that does not fit its field, a required field left empty, an id malformed, dates that cannot both be true.
    case recordField = "record-field"
    /// A record naming a place, entry, source or record that the project does not have (or has more than one of).
    case recordReference = "record-reference"
    /// Two rows, in one file or two, with the same id.
    case duplicateRecord = "duplicate-record"
    /// Records that are likely about the same person and are not yet linked by `same-as` or kept apart by `not-same-as`.
    case possibleDuplicate = "possible-duplicate"

    public var defaultSeverity: Severity {
        switch self {
        case .untranslatedLink, .linkToDraft, .strayFile, .citationWithoutAt, .outdatedTranslation, .printResolution: .warning
        case .unusedSource, .orphan, .possibleDuplicate: .note
        case .brokenLink, .linkWrongKind, .duplicateID, .unknownCitation, .missingMedia, .missingAlt,
            .frontMatter, .factConflict, .impossibleDate, .config, .markup, .unreadableFile, .invalidMedia, .linkCycle, .reservedID, .issuedAddress,
            .recordFile, .recordField, .recordReference, .duplicateRecord:
            .error
        }
    }
}

public enum Severity: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

extension Rule {
    /// By id, so that settings keyed by rule encode (and fingerprint) the same on every run.
    public static func < (a: Rule, b: Rule) -> Bool { a.rawValue < b.rawValue }
}
