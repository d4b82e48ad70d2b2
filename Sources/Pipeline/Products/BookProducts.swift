import BuildGraph
import Diagnostics
import DocumentModel
import FileSystem
import Foundation
import Localisation
import NativeBridge
import Resolution
import XMLSerialisation

/// The books' documents as products of the build graph: shards of the
/// entries' outlines and of their sizes → a book's order → its cuts into
/// chunks → each chunk's plan → the chunk's XML, made from its entries
/// alone; and the book's outline XML, made from the order, the cuts and the
/// outlines. `RenderProducts` transform these into members.
///
/// Each piece reads only what it needs, so a change stops early: an edit
/// of a body's text changes its entry's size and nothing else, so it
/// reaches no order; cuts made again where they were reach no chunk's plan
/// and no outline.
enum BookProducts {
    static let kinds: [any Query.Type] = [
        BuildOptions.self, BuildDate.self, BookEntry.self, EntryOutlineQuery.self, EntrySizes.self, OutlineShard.self, SizeShard.self, OrderShard.self, ProjectPlaces.self,
        BookEdition.self, BookConfiguration.self, BookOrderQuery.self, BookCuts.self, BookFiles.self, BookLayout.self, ChunkSettings.self, ChunkPlan.self,
        LinkFiles.self, CitedSource.self, EntryXML.self, ChunkXML.self, OutlineXML.self,
    ]

    /// The plan of a book from its order and cuts, with the outlines of its entries.
    static func plan(_ order: BookOrder, _ letters: [LetterGroup], _ context: QueryContext) throws -> BookPlan {
        var outlines: [EntryID: EntryOutline] = [:]
        for shard in Set(order.entries.map { CheckProducts.shard(of: $0.id) }).sorted() {
            for outline in try context.value(OutlineShard(shard)) { outlines[outline.id] = outline }
        }
        return BookPlan(order: order, letters: letters, outline: { outlines[$0] })
    }
}

/// What the build is asked for besides the books: whether drafts are printed.
struct BuildOptions: InputQuery, ProjectQuery {
    struct Value: Codable, Sendable, Hashable {
        var includeDrafts: Bool
    }

    static let kind = "build-options"
}

/// The date every output carries, in seconds since 1970 (SOURCE_DATE_EPOCH,
/// or today): apart from the options, as it reaches only the outline.
struct BuildDate: InputQuery, ProjectQuery {
    typealias Value = Int64
    static let kind = "build-date"
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

