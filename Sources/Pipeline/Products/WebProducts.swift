import BuildGraph
import DocumentModel
import Foundation
import Localisation
import NativeBridge
import Packaging
import Resolution
import XMLSerialisation

/// The web edition's pages as products of the build graph: each entry's
/// page in each language, made from its element of the book XML (`EntryXML`)
/// and which languages have it; its language-neutral page; and the site's
/// own pages, made from each language's outline. Each is kept deflated in
/// the store, so a rebuild transforms only what changed.
enum WebProducts {
    static let kinds: [any Query.Type] = [
        WebSite.self, WebMembers.self, WebVersions.self, WebPageXML.self, WebPage.self, NeutralPage.self, WebParts.self,
        WebPart.self, WebSitemap.self, EntryLocation.self, LocationShard.self, WebMap.self,
        LeafletFolder.self, WebRedirects.self, RedirectPage.self,
    ]
}

/// Where a web edition's pages lie, relative to the site's root. Every
/// address is a folder (`kk/abai-qunanbaiuly/`) whose page is its index.html.
enum WebPaths {
    static let page = "index.html"

    static func entry(_ id: EntryID, _ language: LanguageTag) -> String { "\(WebSettings.segment(language))/\(id)/" }
    static func neutral(_ id: EntryID) -> String { "\(id)/" }
    /// A page of the site's own in one language: under `LANG/_/`, which no entry's address can reach.
    static func site(_ name: String, _ language: LanguageTag) -> String {
        "\(WebSettings.segment(language))/\(WebSettings.siteFolder)/\(name)/"
    }
    static func home(_ language: LanguageTag) -> String { "\(WebSettings.segment(language))/" }
    /// The map's data, in the map page's folder.
    static let mapData = "places.geojson"
    /// What the site carries of Leaflet: the script, its CSS and the images the CSS names.
    static let leafletFiles = ["leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png"]

    /// The site's shared files (CSS, fonts, images).
    static func asset(_ path: String) -> String { "\(WebSettings.siteFolder)/\(path)" }

    /// The way back from a folder to the site's root (`../../` from `kk/abai/`).
    static func root(from folder: String) -> String {
        String(repeating: "../", count: folder.split(separator: "/").count)
    }
}

/// What every page of an edition's site is made with: its languages, in
/// order, and where it is published.
struct WebSite: EditionQuery {
    struct Value: Codable, Sendable, Hashable {
        var languages: [LanguageTag]
        var baseURL: String?
        var tiles: WebSettings.Tiles?
    }

    static let kind = "web-site"
    static var isStored: Bool { false }
    var edition: String
    init(_ edition: String) { self.edition = edition }

    func compute(_ context: QueryContext) throws -> Value {
        guard let edition = try context.value(ProjectFile()).content.editions.first(where: { $0.id == edition }) else {
            throw BuildError.internalInconsistency("no edition \(edition)")
        }
        return Value(languages: edition.languages, baseURL: edition.web.baseURL, tiles: edition.web.tiles)
    }

    /// The parameters every transform of a page at `folder` takes.
    static func parameters(_ site: Value, part: String, folder: String) -> [(String, String)] {
        [("part", part), ("web.path", folder), ("web.root", WebPaths.root(from: folder)),
         ("web.languages", site.languages.map(\.rawValue).joined(separator: " ")), ("web.base-url", site.baseURL ?? ""),
         ("web.tiles-url", site.tiles?.url ?? ""), ("web.tiles-attribution", site.tiles?.attribution ?? "")]
    }
}

/// The entries of an edition's pages in one language: those its book in that language holds.
struct WebMembers: EditionLanguageQuery {
    static let kind = "web-members"
    /// Fingerprinted by the order it is made from: what reads it is cheap, and cuts a change off.
    static var fingerprintsValue: Bool { false }
    var book: EditionLanguage
    init(_ book: EditionLanguage) { self.book = book }

    func compute(_ context: QueryContext) throws -> Set<EntryID> {
        Set(try context.value(BookOrderQuery(book))?.entries.map(\.id) ?? [])
    }
}

/// A product of one edition, whatever the language (`asyl-mura`).
protocol EditionQuery: Query {
    var edition: String { get }
    init(_ edition: String)
}

extension EditionQuery {
    var argument: String { edition }
    init?(argument: String) { self.init(argument) }
}

/// A product of one entry in one edition, whatever the language (`asyl-mura berel`).
protocol EditionEntryQuery: Query {
    var edition: String { get }
    var id: EntryID { get }
    init(edition: String, id: EntryID)
}

