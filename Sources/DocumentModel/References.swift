import Diagnostics

/// A link to another entry, as written and, after resolution, what it reaches.
public struct WikiLink: Hashable, Sendable, Codable {
    public var target: EntryID
    public var section: String?
    /// The `|text` part; nil means "the target's title in this language".
    public var content: [Inline]?
    public var resolution: LinkResolution

    public init(target: EntryID, section: String?, content: [Inline]?, resolution: LinkResolution = .unresolved) {
        self.target = target
        self.section = section
        self.content = content
        self.resolution = resolution
    }
}

/// What a link reaches. Renderers read this and look nothing up again.
public enum LinkResolution: Hashable, Sendable, Codable {
    /// Not resolved yet: only the parser's output has these.
    case unresolved
    /// The target has a version in the link's language.
    case resolved(ResolvedLink)
    /// The target exists but not in this language; `link.language` names the
    /// first language (in `languages` order) it exists in.
    case untranslated(ResolvedLink)
    case broken(LinkFailure)

    public var title: String? {
        switch self {
        case .resolved(let link), .untranslated(let link): link.title
        case .unresolved, .broken: nil
        }
    }
}

public struct ResolvedLink: Hashable, Sendable, Codable {
    public var target: EntryID
    /// The anchor of the section linked to, if any.
    public var anchor: String?
    /// The target's headword in `language`.
    public var title: String
    public var language: LanguageTag
    /// The target's version in `language` is marked `draft`: books without drafts leave it out.
    public var isDraft: Bool

    public init(target: EntryID, anchor: String?, title: String, language: LanguageTag, isDraft: Bool = false) {
        self.target = target
        self.anchor = anchor
        self.title = title
        self.language = language
        self.isDraft = isDraft
    }
}

/// Why a link reaches nothing, with what partly matched for "did you mean".
public enum LinkFailure: Hashable, Sendable, Codable {
    case noSuchEntry(suggestion: EntryID?)
    case noSuchSection(String, suggestion: String?)
    /// A fact's link reaches an entry of a kind the field does not allow.
    case wrongKind(actual: String?, allowed: [String])
}

/// One `@key` of a citation, with its locator (`45-б.`, `с. 12`).
public struct CitationItem: Hashable, Sendable, Codable {
    public var key: String
    public var locator: String?
    public var range: SourceRange
    public var resolution: CitationResolution

    public init(key: String, locator: String?, range: SourceRange, resolution: CitationResolution = .unresolved) {
        self.key = key
        self.locator = locator
        self.range = range
        self.resolution = resolution
    }
}

public enum CitationResolution: Hashable, Sendable, Codable {
    case unresolved
    /// The source's number in its version's list of sources (from 1, in order of first citation).
    case source(number: Int)
    case unknown(suggestion: String?)
}

/// An image path as written and, after resolution, the file it names.
public struct MediaReference: Hashable, Sendable, Codable {
    public var path: String
    public var resolution: MediaResolution

    public init(path: String, resolution: MediaResolution = .unresolved) {
        self.path = path
        self.resolution = resolution
    }
}

public enum MediaResolution: Hashable, Sendable, Codable {
    case unresolved
    /// A file under the source tree: its path relative to the root and its media type.
    case file(path: String, mediaType: String)
    case missing(MediaFailure)
}

public enum MediaFailure: Hashable, Sendable, Codable {
    /// With the nearest file of a supported type the tree has, if one is near.
    case notFound(suggestion: String?)
    case unsupportedType(String)
    case leavesSourceTree
    case external
}
