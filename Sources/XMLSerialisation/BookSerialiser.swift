import DocumentModel
import Foundation
import Localisation
import NativeBridge
import Resolution

/// Writes a planned book's outline in the intermediate XML vocabulary: the
/// document the navigation, package and front and back matter are made
/// from. Each chunk of entries is a document of its own (`ChunkSerialiser`),
/// so no document holds every entry's text.
public struct BookSerialiser: Sendable {
    public let plan: BookPlan
    public let configuration: ProjectConfiguration
    /// Every source the book's entries cite (others may be left out).
    public let bibliography: Bibliography
    public let modified: Date
    /// Files the book carries besides its chunks (stylesheet, fonts, images).
    public let resources: [BookResource]
    /// The licence of the embedded fonts, which must travel with them.
    public let fontLicence: String
    /// Indexes and chronology, made once for the outline and for the packager.
    public let backMatter: BackMatter

    /// `places`: where every entry of the project lies.
    public init(
        plan: BookPlan, configuration: ProjectConfiguration, bibliography: Bibliography, places: PlaceHierarchy,
        modified: Date, resources: [BookResource], fontLicence: String
    ) {
        self.plan = plan
        self.configuration = configuration
        self.bibliography = bibliography
        self.modified = modified
        self.resources = resources
        self.fontLicence = fontLicence
        backMatter = BackMatter(plan: plan, configuration: configuration, places: places)
    }

    var language: LanguageTag { plan.language }

    /// `urn:uuid:` derived from edition and language: stable across builds.
    public var identifier: String {
        "urn:uuid:" + StableIdentifier.uuid("asyl:\(plan.edition.id):\(plan.language.rawValue)")
    }

    public func localized(_ text: LocalizedText) -> String {
        text.text(in: language, fallbacks: configuration.languages) ?? ""
    }

    // MARK: Outline

    public func outline() -> XMLDocument {
        let xml = XMLTreeBuilder(root: "book", namespace: BookVocabulary.namespace,
                                 attributes: [("xml:lang", language.rawValue), ("edition", plan.edition.id)])
        metadata(xml)
        xml.start("resources")
        for resource in resources {
            var attributes = [("href", resource.href), ("media-type", resource.mediaType)]
            if let role = resource.role { attributes.append(("role", role)) }
            xml.element("resource", attributes)
        }
        xml.end()
        xml.element("font-licence", text: fontLicence)
        xml.start("contents")
        for group in plan.letters {
            xml.start("letter", [("label", group.letter)])
            for chunk in group.chunks {
                xml.start("chunk", [("file", chunk.file)])
                for index in chunk.entries {
                    let planned = plan.entries[index]
                    xml.element("entry-ref", [("id", planned.entry.id.rawValue), ("anchor", Anchors.entry(planned.entry.id))],
                                text: planned.version.title)
                }
                xml.end()
            }
            xml.end()
        }
        xml.end()
        backMatter(xml)
        return xml.finish()
    }