    /// A book's name and the word that follows it in a product's argument (`asyl-mura kk letter-01.xhtml`).
    static func split(_ argument: String) -> (EditionLanguage, String)? {
        let words = argument.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count == 3, let book = EditionLanguage("\(words[0]) \(words[1])") else { return nil }
        return (book, words[2])
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

extension EntryOutline: ShardListed {}

/// What a book's plan reads of an entry (nil for an id no entry has).
struct EntryOutlineQuery: EntryQuery {
    static let kind = "entry-outline"
    /// Fingerprinted by what it is made from, never encoded: what reads it (a shard, a chunk) is stored and cuts a change off.
    static var fingerprintsValue: Bool { false }
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> EntryOutline? { try context.value(BookEntry(id)).map(EntryOutline.init) }
}

/// The sizes of an entry's versions (`Version.estimatedSize`), where chunks are cut: what a body edit changes.
struct EntrySizes: EntryQuery {
    static let kind = "entry-sizes"
    /// Fingerprinted by what it is made from, never encoded: what reads it (a shard, a chunk) is stored and cuts a change off.
    static var fingerprintsValue: Bool { false }
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> [LanguageTag: Int]? { try context.value(BookEntry(id)).map(EntryOutline.sizes) }
}

/// The outlines of a shard's entries, sorted by id (stored, so what reads
/// every entry's reads 256 values).
struct OutlineShard: ShardQuery {
    static let kind = "outline-shard"
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> [EntryOutline] {
        try shardList(shard, EntryOutlineQuery.init, context)
    }
}

/// The sizes of a shard's entries' versions.
struct SizeShard: ShardQuery {
    static let kind = "size-shard"
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> [EntryID: [LanguageTag: Int]] {
        let values = try shardValues(
            shard, EntrySizes.init, earlier: context.previousValue([EntryID: [LanguageTag: Int]].self), absent: nil, context)
        return Dictionary(values.compactMap { entry in entry.value.map { (entry.id, $0) } }) { first, _ in first }
    }
}

/// What selects and orders a shard's entries in a book (`EntryOutline.ordering`).
struct OrderShard: ShardQuery {
    static let kind = "order-shard"
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> [EntryOutline] {
        try context.value(OutlineShard(shard)).map(\.ordering)
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

/// The entries of a book in one language, in order (stored: every build
/// that cuts chunks again reads it, and it changes only with a headword, a
/// sort key, a kind, a category, a place, a draft or the edition).
struct BookOrderQuery: EditionLanguageQuery {
    static let kind = "book-order"
    static var isStored: Bool { true }
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> BookOrder? {
        guard let edition = try context.value(BookEdition(book)) else { return nil }
        var outlines: [EntryOutline] = []
        for shard in 0..<CheckProducts.shards { outlines += try context.value(OrderShard(shard)) }
        outlines.sort { $0.id < $1.id }
        return BookPlanner.order(
            outlines, places: PlaceHierarchy(parents: try context.value(ProjectPlaces())), edition: edition,
            language: book.language, includeDrafts: try context.value(BuildOptions()).includeDrafts)
    }
}

/// A book's letters cut into chunks, by its order and its entries' sizes.
struct BookCuts: EditionLanguageQuery {
    static let kind = "book-cuts"
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> [LetterGroup] {
        guard let order = try context.value(BookOrderQuery(book)) else { return [] }
        var sizes: [EntryID: [LanguageTag: Int]] = [:]
        for shard in 0..<CheckProducts.shards { sizes.merge(try context.value(SizeShard(shard))) { first, _ in first } }
        return BookPlanner.letters(order, size: { sizes[$0]?[book.language] ?? 0 })
    }
}

/// The chunk each entry of a book is in: what its order and cuts say, so
/// fingerprinted by them, and never encoded.
struct BookFiles: EditionLanguageQuery {
    static let kind = "book-files"
    static var fingerprintsValue: Bool { false }
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> [EntryID: String] {
        guard let order = try context.value(BookOrderQuery(book)) else { return [:] }
        var files: [EntryID: String] = [:]
        for chunk in try context.value(BookCuts(book)).flatMap(\.chunks) {
            for entry in order.entries[chunk.entries] { files[entry.id] = chunk.file }
        }
        return files
    }
}

/// What the builders read of a plan: its chunks, how many entries it holds
/// and which it lacks, and the images it shows (stored: small, and read on
/// every build).
struct BookLayout: EditionLanguageQuery {
    struct Layout: Codable, Sendable, Hashable {
        var chunks: [String]
        var entries: Int
        var missing: [EntryID]
        var drafts: [EntryID]
        var images: [EntryOutline.ImageFile]
        /// asyl.yaml's cover for the book, a path in the tree; nil: Asyl draws one.
        var cover: String?
    }

    typealias Value = Layout?

    static let kind = "book-layout"
    static var isStored: Bool { true }
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> Layout? {
        guard let order = try context.value(BookOrderQuery(book)) else { return nil }
        let plan = try BookProducts.plan(order, try context.value(BookCuts(book)), context)
        return Layout(
            chunks: plan.chunks.map(\.file), entries: plan.entries.count, missing: plan.missing, drafts: plan.drafts,
            images: Set(plan.entries.flatMap(\.version.images)).sorted(),
            cover: try context.value(BookEdition(book))?.publication.cover[book.language])
    }
}

/// An edition as its book in one language prints it (a derived language's
/// titles made from its source's); nil if it has no book in that language.
struct BookEdition: EditionLanguageQuery {
    static let kind = "book-edition"
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> Edition? {
        try context.value(BookConfiguration(book)).editions.first { $0.id == book.edition && $0.languages.contains(book.language) }
    }
}

/// asyl.yaml as a book in one language reads it: its texts in that language
/// (`ProjectConfiguration.reading(in:)`), derived for a derived one, without
/// the checks, the page geometry and where editions are written (which are for
/// findings, not books: a line added above an edition reaches none).
struct BookConfiguration: EditionLanguageQuery {
    static let kind = "book-configuration"
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> ProjectConfiguration {
        var configuration = ChunkSettings.derived(try context.value(ProjectFile()).content, book.language).reading(in: book.language)
        let blank = ProjectConfiguration()
        configuration.checks = blank.checks
        configuration.printGeometry = blank.printGeometry
        configuration.stylesDirectory = blank.stylesDirectory
        for edition in configuration.editions.indices {
            configuration.editions[edition].location = SourceLocation(path: configuration.editions[edition].location.path)
        }
        return configuration
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
        edition.publication = PublicationDetails()
        edition.selection = Selection()
        edition.formats = []
        edition.web = WebSettings()
        edition.plaques = nil
        return Settings(
            edition: edition,
            configuration: Self.derived(try context.value(EntryConfiguration()), book.language).reading(in: book.language))
    }

    /// A configuration with a derived language's texts, for a book in one.
    static func derived(_ configuration: ProjectConfiguration, _ language: LanguageTag) -> ProjectConfiguration {
        guard let derived = configuration.derivedLanguages.first(where: { $0.tag == language }) else { return configuration }
        return DerivedLanguages.derive(configuration, derived)
    }
}

/// One chunk of a book's plan: its letter and entries.
struct ChunkPlan: Query {
    typealias Value = Contents?

    struct Contents: Codable, Sendable, Hashable {
        var letter: String
        var entries: [EntryID]
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
        guard let (book, file) = EditionLanguage.split(argument) else { return nil }
        self.init(book: book, file: file)
    }

    func compute(_ context: QueryContext) throws -> Contents? {
        let letters = try context.value(BookCuts(book))
        guard let order = try context.value(BookOrderQuery(book)),
              let chunk = letters.lazy.flatMap(\.chunks).first(where: { $0.file == file })
        else { return nil }
        return Contents(letter: chunk.letter, entries: order.entries[chunk.entries].map(\.id))
    }
}

/// The chunk of a book each entry an entry links to is in (what its links' addresses say).
struct LinkFiles: Query {
    static let kind = "link-files"
    static var isStored: Bool { false }
    var book: EditionLanguage
    var id: EntryID
    var argument: String { "\(book) \(id)" }

    init(book: EditionLanguage, id: EntryID) {
        self.book = book
        self.id = id
    }

    init?(argument: String) {
        guard let (book, id) = EditionLanguage.split(argument), EntryID.isValid(id) else { return nil }
        self.init(book: book, id: EntryID(id))
    }

    func compute(_ context: QueryContext) throws -> [EntryID: String] {
        let outlines = try context.value(OutlineShard(CheckProducts.shard(of: id)))
        guard let links = outlines.first(where: { $0.id == id })?.version(book.language)?.links, !links.isEmpty else { return [:] }
        let fileOf = try context.value(BookFiles(book))
        var files: [EntryID: String] = [:]
        for target in links { files[target] = fileOf[target] }
        return files
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

/// An entry of a book, serialised as its chunk's document writes it (nil:
/// no version in the book's language): made from the entry, the settings,
/// the chunks its links lead to, the targets of its link-typed facts and the sources it cites.
struct EntryXML: Query {
    static let kind = "entry-xml"
    /// Fingerprinted by what it is made from, never encoded: what reads it (a shard, a chunk) is stored and cuts a change off.
    static var fingerprintsValue: Bool { false }
    static var isStored: Bool { false }
    var book: BookName
    var id: EntryID
    var argument: String { "\(book) \(id)" }

    init(book: BookName, id: EntryID) {
        self.book = book
        self.id = id
    }

    init?(argument: String) {
        guard let (book, id) = BookName.split(argument), EntryID.isValid(id) else { return nil }
        self.init(book: book, id: EntryID(id))
    }

    func compute(_ context: QueryContext) throws -> [UInt8]? {
        let pair = EditionLanguage(edition: book.edition, language: book.language)
        guard let settings = try context.value(ChunkSettings(pair)) else { throw BuildError.internalInconsistency("no book \(book)") }
        guard let entry = try context.value(BookEntry(id)) else { return nil }
        var factTargets: [EntryID: TargetIndex.Target] = [:]
        for fact in entry.facts {
            for target in fact.value.linkTargets where EntryID.isValid(target.rawValue) {
                factTargets[target] = try context.value(LinkTarget(target))
            }
        }
        var targets = TargetIndex(factTargets, languages: try context.value(EntryConfiguration()).languages)
        if let derived = settings.configuration.derivedLanguages.first(where: { $0.tag == book.language }) {
            targets = DerivedLanguages.derive(targets, derived)
        }
        let serialiser = ChunkSerialiser(
            edition: settings.edition, language: book.language, configuration: settings.configuration,
            bibliography: try CitedSource.bibliography(entry.version(book.language)?.citedSources ?? [], context),
            targets: targets, files: try context.value(LinkFiles(book: pair, id: id)), forPrint: book.format == .print)
        return serialiser.entry(entry)
    }
}

/// A chunk's document, serialised, and where each entry's element lies in
/// it. Stored: made again, it takes the elements of the entries that did
/// not change from its last value, so only a changed entry is read and written again.
struct ChunkXML: BookFileQuery {
    struct Value: Codable, Sendable {
        var document: [UInt8]
        var entries: [EntryID: Range<Int>]

        func element(_ id: EntryID) -> [UInt8]? { entries[id].map { Array(document[$0]) } }
    }

    static let kind = "chunk-xml"
    var book: BookName
    var name: String

    func compute(_ context: QueryContext) throws -> Value {
        let pair = EditionLanguage(edition: book.edition, language: book.language)
        guard let chunk = try context.value(ChunkPlan(book: pair, file: name)),
              let settings = try context.value(ChunkSettings(pair))
        else { throw BuildError.internalInconsistency("the book \(book) has no chunk \(name)") }
        let earlier = context.previousValue(Value.self)
        let made = try chunk.entries.concurrentMap { id in
            Result { try context.value(EntryXML(book: book, id: id), unlessStill: earlier.map { $0.element(id) }) }
        }.map { try $0.get() }
        let elements = zip(chunk.entries, made).compactMap { id, element in element.map { (id, $0) } }
        let serialiser = ChunkSerialiser(
            edition: settings.edition, language: book.language, configuration: settings.configuration,
            bibliography: Bibliography(), targets: TargetIndex([:], languages: []), files: [:], forPrint: book.format == .print)
        let (document, ranges) = serialiser.document(file: name, letter: chunk.letter, entries: elements.map(\.1))
        return Value(document: document, entries: Dictionary(zip(elements.map(\.0), ranges)) { first, _ in first })
    }

    /// What to let go of once the chunk is rendered: its document and its entries' elements.
    func rendered(in graph: Graph) -> [QueryKey] {
        [key] + graph.dependencies(of: key).filter { $0.kind == EntryXML.kind }
    }
}

/// A book's outline document, serialised, and which back-matter pages it has.
struct OutlineXML: BookQuery {
    struct Value: Codable, Sendable {
        var bytes: [UInt8]
        var hasIndex: Bool
        var hasRegions: Bool
        var hasChronology: Bool
        var hasBibliography: Bool
    }

    static let kind = "outline-xml"
    static var isStored: Bool { false }
    var book: BookName
    init(_ book: BookName) { self.book = book }

    func compute(_ context: QueryContext) throws -> Value {
        let pair = EditionLanguage(edition: book.edition, language: book.language)
        guard let order = try context.value(BookOrderQuery(pair)) else { throw BuildError.internalInconsistency("no book \(book)") }
        let plan = try BookProducts.plan(order, try context.value(BookCuts(pair)), context)
        let configuration = try context.value(BookConfiguration(pair))
        let date = Date(timeIntervalSince1970: TimeInterval(try context.value(BuildDate())))
        var resources: [BookResource] = []
        var licence = ""
        if book.format == .epub {
            let images = Set(plan.entries.flatMap(\.version.images)).sorted()
            resources = EPUBBuilder.carried(images).map { BookResource(href: $0.path, mediaType: $0.mediaType, role: $0.role) }
            let cover = try context.value(BookEdition(pair))?.publication.cover[book.language]
            resources += CoverArt.files(cover).map { BookResource(href: $0.path, mediaType: $0.mediaType, role: $0.role) }
            _ = try context.value(RenderTools())
            guard let styles = context.service(CompiledStylesheets.self)?.styles,
                  let bytes = FileSystem.readRegularFile(styles.appendingPathComponent("fonts/PTSerif-LICENSE.txt").path)
            else { throw BuildError.internalInconsistency("the fonts' licence cannot be read") }
            licence = String(decoding: bytes, as: UTF8.self)
        }
        let bibliography = try CitedSource.bibliography(plan.entries.flatMap(\.version.citedSources), context)
        let serialiser = BookSerialiser(
            plan: plan, configuration: configuration, bibliography: bibliography,
            places: PlaceHierarchy(parents: try context.value(ProjectPlaces())), modified: date, resources: resources,
            fontLicence: licence)
        let back = serialiser.backMatter
        return Value(
            bytes: serialiser.outline().serialized(), hasIndex: !back.index.isEmpty, hasRegions: !back.regions.isEmpty,
            hasChronology: !back.chronology.isEmpty, hasBibliography: !bibliography.sources.isEmpty)
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
