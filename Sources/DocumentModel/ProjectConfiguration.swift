import Diagnostics

/// What `asyl.yaml` declares: languages, kinds and their facts, categories,
/// archives, editions and settings (FORMAT.md §4).
public struct ProjectConfiguration: Sendable, Codable {
    public var formatVersion: Int
    /// Languages that have files, in fallback order.
    public var languages: [LanguageTag]
    public var derivedLanguages: [DerivedLanguage]
    public var title: LocalizedText
    public var publisher: LocalizedText
    public var kinds: [KindSchema]
    public var categories: [Category]
    public var archives: [Archive]
    public var editions: [Edition]
    /// A folder, relative to the source tree, of stylesheets that import Asyl's.
    public var stylesDirectory: String?
    public var checks: [Rule: RuleSetting]
    public var printGeometry: PrintGeometry
    /// Whether books apply each language's typography to text (quotes,
    /// dashes, no-break spaces); `typography: false` prints text as written.
    public var typography: Bool = true
    /// The largest image file a book may carry, in bytes (`media-size-limit`).
    public var mediaSizeLimit: Int = MediaInspection.defaultSizeLimit

    public init(
        formatVersion: Int = 1, languages: [LanguageTag] = [], derivedLanguages: [DerivedLanguage] = [],
        title: LocalizedText = LocalizedText(), publisher: LocalizedText = LocalizedText(),
        kinds: [KindSchema] = [], categories: [Category] = [], archives: [Archive] = [],
        editions: [Edition] = [], stylesDirectory: String? = nil, checks: [Rule: RuleSetting] = [:],
        printGeometry: PrintGeometry = PrintGeometry()
    ) {
        self.formatVersion = formatVersion
        self.languages = languages
        self.derivedLanguages = derivedLanguages
        self.title = title
        self.publisher = publisher
        self.kinds = kinds
        self.categories = categories
        self.archives = archives
        self.editions = editions
        self.stylesDirectory = stylesDirectory
        self.checks = checks
        self.printGeometry = printGeometry
    }

    /// The configuration as a book in `language` reads it: each text only in
    /// that language, or, if it has none there, only in the first of
    /// `languages` that has it (so `text[language]` and `text(in: language,
    /// fallbacks: languages)` are what they were), and an edit of another
    /// language's text reaches nothing a book in this one is made from.
    public func reading(in language: LanguageTag) -> ProjectConfiguration {
        func only(_ text: LocalizedText) -> LocalizedText {
            guard let kept = ([language] + languages).first(where: { text[$0] != nil }) else { return LocalizedText() }
            return LocalizedText([kept: text[kept]!])
        }
        var copy = self
        copy.visitTexts { text, _ in text = only(text) }
        return copy
    }

    /// Each text of the configuration a book prints (labels, names, titles,
    /// publication details), with its nature: what reads or rewrites every
    /// text (a book's language, a derived script) walks them here.
    public mutating func visitTexts(_ visit: (inout LocalizedText, LocalizedText.Nature) -> Void) {
        visit(&title, .prose)
        visit(&publisher, .prose)
        for kind in kinds.indices {
            visit(&kinds[kind].label, .prose)
            for field in kinds[kind].fields.indices {
                visit(&kinds[kind].fields[field].label, .prose)
                if case .enumeration(var values) = kinds[kind].fields[field].type {
                    for value in values.indices { visit(&values[value].label, .prose) }
                    kinds[kind].fields[field].type = .enumeration(values: values)
                }
            }
        }
        for category in categories.indices { visit(&categories[category].label, .prose) }
        for archive in archives.indices { visit(&archives[archive].name, .prose) }
        for edition in editions.indices {
            visit(&editions[edition].title, .prose)
            editions[edition].publication.visitTexts(visit)
        }
    }

    public func kind(named name: String) -> KindSchema? { kinds.first { $0.name == name } }
    /// The kinds kept in spreadsheets.
    public var recordKinds: [KindSchema] { kinds.filter { $0.records != nil } }
    public func category(_ id: String) -> Category? { categories.first { $0.id == id } }
    public func archive(_ id: String) -> Archive? { archives.first { $0.id == id } }
}

/// A language made from another one's versions (`kk-Latn` from `kk`).
public struct DerivedLanguage: Hashable, Sendable, Codable {
    public var tag: LanguageTag
    public var source: LanguageTag
    public var script: String

    public init(tag: LanguageTag, source: LanguageTag, script: String) {
        self.tag = tag
        self.source = source
        self.script = script
    }
}

/// A kind of entry (person, monument, place…) and the facts it may carry.
public struct KindSchema: Hashable, Sendable, Codable {
    public var name: String
    public var label: LocalizedText
    public var fields: [FieldSchema]
    /// Set for a kind kept in spreadsheets (`records:`): its records are rows of CSV files, not entries.
    public var records: RecordStorage?