extension EditionEntryQuery {
    var argument: String { "\(edition) \(id)" }

    init?(argument: String) {
        let words = argument.split(separator: " ").map(String.init)
        guard words.count == 2, EntryID.isValid(words[1]) else { return nil }
        self.init(edition: words[0], id: EntryID(words[1]))
    }
}

/// An entry's headword in each of its edition's languages, nil where the
/// edition's pages in that language lack it: its language switcher.
struct WebVersions: EditionEntryQuery {
    static let kind = "web-versions"
    static var isStored: Bool { false }
    var edition: String
    var id: EntryID

    init(edition: String, id: EntryID) {
        self.edition = edition
        self.id = id
    }

    func compute(_ context: QueryContext) throws -> [WebVersion] {
        let entry = try context.value(BookEntry(id))
        return try context.value(WebSite(edition)).languages.map { language in
            let held = try context.value(WebMembers(EditionLanguage(edition: edition, language: language))).contains(id)
            return WebVersion(language: language, title: held ? entry?.version(language)?.title : nil)
        }
    }
}

/// The document of an entry's page in one language (nil: no such page).
struct WebPageXML: BookFileQuery {
    static let kind = "web-page-xml"
    /// Fingerprinted by what it is made from, never encoded: the page made from it is stored.
    static var fingerprintsValue: Bool { false }
    static var isStored: Bool { false }
    var book: BookName
    var name: String

    func compute(_ context: QueryContext) throws -> [UInt8]? {
        guard EntryID.isValid(name) else { return nil }
        let id = EntryID(name)
        let pair = EditionLanguage(edition: book.edition, language: book.language)
        guard let settings = try context.value(ChunkSettings(pair)) else { throw BuildError.internalInconsistency("no book \(book)") }
        guard let element = try context.value(EntryXML(book: book, id: id)) else { return nil }
        let serialiser = ChunkSerialiser(
            edition: settings.edition, language: book.language, configuration: settings.configuration,
            bibliography: Bibliography(), targets: TargetIndex([:], languages: []), files: [:], forPrint: false)
        return serialiser.webPage(
            id: id, entry: element, versions: try context.value(WebVersions(edition: book.edition, id: id)))
    }
}

/// The document of a page at one of an entry's other addresses (its
/// language-neutral one, an old one), in one language: the page's document
/// without the entry, whose headword its version in that language gives.
struct AddressPageXML: BookFileQuery {
    static let kind = "address-page-xml"
    /// Fingerprinted by what it is made from, never encoded: the page made from it is stored.
    static var fingerprintsValue: Bool { false }
    static var isStored: Bool { false }
    var book: BookName
    var name: String

    func compute(_ context: QueryContext) throws -> [UInt8] {
        let pair = EditionLanguage(edition: book.edition, language: book.language)
        guard let settings = try context.value(ChunkSettings(pair)) else { throw BuildError.internalInconsistency("no book \(book)") }
        let id = EntryID(name)
        let serialiser = ChunkSerialiser(
            edition: settings.edition, language: book.language, configuration: settings.configuration,
            bibliography: Bibliography(), targets: TargetIndex([:], languages: []), files: [:], forPrint: false)
        return serialiser.webPage(id: id, entry: [], versions: try context.value(WebVersions(edition: book.edition, id: id)))
    }
}

/// An entry's page in one language (`name`: its id), at `LANG/ID/`.
struct WebPage: BookFileQuery {
    static let kind = "web-page"
    /// The site itself keeps it (docs/web.md, "Builds"), so the store does not.
    static var isStored: Bool { false }
    var book: BookName
    var name: String

    func compute(_ context: QueryContext) throws -> [UInt8] {
        guard let bytes = try context.value(WebPageXML(book: book, name: name)) else {
            throw BuildError.internalInconsistency("the web edition \(book) has no entry \(name)")
        }
        let folder = WebPaths.entry(EntryID(name), book.language)
        return try Web.transform(bytes, name: "\(name).xml", part: "entry", folder: folder, site: book.edition, context)
    }
}

/// An entry's language-neutral page (`ID/`): it sends the reader to the
/// entry in their language, and lists every language's page. Made from the
/// address page in the first of the edition's languages that has the entry.
struct NeutralPage: EditionEntryQuery {
    static let kind = "neutral-page"
    /// The site itself keeps it (docs/web.md, "Builds"), so the store does not.
    static var isStored: Bool { false }
    var edition: String
    var id: EntryID

