import BuildGraph
import Diagnostics
import DocumentModel
import FileSystem
import Foundation
import Localisation
import NativeBridge
import Resolution
import XMLSerialisation

/// The books' documents as products of the build graph: each entry's
/// outline → shards of outlines → a book's plan → each chunk's plan → the
/// chunk's XML, made from its entries alone; and the book's outline XML,
/// made from the plan. `RenderProducts` transform these into members.
///
/// A plan is made from outlines, so an edit of a body that leaves its
/// entry's outline as it was (its size included) reaches no plan, and a
/// plan made again that leaves a chunk's entries and the files they link
/// to as they were reaches no chunk.
enum BookProducts {
    static let kinds: [any Query.Type] = [
        BuildOptions.self, BookEntry.self, EntryOutlineQuery.self, OutlineShard.self, ProjectPlaces.self, BookPlanQuery.self,
        BookContents.self, BookEdition.self, ChunkSettings.self, ChunkPlan.self, CitedSource.self, ChunkXML.self, OutlineXML.self,
    ]
}

/// What the build is asked for besides the books: whether drafts are
/// printed, and the date every output carries.
struct BuildOptions: InputQuery, ProjectQuery {
    struct Value: Codable, Sendable, Hashable {
        var includeDrafts: Bool
        /// Seconds since 1970 (SOURCE_DATE_EPOCH, or now).
        var date: Int64
    }

    static let kind = "build-options"
}

/// A book in one language, whatever its format: what is planned once for both.
struct EditionLanguage: Hashable, Sendable, CustomStringConvertible {
    var edition: String
    var language: LanguageTag

    var description: String { "\(edition) \(language.rawValue)" }

    init(edition: String, language: LanguageTag) {
        self.edition = edition
        self.language = language
    }

    init?(_ argument: String) {
        let words = argument.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count == 2, !words[0].isEmpty, !words[1].isEmpty else { return nil }
        self.init(edition: words[0], language: LanguageTag(words[1]))
    }
}

/// A product of a book in one language, named by it (`asyl-mura kk`).
protocol EditionLanguageQuery: Query {
    var book: EditionLanguage { get }
    init(_ book: EditionLanguage)
}

extension EditionLanguageQuery {
    static var isStored: Bool { false }
    var argument: String { book.description }
    init?(argument: String) {
        guard let book = EditionLanguage(argument) else { return nil }
        self.init(book)
    }
}

/// An entry resolved, with its versions in the derived languages (`kk-Latn`
/// made from `kk`): the entry as books print it.
struct BookEntry: EntryQuery {
    static let kind = "book-entry"
    static var fingerprintsValue: Bool { false }
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> Entry? {
        guard let entry = try context.value(ResolvedEntry(id)).entry else { return nil }
        return try context.value(EntryConfiguration()).derivedLanguages.reduce(entry, DerivedLanguages.derive)
    }
}

/// What a book's plan reads of an entry.
struct EntryOutlineQuery: EntryQuery {
    static let kind = "entry-outline"
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> EntryOutline? {
        try context.value(BookEntry(id)).map(EntryOutline.init)
    }
}

/// The outlines of a shard's entries, sorted by id (stored, so a plan made
/// again after an edit reads 64 values, not every entry).
struct OutlineShard: ShardQuery {
    static let kind = "outline-shard"
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> [EntryOutline] {
        try context.value(ShardMembers(shard)).compactMap { try context.value(EntryOutlineQuery($0)) }
    }
}

/// Where every entry lies: the places each names directly.
struct ProjectPlaces: ProjectQuery {
    static let kind = "project-places"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> [EntryID: [EntryID]] {
        var places: [EntryID: [MergedFact]] = [:]
        for shard in 0..<CheckProducts.shards {
            places.merge(try context.value(PlaceShard(shard))) { first, _ in first }
        }
        return PlaceHierarchy(places: places, known: Set(try context.value(EntryIndex()))).parents
    }
}

