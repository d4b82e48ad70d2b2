import DocumentModel
import EDTF

/// What a book's plan and back matter read of an entry, made from the
/// resolved entry: its kind, categories and dated facts, and for each
/// version its headword, sort key, aliases, sources, images and links. A
/// book is planned from outlines and sizes alone (`sizes(of:)`, kept
/// apart), so an edit of a body's text leaves its entry's outline as it was.
public struct EntryOutline: Hashable, Sendable, Codable {
    public struct VersionOutline: Hashable, Sendable, Codable {
        public var language: LanguageTag
        public var title: String
        public var sort: String?
        public var aliases: [String]
        public var isDraft: Bool
        /// In order of first citation.
        public var citedSources: [String]
        /// The image files it shows, by path in the tree and media type, sorted.
        public var images: [ImageFile]
        /// The entries it links to, in its body and in the entry's facts (itself too, by a section), sorted.
        public var links: [EntryID]
    }

    /// An image file of the source tree, as a book carries it.
    public struct ImageFile: Hashable, Sendable, Codable, Comparable {
        public var path: String
        public var mediaType: String

        public static func < (a: ImageFile, b: ImageFile) -> Bool { (a.path, a.mediaType) < (b.path, b.mediaType) }
    }

    /// A language-neutral fact whose value is a date (for the chronology).
    public struct DatedFact: Hashable, Sendable, Codable {
        public var field: String
        public var value: EDTFValue
    }

    public var id: EntryID
    public var kind: String?
    public var categories: [String]
    /// In field order.
    public var dates: [DatedFact]
    /// In the order of the entry's versions.
    public var versions: [VersionOutline]

    public init(_ entry: Entry) {
        id = entry.id
        kind = entry.kind
        categories = entry.categories
        dates = entry.facts.compactMap { fact in
            if case .date(let value) = fact.value { DatedFact(field: fact.field, value: value) } else { nil }
        }
        var factLinks: Set<EntryID> = []
        for fact in entry.facts {
            switch fact.value {
            case .link(let link): factLinks.insert(link.target)
            case .links(let links): factLinks.formUnion(links.map(\.target))
            case .text, .date, .number, .geo, .enumeration, .sources: break
            }
        }
        versions = entry.versions.map { version in
            var images: Set<ImageFile> = []
            for image in version.images {
                if case .file(let path, let mediaType) = image.reference.resolution {
                    images.insert(ImageFile(path: path, mediaType: mediaType))
                }
            }
            return VersionOutline(
                language: version.language, title: version.title, sort: version.sort, aliases: version.aliases,
                isDraft: version.isDraft, citedSources: version.citedSources,
                images: images.sorted(), links: version.linkedEntries.union(factLinks).sorted())
        }
    }

    public func version(_ language: LanguageTag) -> VersionOutline? {
        versions.first { $0.language == language }
    }

    /// Each version's `estimatedSize`, by language: where a letter is cut into chunks.
    public static func sizes(of entry: Entry) -> [LanguageTag: Int] {
        Dictionary(entry.versions.map { ($0.language, $0.estimatedSize) }, uniquingKeysWith: { first, _ in first })
    }

    /// What selects and orders the entry in a book (`BookPlanner.order`), and nothing else.
    public var ordering: EntryOutline {
        var copy = self
        copy.dates = []
        copy.versions = versions.map { version in
            var version = version
            version.aliases = []
            version.citedSources = []
            version.images = []
            version.links = []
            return version
        }
        return copy
    }
}