    /// The indexes and the chronology, each item linking to its entry.
    private func backMatter(_ xml: XMLTreeBuilder) {
        let back = backMatter
        let titles = Dictionary(uniqueKeysWithValues: plan.entries.map { ($0.entry.id, $0.version.title) })
        func target(_ id: EntryID) -> [(String, String)] {
            [("target", id.rawValue), ("file", plan.file(of: id) ?? ""), ("anchor", Anchors.entry(id))]
        }
        xml.start("index")
        var letter: String?
        for item in back.index {
            if item.letter != letter {
                if letter != nil { xml.end() }
                xml.start("index-letter", [("label", item.letter)])
                letter = item.letter
            }
            var attributes = target(item.target)
            if let title = item.targetTitle { attributes.append(("see", title)) }
            xml.element("index-item", attributes, text: item.text)
        }
        if letter != nil { xml.end() }
        xml.end()
        xml.start("regions")
        for group in back.regions {
            xml.start("region", target(group.region) + [("title", group.title)])
            for id in group.entries {
                xml.element("region-item", target(id), text: titles[id] ?? id.rawValue)
            }
            xml.end()
        }
        xml.end()
        xml.start("bibliography")
        let collation = Collation(language: language)
        var keys = Set<String>()
        for planned in plan.entries { keys.formUnion(planned.version.citedSources) }
        let sources = keys.compactMap { bibliography[$0] }.map { source in
            (collation.key((source.authors.first?.family ?? "") + " " + (source.title ?? source.key)), source)
        }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.key < $1.1.key }
        for (number, (_, source)) in sources.enumerated() {
            SourceWriter(xml: xml, configuration: configuration, language: language)
                .write(source, id: "bibliography-\(number + 1)", number: number + 1)
        }
        xml.end()
        xml.start("chronology")
        for event in back.chronology {
            xml.element("event", target(event.entry) + [("edtf", event.date.description), ("date", event.text), ("label", event.label)],
                        text: titles[event.entry] ?? event.entry.rawValue)
        }
        xml.end()
    }

    private func metadata(_ xml: XMLTreeBuilder) {
        xml.start("metadata")
        xml.element("identifier", text: identifier)
        xml.element("title", text: localized(plan.edition.title))
        xml.element("work-title", text: localized(configuration.title))
        let publisher = localized(configuration.publisher)
        if !publisher.isEmpty { xml.element("publisher", text: publisher) }
        let details = plan.edition.publication
        if let isbn = details.isbn[language] { xml.element("isbn", text: isbn) }
        if let isbn = details.printISBN[language] { xml.element("print-isbn", text: isbn) }
        xml.element("language", text: language.rawValue)
        xml.element("modified", text: Self.timestamp(modified))
        xml.element("year", text: String((details.published?.prefix(4)).flatMap { Int($0) } ?? Calendar.utc.component(.year, from: modified)))
        xml.element("date", text: details.published ?? String(Self.timestamp(modified).prefix(10)))
        xml.element("entry-count", text: String(plan.entries.count))
        for contributor in contributors {
            let name = PersonName(parsing: localized(contributor.name))
            xml.element("contributor", [
                ("role", contributor.role.rawValue), ("relator", contributor.role.relator),
                ("creator", contributor.role.isCreator ? "true" : "false"), ("file-as", name.given.map { "\(name.family), \($0)" } ?? name.family),
            ], text: name.given.map { "\($0) \(name.family)" } ?? name.family)
        }
        for category in subjects { xml.element("subject", [("id", category.id)], text: localized(category.label)) }
        let description = localized(details.description)
        if !description.isEmpty { xml.element("description", text: description) }
        let rights = localized(details.rights)
        if !rights.isEmpty { xml.element("rights", text: rights) }
        if plan.edition.formats.contains(.web), let base = plan.edition.web.baseURL {
            xml.element("web-address", text: base + WebSettings.segment(language) + "/")
        }
        if let volume = details.volume {
            let series = localized(details.series)
            xml.element("series", [("volume", String(volume))], text: series.isEmpty ? localized(configuration.title) : series)
        }
        let printing = details.printing
        if let udc = printing.udc { xml.element("udc", text: udc) }
        if let bbk = printing.bbk { xml.element("bbk", text: bbk) }
        if let copies = printing.printRun { xml.element("print-run", text: String(copies)) }
        if let format = printing.paperFormat {
            xml.element("paper-format", [("width", String(format.width)), ("height", String(format.height)), ("fraction", String(format.fraction))])
        }
        let printer = localized(printing.printer)
        if !printer.isEmpty { xml.element("printer", text: printer) }
        xml.end()
    }

    /// The book's contributors: those of every language and those of its own
    /// (a derived language's book has its source's), editors-in-chief first.
    var contributors: [Contributor] {
        let source = configuration.derivedLanguages.first { $0.tag == language }?.source
        let named = plan.edition.publication.contributors.filter { contributor in
            !localized(contributor.name).allSatisfy(\.isWhitespace) && (contributor.languages.isEmpty || contributor.languages.contains(language)
                || source.map(contributor.languages.contains) == true)
        }
        return named.filter { $0.role == .editorInChief } + named.filter { $0.role != .editorInChief }
    }

    /// The categories the book's entries carry, in asyl.yaml's order: its subjects.
    var subjects: [DocumentModel.Category] {
        let carried = Set(plan.entries.flatMap(\.entry.categories))
        return configuration.categories.filter { carried.contains($0.id) }
    }

    static func timestamp(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(String(format: "%04d", c.year ?? 1970))-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }

}

/// Writes one chunk of a book: its entries, made from them alone, the
/// configuration, the files of the entries they link to and the sources
/// they cite, so a chunk whose entries did not change is not written again.
public struct ChunkSerialiser: Sendable {
    public let edition: Edition
    public let language: LanguageTag
    /// As entries are written with it: titles, publisher and editions may be left out.
    public let configuration: ProjectConfiguration
    /// Every source the chunk's entries cite (others may be left out).
    public let bibliography: Bibliography
    /// What the entries' link-typed facts reach, in this book's language.
    public let targets: TargetIndex
    /// The chunk of this book each entry linked to is in.
    public let files: [EntryID: String]
    /// Soft hyphens in running text, for print, in a language whose
    /// conventions give them (Kazakh: paged-media engines have no patterns for it).
    let hyphenation: (@Sendable (String) -> String)?

    public init(
        edition: Edition, language: LanguageTag, configuration: ProjectConfiguration, bibliography: Bibliography,
        targets: TargetIndex, files: [EntryID: String], forPrint: Bool
    ) {
        self.edition = edition
        self.language = language
        self.configuration = configuration
        self.bibliography = bibliography
        self.targets = targets
        self.files = files
        hyphenation = forPrint ? LanguageConventions.of(language).printHyphenation : nil
    }

    public func localized(_ text: LocalizedText) -> String {
        text.text(in: language, fallbacks: configuration.languages) ?? ""
    }