    init(edition: String, id: EntryID) {
        self.edition = edition
        self.id = id
    }

    func compute(_ context: QueryContext) throws -> [UInt8] {
        let versions = try context.value(WebVersions(edition: edition, id: id))
        guard let first = versions.first(where: { $0.title != nil })?.language else {
            throw BuildError.internalInconsistency("the web edition \(edition) has no entry \(id)")
        }
        let bytes = try context.value(AddressPageXML(book: BookName(edition: edition, language: first, format: .web), name: id.rawValue))
        return try Web.transform(bytes, name: "\(id).xml", part: "neutral", folder: WebPaths.neutral(id), site: edition, context)
    }
}

/// The site's own pages in one language, as (stylesheet `part`, folder):
/// the home page, and the indexes and sources the outline has; the
/// site's root page with the first language's.
struct WebParts: BookQuery {
    struct Part: Codable, Sendable, Hashable {
        var name: String
        var folder: String
    }

    static let kind = "web-parts"
    var book: BookName
    init(_ book: BookName) { self.book = book }

    func compute(_ context: QueryContext) throws -> [Part] {
        let outline = try context.value(OutlineXML(book))
        var parts = [
            Part(name: "home", folder: WebPaths.home(book.language)),
            Part(name: "search", folder: WebPaths.site("search", book.language)),
        ]
        if try context.value(WebSite(book.edition)).languages.first == book.language { parts.append(Part(name: "root", folder: "")) }
        if outline.hasIndex { parts.append(Part(name: "index", folder: WebPaths.site("index", book.language))) }
        if outline.hasRegions { parts.append(Part(name: "regions", folder: WebPaths.site("regions", book.language))) }
        if outline.hasChronology { parts.append(Part(name: "chronology", folder: WebPaths.site("chronology", book.language))) }
        if outline.hasBibliography { parts.append(Part(name: "sources", folder: WebPaths.site("sources", book.language))) }
        if try context.value(WebMap(book)).features > 0, try context.value(LeafletFolder()) != nil {
            parts.append(Part(name: "map", folder: WebPaths.site("map", book.language)))
        }
        return parts
    }
}

/// A page of the site's own, made from a language's outline.
struct WebPart: Query {
    static let kind = "web-part"
    /// The site itself keeps it (docs/web.md, "Builds"), so the store does not.
    static var isStored: Bool { false }
    var book: BookName
    var part: String
    /// Its folder in the site (empty: the root).
    var folder: String
    var argument: String { "\(book) \(part) \(folder)" }

    init(book: BookName, part: String, folder: String) {
        self.book = book
        self.part = part
        self.folder = folder
    }

    init?(argument: String) {
        guard let (book, rest) = BookName.split(argument) else { return nil }
        let words = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard words.count == 2 else { return nil }
        self.init(book: book, part: words[0], folder: words[1])
    }

    func compute(_ context: QueryContext) throws -> [UInt8] {
        let hasMap = try context.value(WebParts(book)).contains { $0.name == "map" }
        // The language switcher leads to this page in another language only where it exists, else to that language's home.
        var lacking: [String] = []
        for language in try context.value(WebSite(book.edition)).languages where language != book.language {
            let other = BookName(edition: book.edition, language: language, format: .web)
            let pair = EditionLanguage(edition: book.edition, language: language)
            let has = try context.value(BookEdition(pair)) != nil && context.value(WebParts(other)).contains { $0.name == part }
            if !has { lacking.append(language.rawValue) }
        }
        return try Web.transform(
            try context.value(OutlineXML(book)).bytes, name: "book.xml", part: part, folder: folder, site: book.edition,
            extra: [("web.has-map", hasMap ? "1" : "0"), ("web.part-lacking", lacking.joined(separator: " "))], context)
    }
}

/// sitemap.xml, for a site with a base URL: every home page and entry page,
/// each entry's with its pages in the other languages as alternates
/// (sitemaps.org, and Google's `xhtml:link` extension); nil without a base URL.
struct WebSitemap: EditionQuery {
    static let kind = "web-sitemap"
    var edition: String
    init(_ edition: String) { self.edition = edition }

