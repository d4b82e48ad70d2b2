import Diagnostics
import DocumentModel

/// What other entries, and checks over the whole project, can see of an
/// entry: its kind, each version's headword and section anchors, and what
/// it links to and cites. An edit of a body that changes none of these
/// reaches no other entry.
public struct EntryInterface: Hashable, Sendable, Codable {
    public struct VersionInterface: Hashable, Sendable, Codable {
        public var language: LanguageTag
        public var path: String
        public var title: String
        /// Other names, by which a records file may name the entry.
        public var aliases: [String]
        public var titleRange: SourceRange?
        public var anchors: [String]
        public var isDraft: Bool
        /// `redirect-from:` as this version writes it.
        public var redirectFrom: [Located<EntryID>]
    }

    public var id: EntryID
    public var kind: String?
    /// In the order of `languages`.
    public var versions: [VersionInterface]
    /// The other entries its versions link to, in body or facts, sorted.
    public var links: [EntryID]
    /// The keys it cites, in body or `sources` facts, known to sources.yaml or not; sorted.
    public var citations: [String]

    /// The interface of an entry assembled from its versions (resolved or not).
    public init(_ entry: Entry) {
        id = entry.id
        kind = entry.kind
        versions = entry.versions.map { version in
            VersionInterface(
                language: version.language, path: version.path, title: version.title, aliases: version.aliases, titleRange: version.titleRange,
                anchors: version.sectionAnchors, isDraft: version.isDraft, redirectFrom: version.redirectFrom)
        }
        var links: Set<EntryID> = []
        var citations: Set<String> = []
        for version in entry.versions {
            links.formUnion(version.linkedEntries)
            version.forEachInline { inline in
                if case .citation(let items) = inline.kind { citations.formUnion(items.map(\.key)) }
            }
            for fact in version.facts {
                if case .sources(let keys) = fact.value { citations.formUnion(keys) }
            }
        }
        links.remove(entry.id)
        self.links = links.sorted()
        self.citations = citations.sorted()
    }

    /// The ids the entry was once at, from all its versions, sorted.
    public var formerIDs: [EntryID] { Set(versions.flatMap { $0.redirectFrom.map(\.value) }).sorted() }

    /// What a link to the entry reaches.
    public var target: TargetIndex.Target {
        TargetIndex.Target(
            kind: kind, titles: Dictionary(versions.map { ($0.language, $0.title) }, uniquingKeysWith: { first, _ in first }),
            anchors: Dictionary(versions.map { ($0.language, $0.anchors) }, uniquingKeysWith: { first, _ in first }),
            drafts: versions.filter(\.isDraft).map(\.language).sorted())
    }
}

extension Resolver {
    /// Groups versions (sorted by id, then language order) into entries and
    /// merges their language-neutral facts, as `resolve` does first.
    public static func assemble(
        _ versions: [Version], configuration: ProjectConfiguration
    ) -> (entries: [Entry], duplicates: [DuplicateVersion], conflicts: [FactConflict]) {
        EntryAssembler.assemble(versions, configuration: configuration)
    }
}

extension Bibliography {
    /// The same keys and nothing else (every source a book at line 1): all
    /// that resolving and checking an entry reads of the sources, whether a
    /// key exists and the keys for "did you mean". An edit of anything else
    /// in sources.yaml leaves it as it was.
    public var keysOnly: Bibliography {
        Bibliography(
            sources.map { Source(key: $0.key, type: .book, location: SourceLocation(path: $0.location.path)) },
            isReadable: isReadable)
    }
}