/// A book in one language planned: its entries in order, its letters and
/// chunks. Stored: every build reads it, to know the book's chunks.
struct BookPlanQuery: EditionLanguageQuery {
    static let kind = "book-plan"
    static var isStored: Bool { true }
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> BookPlan? {
        guard let edition = try context.value(BookEdition(book)) else { return nil }
        var outlines: [EntryOutline] = []
        for shard in 0..<CheckProducts.shards { outlines += try context.value(OutlineShard(shard)) }
        outlines.sort { $0.id < $1.id }
        return BookPlanner.plan(
            outlines, places: PlaceHierarchy(parents: try context.value(ProjectPlaces())), edition: edition,
            language: book.language, includeDrafts: try context.value(BuildOptions()).includeDrafts)
    }
}

/// A book's plan as its outline reads it: without the sizes and links of
/// its entries, so that an edit of a body that moves no chunk's cut reaches no outline.
struct BookContents: EditionLanguageQuery {
    static let kind = "book-contents"
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> BookPlan? {
        guard var plan = try context.value(BookPlanQuery(book)) else { return nil }
        for index in plan.entries.indices {
            plan.entries[index].version.size = 0
            plan.entries[index].version.links = []
        }
        return plan
    }
}

/// An edition as its book in one language prints it (a derived language's
/// titles made from its source's); nil if it has no book in that language.
struct BookEdition: EditionLanguageQuery {
    static let kind = "book-edition"
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> Edition? {
        let configuration = ChunkSettings.derived(try context.value(ProjectFile()).content, book.language)
        return configuration.editions.first { $0.id == book.edition && $0.languages.contains(book.language) }
    }
}

/// The configuration and edition a book's chunks are written with: in the
/// book's language (derived, for a derived one), and without what only the
/// outline prints (the work's title, the publisher, ISBNs, the selection).
struct ChunkSettings: EditionLanguageQuery {
    typealias Value = Settings?

    struct Settings: Codable, Sendable {
        var edition: Edition
        var configuration: ProjectConfiguration
    }

    static let kind = "chunk-settings"
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> Settings? {
        guard var edition = try context.value(BookEdition(book)) else { return nil }
        edition.isbn = LocalizedText()
        edition.selection = Selection()
        edition.formats = []
        edition.location = SourceLocation(path: edition.location.path)
        return Settings(
            edition: edition, configuration: Self.derived(try context.value(EntryConfiguration()), book.language))
    }

    /// A configuration with a derived language's texts, for a book in one.
    static func derived(_ configuration: ProjectConfiguration, _ language: LanguageTag) -> ProjectConfiguration {
        guard let derived = configuration.derivedLanguages.first(where: { $0.tag == language }) else { return configuration }
        return DerivedLanguages.derive(configuration, derived)
    }
}

/// One chunk of a book's plan: its letter and entries, and the chunk each
/// entry they link to is in.
struct ChunkPlan: Query {
    typealias Value = Contents?

    struct Contents: Codable, Sendable, Hashable {
        var letter: String
        var entries: [EntryID]
        var files: [EntryID: String]
    }

    static let kind = "chunk-plan"
    static var isStored: Bool { false }
    var book: EditionLanguage
    var file: String
    var argument: String { "\(book) \(file)" }

    init(book: EditionLanguage, file: String) {
        self.book = book
        self.file = file
    }

    init?(argument: String) {
        let words = argument.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count == 3, let book = EditionLanguage("\(words[0]) \(words[1])") else { return nil }
        self.init(book: book, file: words[2])
    }

    func compute(_ context: QueryContext) throws -> Contents? {
        guard let plan = try context.value(BookPlanQuery(book)), let chunk = plan.chunks.first(where: { $0.file == file })
        else { return nil }
        let entries = plan.entries[chunk.entries]
        var files: [EntryID: String] = [:]
        for planned in entries {
            for target in planned.version.links { files[target] = plan.file(of: target) }
        }
        return Contents(letter: chunk.letter, entries: entries.map(\.entry.id), files: files)
    }
}

/// One source of sources.yaml, as books print it; nil for a key it lacks.
struct CitedSource: Query {
    static let kind = "cited-source"
    static var isStored: Bool { false }
    var key: String
    var argument: String { key }
    init(_ key: String) { self.key = key }
    init?(argument: String) { key = argument }

    func compute(_ context: QueryContext) throws -> Source? {
        try context.value(SourcesFile()).content[key]
    }

    /// The sources of `keys` that sources.yaml has.
    static func bibliography(_ keys: some Sequence<String>, _ context: QueryContext) throws -> Bibliography {
        Bibliography(try Set(keys).sorted().compactMap { try context.value(CitedSource($0)) })
    }
}