    public init(name: String, label: LocalizedText, fields: [FieldSchema], records: RecordStorage? = nil) {
        self.name = name
        self.label = label
        self.fields = fields
        self.records = records
    }

    public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }
}

public struct FieldSchema: Hashable, Sendable, Codable {
    public var name: String
    public var type: FieldType
    public var label: LocalizedText
    public var isRequired: Bool

    public init(name: String, type: FieldType, label: LocalizedText, isRequired: Bool = false) {
        self.name = name
        self.type = type
        self.label = label
        self.isRequired = isRequired
    }
}

/// The types a fact can have (FORMAT.md §2.1).
public enum FieldType: Hashable, Sendable, Codable {
    case text
    case date
    case number
    case geo
    /// Another entry, optionally only of the listed kinds (empty: any kind).
    case link(kinds: [String])
    case links(kinds: [String])
    case enumeration(values: [EnumerationValue])
    case source

    public var name: String {
        switch self {
        case .text: "text"
        case .date: "date"
        case .number: "number"
        case .geo: "geo"
        case .link: "link"
        case .links: "links"
        case .enumeration: "enum"
        case .source: "source"
        }
    }

    /// The kinds of entry a `link` or `links` field takes (none named: any); none for other types.
    public var linkKinds: [String] {
        switch self {
        case .link(let kinds), .links(let kinds): kinds
        case .text, .date, .number, .geo, .enumeration, .source: []
        }
    }

    /// Only `text` differs between versions; every other type is one value for the entry.
    public var isLanguageNeutral: Bool {
        if case .text = self { false } else { true }
    }
}

public struct EnumerationValue: Hashable, Sendable, Codable {
    public var id: String
    public var label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

public struct Category: Hashable, Sendable, Codable {
    public var id: String
    public var label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

/// An archive that archival sources name (`tsga-rk`), with its short names per language.
public struct Archive: Hashable, Sendable, Codable {
    public var id: String
    public var name: LocalizedText

    public init(id: String, name: LocalizedText) {
        self.id = id
        self.name = name
    }
}

public enum OutputFormat: String, Hashable, Sendable, CaseIterable, Codable {
    case epub, print, web
    /// Catalogue records of each e-book: MARCXML, OAI-DC and ONIX (docs/records.md).
    case records
    /// The print edition as a PDF/X-4 file for the press (docs/print.md).
    case pdf

    /// What an edition that names no `formats:` is built as: the books (as
    /// before the web edition, so a tree that was valid builds what it built).
    public static let books: [OutputFormat] = [.epub, .print]

    /// Whether the format makes one book per language (the web edition is one site of all of them).
    public var isBook: Bool {
        switch self {
        case .epub, .print, .records, .pdf: true
        case .web: false
        }
    }
}

/// `web:` of asyl.yaml or of an edition: where the web edition is published.
public struct WebSettings: Hashable, Sendable, Codable {
    /// The site's address, ending in `/` (`https://example.kz/asyl/`): for
    /// canonical links, the sitemap and plaques; nil: the site says no address.
    public var baseURL: String?
    /// Where the map's background comes from; nil: none, and the map shows its markers alone.
    public var tiles: Tiles?

    /// A source of map tiles: a URL template with `{z}`, `{x}` and `{y}`, and the credit its provider requires.
    public struct Tiles: Hashable, Sendable, Codable {
        public var url: String
        public var attribution: String

        public init(url: String, attribution: String) {
            self.url = url
            self.attribution = attribution
        }
    }

    public init(baseURL: String? = nil, tiles: Tiles? = nil) {
        self.baseURL = baseURL
        self.tiles = tiles
    }

    /// The folder of a language's pages at the site's root: its tag in lower case (`kk-latn`).
    public static func segment(_ language: LanguageTag) -> String { language.rawValue.lowercased() }

    /// The folder of the site's own pages and files, beside the languages'
    /// and the entries' folders: no entry id can be `_`.
    public static let siteFolder = "_"
}

/// `plaques:` of an edition: the kinds of entry that get a QR plaque
/// pointing to their language-neutral address on the edition's site.
public struct PlaqueSettings: Hashable, Sendable, Codable {
    public var kinds: [String]