    /// An entry as the chunk's document writes it: the bytes of its element,
    /// which `document(file:letter:entries:)` puts together; nil if it has no
    /// version in the book's language. Written on its own, an entry changed
    /// is all of a chunk that is written again.
    public func entry(_ entry: Entry) -> [UInt8]? {
        guard let version = entry.version(language) else { return nil }
        // Under a root like the chunk's, so the element's bytes are those it has in the chunk.
        let xml = XMLTreeBuilder(root: "chunk", namespace: BookVocabulary.namespace)
        var writer = EntryWriter(serialiser: self, entry: entry, version: version, xml: xml)
        writer.write()
        let bytes = xml.finish().serialized()
        // `<?xml …?>\n<chunk xmlns="…">` ENTRY `</chunk>\n`
        let declaration = bytes.firstIndex(of: UInt8(ascii: "\n"))!
        let start = bytes[declaration...].firstIndex(of: UInt8(ascii: ">"))! + 1
        return Array(bytes[start..<bytes.count - Self.end.count])
    }

    /// The document of the chunk `file`, under `letter`, serialised, and
    /// where in it each of `entries` lies: they are its entries' elements
    /// (`entry(_:)`), in order.
    public func document(file: String, letter: String, entries: [[UInt8]]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        let xml = XMLTreeBuilder(root: "chunk", namespace: BookVocabulary.namespace, attributes: [
            ("xml:lang", language.rawValue), ("edition", edition.id), ("file", file), ("letter", letter),
        ])
        // The page title only: what else the book's metadata says reaches no chunk.
        xml.start("metadata")
        xml.element("title", text: localized(edition.title))
        xml.element("language", text: language.rawValue)
        xml.end()
        // `<?xml …?>\n<chunk …><metadata>…</metadata></chunk>\n`: the entries go before the end tag.
        var bytes = xml.finish().serialized().dropLast(Self.end.count)
        var ranges: [Range<Int>] = []
        for entry in entries {
            ranges.append(bytes.count..<bytes.count + entry.count)
            bytes += entry
        }
        return (Array(bytes + Self.end), ranges)
    }

    private static let end = Array("</chunk>\n".utf8)

    /// The document of an entry's web page: its element (`entry(_:)`) under
    /// a `page` that names the entry's version in each of the edition's
    /// languages (for the language switcher and alternates), and the words
    /// of the entry that search folds (`SearchFolding`). With no element
    /// (`entry` empty), the page of one of the entry's other addresses.
    public func webPage(id: EntryID, entry: [UInt8], versions: [WebVersion]) -> [UInt8] {
        let xml = XMLTreeBuilder(root: "page", namespace: BookVocabulary.namespace, attributes: [
            ("xml:lang", language.rawValue), ("edition", edition.id), ("id", id.rawValue),
        ])
        xml.start("metadata")
        xml.element("title", text: localized(edition.title))
        xml.element("language", text: language.rawValue)
        xml.end()
        xml.start("versions")
        for version in versions {
            var attributes = [("language", version.language.rawValue), ("segment", WebSettings.segment(version.language))]
            if let title = version.title { attributes.append(("title", title)) }
            xml.element("version", attributes)
        }
        xml.end()
        let folded = SearchFolding.foldedWords(inMarkup: entry)
        if !folded.isEmpty { xml.element("search-words", text: folded.joined(separator: " ")) }
        let bytes = xml.finish().serialized()
        let end = Array("</page>\n".utf8)
        // `<page …>…</versions></page>\n`: the entry goes before the end tag.
        return Array(bytes.dropLast(end.count)) + entry + end
    }
}

/// An entry's version in one language of a web edition: its headword, or
/// nil when the edition's pages in that language do not have the entry.
public struct WebVersion: Codable, Sendable, Hashable {
    public var language: LanguageTag
    public var title: String?

    public init(language: LanguageTag, title: String?) {
        self.language = language
        self.title = title
    }
}

/// A file packaged with the book, as the outline lists it.
public struct BookResource: Sendable, Hashable {
    public var href: String
    public var mediaType: String
    /// `stylesheet`, `font`, `licence`, `image`.
    public var role: String?

    public init(href: String, mediaType: String, role: String?) {
        self.href = href
        self.mediaType = mediaType
        self.role = role
    }
}

/// IDs of the XHTML made from the XML, made here so they are stable
/// (libxslt's generate-id() is not).
public enum Anchors {
    /// The entry's ID itself when it is a valid XML name, else prefixed with
    /// `_`, which no ID contains. Parts of an entry are joined with `.`, which no
    /// ID or anchor contains either, so no two of these can be equal.
    public static func entry(_ id: EntryID) -> String {
        id.rawValue.first?.isLetter == true ? id.rawValue : "_" + id.rawValue
    }

    public static func section(_ id: EntryID, _ anchor: String) -> String { entry(id) + "." + anchor }
    public static func note(_ id: EntryID, _ number: Int) -> String { entry(id) + ".note-\(number)" }
    public static func noteReference(_ id: EntryID, _ number: Int, _ occurrence: Int) -> String {
        entry(id) + ".noteref-\(number)" + (occurrence > 1 ? "-\(occurrence)" : "")
    }
    public static func source(_ id: EntryID, _ number: Int) -> String { entry(id) + ".source-\(number)" }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