/// A chunk's document, serialised: made from its entries, the settings,
/// the files its links lead to, the targets of its link-typed facts and the sources it cites.
struct ChunkXML: BookFileQuery {
    static let kind = "chunk-xml"
    static var isStored: Bool { false }
    var book: BookName
    var name: String

    func compute(_ context: QueryContext) throws -> [UInt8] {
        let pair = EditionLanguage(edition: book.edition, language: book.language)
        guard let chunk = try context.value(ChunkPlan(book: pair, file: name)),
              let settings = try context.value(ChunkSettings(pair))
        else { throw BuildError.stylesheet("the book \(book) has no chunk \(name)") }
        let entries = try chunk.entries.compactMap { try context.value(BookEntry($0)) }
        var factTargets: [EntryID: TargetIndex.Target] = [:]
        var cited: Set<String> = []
        for entry in entries {
            for fact in entry.facts {
                for target in fact.value.linkTargets where EntryID.isValid(target.rawValue) {
                    factTargets[target] = try context.value(LinkTarget(target))
                }
            }
            cited.formUnion(entry.version(book.language)?.citedSources ?? [])
        }
        let sourceLanguages = try context.value(EntryConfiguration()).languages
        var targets = TargetIndex(factTargets, languages: sourceLanguages)
        if let derived = settings.configuration.derivedLanguages.first(where: { $0.tag == book.language }) {
            targets = DerivedLanguages.derive(targets, derived)
        }
        let serialiser = ChunkSerialiser(
            edition: settings.edition, language: book.language, configuration: settings.configuration,
            bibliography: try CitedSource.bibliography(cited, context), targets: targets, files: chunk.files,
            forPrint: book.format == .print)
        return serialiser.document(file: name, letter: chunk.letter, entries: entries).serialized()
    }
}

/// A book's outline document, serialised, and which back-matter pages it has.
struct OutlineXML: Query {
    struct Value: Codable, Sendable {
        var bytes: [UInt8]
        var hasIndex: Bool
        var hasRegions: Bool
        var hasChronology: Bool
    }

    static let kind = "outline-xml"
    static var isStored: Bool { false }
    var book: BookName
    var argument: String { book.description }
    init(_ book: BookName) { self.book = book }
    init?(argument: String) {
        guard let (book, rest) = BookName.split(argument), rest.isEmpty else { return nil }
        self.book = book
    }

    func compute(_ context: QueryContext) throws -> Value {
        let pair = EditionLanguage(edition: book.edition, language: book.language)
        guard let plan = try context.value(BookContents(pair)) else { throw BuildError.stylesheet("no book \(book)") }
        let configuration = ChunkSettings.derived(try context.value(ProjectFile()).content, book.language)
        let date = Date(timeIntervalSince1970: TimeInterval(try context.value(BuildOptions()).date))
        var resources: [BookResource] = []
        var licence = ""
        if book.format == .epub {
            resources = EPUBBuilder.carried(plan).map { BookResource(href: $0.path, mediaType: $0.mediaType, role: $0.role) }
            _ = try context.value(RenderTools())
            guard let styles = context.service(CompiledStylesheets.self)?.styles,
                  let bytes = FileSystem.readRegularFile(styles.appendingPathComponent("fonts/PTSerif-LICENSE.txt").path)
            else { throw BuildError.stylesheet("the fonts' licence cannot be read") }
            licence = String(decoding: bytes, as: UTF8.self)
        }
        let serialiser = BookSerialiser(
            plan: plan, configuration: configuration,
            bibliography: try CitedSource.bibliography(plan.entries.flatMap(\.version.citedSources), context),
            places: PlaceHierarchy(parents: try context.value(ProjectPlaces())), modified: date, resources: resources,
            fontLicence: licence)
        let back = serialiser.backMatter
        return Value(
            bytes: serialiser.outline().serialized(), hasIndex: !back.index.isEmpty, hasRegions: !back.regions.isEmpty,
            hasChronology: !back.chronology.isEmpty)
    }
}

extension FactValue {
    /// The entries a link-typed value names.
    var linkTargets: [EntryID] {
        switch self {
        case .link(let link): [link.target]
        case .links(let links): links.map(\.target)
        case .text, .date, .number, .geo, .enumeration, .sources: []
        }
    }
}