    func compute(_ context: QueryContext) throws -> [UInt8]? {
        let site = try context.value(WebSite(edition))
        guard let base = site.baseURL else { return nil }
        var entries = Set<EntryID>()
        for language in site.languages {
            entries.formUnion(try context.value(WebMembers(EditionLanguage(edition: edition, language: language))))
        }
        let xml = XMLTreeBuilder(root: "urlset", namespace: "http://www.sitemaps.org/schemas/sitemap/0.9", attributes: [
            ("xmlns:xhtml", "http://www.w3.org/1999/xhtml"),
        ])
        for language in site.languages {
            xml.start("url")
            xml.element("loc", text: base + WebPaths.home(language))
            xml.end()
        }
        for id in entries.sorted() {
            let held = try context.value(WebVersions(edition: edition, id: id)).filter { $0.title != nil }
            for version in held {
                xml.start("url")
                xml.element("loc", text: base + WebPaths.entry(id, version.language))
                for other in held {
                    xml.element("xhtml:link", [
                        ("rel", "alternate"), ("hreflang", other.language.rawValue), ("href", base + WebPaths.entry(id, other.language)),
                    ])
                }
                xml.end()
            }
        }
        return xml.finish().serialized()
    }
}

/// Where Leaflet's files are on this machine (nil: nowhere, and the site has no map).
struct LeafletFolder: InputQuery, ProjectQuery {
    typealias Value = String?
    static let kind = "leaflet-folder"

    /// Debian's `libjs-leaflet`, unless `ASYL_LEAFLET` names another folder with leaflet.js and leaflet.css.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let folder = URL(fileURLWithPath: environment["ASYL_LEAFLET"] ?? "/usr/share/javascript/leaflet")
        let present = ["leaflet.js", "leaflet.css"].allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        return present ? folder : nil
    }
}

/// Where an entry lies: its first fact of type geo (nil: none).
struct EntryLocation: EntryQuery {
    struct Point: Codable, Sendable, Hashable {
        var latitude: Double
        var longitude: Double
    }

    static let kind = "entry-location"
    /// Fingerprinted by what it is made from, never encoded: the shard that reads it is stored and cuts a change off.
    static var fingerprintsValue: Bool { false }
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> Point? {
        for fact in try context.value(BookEntry(id))?.facts ?? [] {
            if case .geo(let latitude, let longitude) = fact.value { return Point(latitude: latitude, longitude: longitude) }
        }
        return nil
    }
}

/// The locations of a shard's entries (stored, so the map reads 256 values, and an edit remakes one).
struct LocationShard: ShardQuery {
    static let kind = "location-shard"
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> [EntryID: EntryLocation.Point] {
        let values = try shardValues(
            shard, EntryLocation.init, earlier: context.previousValue([EntryID: EntryLocation.Point].self), absent: nil, context)
        return Dictionary(values.compactMap { entry in entry.value.map { (entry.id, $0) } }) { first, _ in first }
    }
}

/// The map's data in one language: a GeoJSON FeatureCollection of the
/// entries of its pages that have a location, in the book's order, each
/// with its headword, kind and page (relative to the language's folder).
struct WebMap: BookQuery {
    struct Value: Codable, Sendable {
        var geoJSON: [UInt8]
        var features: Int
    }

    struct Feature: Encodable {
        struct Geometry: Encodable {
            var type = "Point"
            /// GeoJSON's order: longitude, then latitude (RFC 7946).
            var coordinates: [Double]
        }

        struct Properties: Encodable {
            var title: String
            var kind: String
            var label: String
            var page: String
        }

        var type = "Feature"
        var geometry: Geometry
        var properties: Properties
    }

    struct Collection: Encodable {
        var type = "FeatureCollection"
        var features: [Feature]
    }

    static let kind = "web-map"
    static var isStored: Bool { false }
    var book: BookName
    init(_ book: BookName) { self.book = book }

