import Diagnostics
import EDTF

/// One language's version of an entry: one `ID.LANG.md` file, parsed.
public struct Version: Hashable, Sendable, Codable {
    public var id: EntryID
    public var language: LanguageTag
    /// Relative to the source tree's root, with `/` separators.
    public var path: String
    public var kind: Located<String>?
    public var title: String
    public var sort: String?
    public var aliases: [String]
    public var summary: String?
    public var categories: Located<[String]>?
    public var isDraft: Bool
    public var translatedFrom: TranslationSource?
    /// `redirect-from:`: ids the entry was once at, whose web addresses now lead to it.
    public var redirectFrom: [Located<EntryID>]
    /// Facts as this version writes them, in file order.
    public var facts: [Fact]
    public var body: [Block]
    /// The lead and each top-level heading's section, in order, with their fingerprints.
    public var sections: [BodySection]
    public var footnotes: [Footnote]
    /// Keys of the sources this version cites, in order of first citation:
    /// the version's own list of sources (filled by the resolver).
    public var citedSources: [String]
    /// The range of `title:`'s value, for findings about the headword.
    public var titleRange: SourceRange?
    /// False when the front matter could not be read at all: what it would
    /// have given (a required field, a fact) is then unknown, not missing.
    public var isFrontMatterRead: Bool

    public init(id: EntryID, language: LanguageTag, path: String) {
        self.id = id
        self.language = language
        self.path = path
        self.kind = nil
        self.title = ""
        self.sort = nil
        self.aliases = []
        self.summary = nil
        self.categories = nil
        self.isDraft = false
        self.translatedFrom = nil
        self.redirectFrom = []
        self.facts = []
        self.body = []
        self.sections = []
        self.footnotes = []
        self.citedSources = []
        self.titleRange = nil
        self.isFrontMatterRead = true
    }

    public func location(_ range: SourceRange?) -> SourceLocation {
        SourceLocation(path: path, range: range)
    }

    /// Anchors of the body's headings, in order.
    public var sectionAnchors: [String] {
        var anchors: [String] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .heading(let heading): anchors.append(heading.anchor)
                case .blockQuote(let inner): visit(inner)
                case .list(let list): list.items.forEach(visit)
                case .paragraph, .codeBlock, .thematicBreak, .table, .figure: break
                }
            }
        }
        visit(body)
        return anchors
    }
}

/// A value with the range it was read from.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var range: SourceRange

    public init(_ value: Value, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

public struct Footnote: Hashable, Sendable, Codable {
    public var label: String
    public var blocks: [Block]
    public var range: SourceRange

    public init(label: String, blocks: [Block], range: SourceRange) {
        self.label = label
        self.blocks = blocks
        self.range = range
    }
}

/// A typed fact of a version's front matter (`born: 1845-08-10`).
public struct Fact: Hashable, Sendable, Codable {
    public var field: String
    public var value: FactValue
    /// Where the key is written (findings about the fact point here).
    public var range: SourceRange

    public init(field: String, value: FactValue, range: SourceRange) {
        self.field = field
        self.value = value
        self.range = range
    }
}

public enum FactValue: Hashable, Sendable, Codable {
    case text(String)
    case date(EDTFValue)
    /// The number and how it was written, so `1 000.0` is shown as the editor wrote it.
    case number(Double, written: String)
    case geo(latitude: Double, longitude: Double)
    case link(FactLink)
    case links([FactLink])
    case enumeration(String)
    case sources([String])

    /// Whether two values are the same fact, ignoring where links were written.
    public func sameValue(as other: FactValue) -> Bool {
        switch (self, other) {
        case (.link(let a), .link(let b)): a.target == b.target
        case (.links(let a), .links(let b)): a.map(\.target) == b.map(\.target)
        case (.number(let a, _), .number(let b, _)): a == b
        default: self == other
        }
    }
}

/// A link-typed fact's target with where it is written and what it reaches.
public struct FactLink: Hashable, Sendable, Codable {
    public var target: EntryID
    public var range: SourceRange
    public var resolution: LinkResolution

    public init(target: EntryID, range: SourceRange, resolution: LinkResolution = .unresolved) {
        self.target = target
        self.range = range
        self.resolution = resolution
    }
}

/// An entry assembled from its versions, with its merged language-neutral facts.
public struct Entry: Hashable, Sendable, Codable {
    public var id: EntryID
    /// The versions, in the order of `languages`.
    public var versions: [Version]
    public var kind: String?
    public var categories: [String]
    /// Language-neutral facts by the reference rule (FORMAT.md §2.1), in field order.
    public var facts: [MergedFact]
    /// Entries whose versions link here, sorted.
    public var backlinks: [Backlink]

    public init(id: EntryID, versions: [Version]) {
        self.id = id
        self.versions = versions
        self.kind = nil
        self.categories = []
        self.facts = []
        self.backlinks = []
    }

    public func version(_ language: LanguageTag) -> Version? {
        versions.first { $0.language == language }
    }
}

/// A language-neutral fact and the version its value comes from.
public struct MergedFact: Hashable, Sendable, Codable {
    public var field: String
    public var value: FactValue
    public var language: LanguageTag
    public var path: String
    public var range: SourceRange

    public init(field: String, value: FactValue, language: LanguageTag, path: String, range: SourceRange) {
        self.field = field
        self.value = value
        self.language = language
        self.path = path
        self.range = range
    }
}

/// A version that links to an entry.
public struct Backlink: Hashable, Comparable, Sendable, Codable {
    public var source: EntryID
    public var language: LanguageTag

    public init(source: EntryID, language: LanguageTag) {
        self.source = source
        self.language = language
    }

    public static func < (a: Backlink, b: Backlink) -> Bool {
        (a.source, a.language) < (b.source, b.language)
    }
}

extension Located: Codable where Value: Codable {}