    public init(kinds: [String]) {
        self.kinds = kinds
    }
}

extension ProjectConfiguration {
    /// The names at a web edition's root that an entry's language-neutral
    /// address (`/ID/`) would collide with: the folders of its languages.
    public var reservedWebSegments: [String: LanguageTag] {
        var reserved: [String: LanguageTag] = [:]
        for edition in editions where edition.formats.contains(.web) {
            for language in edition.languages { reserved[WebSettings.segment(language)] = language }
        }
        return reserved
    }
}

/// One book: a selection of entries, in some languages, in some formats.
public struct Edition: Hashable, Sendable, Codable {
    public var id: String
    public var title: LocalizedText
    public var languages: [LanguageTag]
    public var selection: Selection
    /// ISBNs, contributors, series and the rest a cataloguer reads (asyl.yaml's, where the edition gives none).
    public var publication: PublicationDetails
    public var formats: [OutputFormat]
    public var citationStyle: CitationStyle
    /// The edition's own `web:`, else asyl.yaml's.
    public var web: WebSettings
    /// `plaques:`: which entries get a QR plaque; nil: none.
    public var plaques: PlaqueSettings?
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText, languages: [LanguageTag], selection: Selection,
        publication: PublicationDetails = PublicationDetails(), formats: [OutputFormat], citationStyle: CitationStyle = .notes,
        web: WebSettings = WebSettings(), plaques: PlaqueSettings? = nil, location: SourceLocation
    ) {
        self.web = web
        self.plaques = plaques
        self.id = id
        self.title = title
        self.languages = languages
        self.selection = selection
        self.publication = publication
        self.formats = formats
        self.citationStyle = citationStyle
        self.location = location
    }
}

/// How an edition renders citations: numbered notes, or (Author Year) in the text.
public enum CitationStyle: String, Hashable, Sendable, CaseIterable, Codable {
    case notes
    case authorYear = "author-year"
}

/// `select:` of an edition: keys combine with AND, values of one key with OR;
/// an empty list does not restrict.
public struct Selection: Hashable, Sendable, Codable {
    public var kinds: [String]
    public var categories: [String]
    public var regions: [EntryID]
    public var ids: [EntryID]

    public init(kinds: [String] = [], categories: [String] = [], regions: [EntryID] = [], ids: [EntryID] = []) {
        self.kinds = kinds
        self.categories = categories
        self.regions = regions
        self.ids = ids
    }
}

/// `print:` page geometry, kept as written until the print stage reads it.
public struct PrintGeometry: Hashable, Sendable, Codable {
    public var trim: String
    public var bleed: String
    public var marks: String?

    public init(trim: String = "170x240mm", bleed: String = "3mm", marks: String? = nil) {
        self.trim = trim
        self.bleed = bleed
        self.marks = marks
    }

    /// The page's margins in millimetres, mirrored on left pages (inner: at the spine).
    public static let margins = (top: 18.0, outer: 16.0, bottom: 20.0, inner: 20.0)
    /// The gap between an entry page's two columns.
    public static let columnGap = 6.0

    /// The trim's width and height in millimetres (`trim` is written `170x240mm`).
    public var trimMillimetres: (width: Double, height: Double) {
        let sides = trim.dropLast(2).split(separator: "x").compactMap { Double($0) }
        return sides.count == 2 ? (sides[0], sides[1]) : (170, 240)
    }

    /// The width of a column of entries, where a figure is set.
    public var columnWidthMillimetres: Double {
        (trimMillimetres.width - Self.margins.inner - Self.margins.outer - Self.columnGap) / 2
    }

    /// The bleed in millimetres (`bleed` is written `3mm`, `4.5mm`).
    public var bleedMillimetres: Double { Double(bleed.dropLast(2)) ?? 3 }

    /// How far the sheet reaches beyond the trim: the bleed, and with marks
    /// a slug outside it as wide again and 6 mm more, for the marks to sit
    /// in. (Paged-media engines draw marks from the sheet's edge over half
    /// of this width, so they end the bleed and 3 mm away from the trim.)
    public var sheetBleedMillimetres: Double { marks == nil ? bleedMillimetres : bleedMillimetres * 2 + 6 }
}

/// An address printed on a plaque, as `plaques.lock` lists it (docs/plaques.md).
public struct IssuedAddress: Hashable, Sendable, Codable {
    public var url: String
    public var line: Int

    public init(url: String, line: Int) {
        self.url = url
        self.line = line
    }
}

/// What the check of issued addresses reads: `plaques.lock`, and where each
/// web edition is published now (base URL → the edition, and the written
/// languages its pages are made from: kk for kk-Latn).
public struct AddressBook: Hashable, Sendable, Codable {
    public struct Site: Hashable, Sendable, Codable {
        public var edition: String
        public var languages: Set<LanguageTag>

        public init(edition: String, languages: Set<LanguageTag>) {
            self.edition = edition
            self.languages = languages
        }
    }

    public var path: String
    public var issued: [IssuedAddress]
    public var sites: [String: Site]

    public init(path: String, issued: [IssuedAddress], sites: [String: Site]) {
        self.path = path
        self.issued = issued
        self.sites = sites
    }
}