    func compute(_ context: QueryContext) throws -> Value {
        let pair = EditionLanguage(edition: book.edition, language: book.language)
        guard let order = try context.value(BookOrderQuery(pair)) else { return Value(geoJSON: [], features: 0) }
        var locations: [EntryID: EntryLocation.Point] = [:]
        for shard in 0..<CheckProducts.shards { locations.merge(try context.value(LocationShard(shard))) { first, _ in first } }
        let located = order.entries.filter { locations[$0.id] != nil }
        var outlines: [EntryID: EntryOutline] = [:]
        for shard in Set(located.map { CheckProducts.shard(of: $0.id) }).sorted() {
            for outline in try context.value(OutlineShard(shard)) { outlines[outline.id] = outline }
        }
        let labels = Dictionary(try context.value(BookConfiguration(pair)).kinds.map { ($0.name, $0.label.text(in: book.language, fallbacks: []) ?? $0.name) }) {
            first, _ in first
        }
        let features = located.compactMap { entry -> Feature? in
            guard let point = locations[entry.id], let outline = outlines[entry.id], let version = outline.version(book.language) else {
                return nil
            }
            let kind = outline.kind ?? ""
            return Feature(
                geometry: .init(coordinates: [point.longitude, point.latitude]),
                properties: .init(title: version.title, kind: kind, label: labels[kind] ?? kind, page: "\(entry.id)/"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Value(geoJSON: Array(try encoder.encode(Collection(features: features))), features: features.count)
    }
}

/// The old ids of the site's entries (`redirect-from:`), each with the entry
/// it now leads to, sorted: every one gets a page at its old addresses.
struct WebRedirects: EditionQuery {
    struct Redirect: Codable, Sendable, Hashable {
        var old: EntryID
        var new: EntryID
    }

    static let kind = "web-redirects"
    static var isStored: Bool { false }
    var edition: String
    init(_ edition: String) { self.edition = edition }

    func compute(_ context: QueryContext) throws -> [Redirect] {
        var held = Set<EntryID>()
        for language in try context.value(WebSite(edition)).languages {
            held.formUnion(try context.value(WebMembers(EditionLanguage(edition: edition, language: language))))
        }
        let reserved = try context.value(ReservedWebSegments())
        var redirects: [EntryID: EntryID] = [:]
        for shard in 0..<CheckProducts.shards {
            for interface in try context.value(InterfaceShard(shard)) where held.contains(interface.id) {
                // An id that is an entry's own or a language's folder, or one claimed twice, is a finding; the first claim stands.
                for old in interface.formerIDs where !held.contains(old) && reserved[old.rawValue] == nil && redirects[old] == nil {
                    redirects[old] = interface.id
                }
            }
        }
        return redirects.keys.sorted().map { Redirect(old: $0, new: redirects[$0]!) }
    }
}

/// The page at an old address (`redirect-from:`) that sends the reader to
/// the entry's new one: `OLD/` (language nil) or `LANG/OLD/`.
struct RedirectPage: Query {
    static let kind = "redirect-page"
    /// The site itself keeps it (docs/web.md, "Builds"), so the store does not.
    static var isStored: Bool { false }
    var edition: String
    var language: LanguageTag?
    var redirect: WebRedirects.Redirect
    var argument: String { "\(edition) \(language?.rawValue ?? "-") \(redirect.old) \(redirect.new)" }

    init(edition: String, language: LanguageTag?, redirect: WebRedirects.Redirect) {
        self.edition = edition
        self.language = language
        self.redirect = redirect
    }

    init?(argument: String) {
        let words = argument.split(separator: " ").map(String.init)
        guard words.count == 4, EntryID.isValid(words[2]), EntryID.isValid(words[3]) else { return nil }
        self.init(
            edition: words[0], language: words[1] == "-" ? nil : LanguageTag(words[1]),
            redirect: .init(old: EntryID(words[2]), new: EntryID(words[3])))
    }

    func compute(_ context: QueryContext) throws -> [UInt8] {
        let versions = try context.value(WebVersions(edition: edition, id: redirect.new))
        guard let shown = language ?? versions.first(where: { $0.title != nil })?.language,
              versions.contains(where: { $0.language == shown && $0.title != nil })
        else { throw BuildError.internalInconsistency("the web edition \(edition) has no entry \(redirect.new)") }
        let bytes = try context.value(AddressPageXML(book: BookName(edition: edition, language: shown, format: .web), name: redirect.new.rawValue))
        let folder = language.map { WebPaths.entry(redirect.old, $0) } ?? WebPaths.neutral(redirect.old)
        let target = language.map { WebPaths.entry(redirect.new, $0) } ?? WebPaths.neutral(redirect.new)
        return try Web.transform(
            bytes, name: "\(redirect.new).xml", part: "redirect", folder: folder, site: edition, extra: [("web.redirect-to", target)], context)
    }
}

enum Web {
    /// A page of the site: `bytes` (a document of the book vocabulary)
    /// transformed by web.xsl into the page at `folder`.
    static func transform(
        _ bytes: [UInt8], name: String, part: String, folder: String, site edition: String, extra: [(String, String)] = [],
        _ context: QueryContext
    ) throws -> [UInt8] {
        let site = try context.value(WebSite(edition))
        let (document, stylesheets) = try Render.read(bytes, name, context)
        return try stylesheets.web.transform(document, parameters: WebSite.parameters(site, part: part, folder: folder) + extra)
    }
}
