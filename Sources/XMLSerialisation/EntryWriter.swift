import DocumentModel
import Localisation
import NativeBridge
import Resolution

/// Writes one entry of a chunk: headword, facts, body, notes and sources.
struct EntryWriter {
    let serialiser: ChunkSerialiser
    let entry: Entry
    let version: Version
    let xml: XMLTreeBuilder
    /// Footnote numbers in order of first reference, and how often each was referenced.
    private var noteNumbers: [String: Int] = [:]
    private var noteOccurrences: [String: Int] = [:]
    private var typography: Typography

    init(serialiser: ChunkSerialiser, entry: Entry, version: Version, xml: XMLTreeBuilder) {
        self.serialiser = serialiser
        self.entry = entry
        self.version = version
        self.xml = xml
        typography = Typography(language: serialiser.language, isOn: serialiser.configuration.typography)
        var numbers: [String: Int] = [:]
        version.forEachInline { inline in
            if case .footnoteReference(let label) = inline.kind, numbers[label.lowercased()] == nil {
                numbers[label.lowercased()] = numbers.count + 1
            }
        }
        noteNumbers = numbers
    }

    var id: EntryID { entry.id }
    var language: LanguageTag { serialiser.language }
    var configuration: ProjectConfiguration { serialiser.configuration }

    mutating func write() {
        let kind = entry.kind.flatMap(configuration.kind(named:))
        xml.start("entry", [("id", id.rawValue), ("anchor", Anchors.entry(id)), ("kind", entry.kind ?? "")])
        xml.element("title", text: typeset(version.title))
        if let kind { xml.element("kind-label", text: serialiser.localized(kind.label)) }
        if !version.aliases.isEmpty {
            xml.start("aliases")
            for alias in version.aliases { xml.element("alias", text: alias) }
            xml.end()
        }
        if let summary = version.summary { xml.element("summary", text: typeset(summary)) }
        writeFacts(kind)
        if !entry.categories.isEmpty {
            xml.start("categories")
            for id in entry.categories {
                xml.element("category", [("id", id)], text: configuration.category(id).map { serialiser.localized($0.label) } ?? id)
            }
            xml.end()
        }
        xml.start("body")
        blocks(version.body)
        xml.end()
        writeNotes()
        writeSources()
        xml.end()
    }

    // MARK: Facts

    private mutating func writeFacts(_ kind: KindSchema?) {
        let neutral = entry.facts.map { ($0.field, $0.value) }
        let text = version.facts.filter { if case .text = $0.value { true } else { false } }.map { ($0.field, $0.value) }
        let all = (neutral + text).sorted { a, b in
            (kind?.fields.firstIndex { $0.name == a.0 } ?? .max) < (kind?.fields.firstIndex { $0.name == b.0 } ?? .max)
        }
        guard !all.isEmpty else { return }
        xml.start("facts")
        for (name, value) in all {
            let field = kind?.field(name)
            var attributes = [("name", name), ("label", field.map { serialiser.localized($0.label) } ?? name),
                              ("type", field?.type.name ?? "text")]
            switch value {
            case .date(let date): attributes.append(("edtf", date.description))
            case .geo(let latitude, let longitude): attributes += [("lat", String(latitude)), ("lon", String(longitude))]
            case .enumeration(let id): attributes.append(("value", id))
            default: break
            }
            xml.start("fact", attributes)
            factValue(value, field: field)
            xml.end()
        }
        xml.end()
    }

    private mutating func factValue(_ value: FactValue, field: FieldSchema?) {
        switch value {
        case .text(let text): xml.text(typeset(text))
        case .date(let date): xml.text(DateText(language: language).text(date))
        case .number(_, let written): xml.text(ValueText(language: language).number(written))
        case .geo(let latitude, let longitude): xml.text(ValueText(language: language).coordinates(latitude: latitude, longitude: longitude))
        case .link(let link): factLink(link)
        case .links(let links):
            for (index, link) in links.enumerated() {
                if index > 0 { xml.text(", ") }
                factLink(link)
            }
        case .enumeration(let id):
            if case .enumeration(let values)? = field?.type, let value = values.first(where: { $0.id == id }) {
                xml.text(serialiser.localized(value.label))
            } else {
                xml.text(id)
            }
        case .sources(let keys):
            xml.start("cite")
            for key in keys {
                if let number = version.citedSources.firstIndex(of: key) {
                    xml.element("ref", [("source", Anchors.source(id, number + 1)), ("number", String(number + 1)), ("key", key)])
                }
            }
            xml.end()
        }
    }

    private mutating func factLink(_ fact: FactLink) {
        // A fact belongs to the entry in every language: resolve it again in this book's language.
        var resolution = fact.resolution
        if case .broken = fact.resolution {
        } else if let link = serialiser.targets.link(to: fact.target, in: language) {
            resolution = link
        }
        link(target: fact.target, section: nil, resolution: resolution, content: nil)
    }

    // MARK: Blocks

    private mutating func blocks(_ blocks: [Block]) {
        for block in blocks { self.block(block) }
    }

    /// Text set by the language's typographic conventions, as a paragraph of its own.
    private mutating func typeset(_ text: String) -> String {
        typography.newParagraph()
        return typography.apply(text)
    }

    private mutating func block(_ block: Block) {
        typography.newParagraph()
        switch block.kind {
        case .paragraph(let content):
            xml.start("p")
            inlines(content)
            xml.end()
        case .heading(let heading):
            xml.start("h", [("level", String(heading.level)), ("id", Anchors.section(id, heading.anchor))])
            inlines(heading.content)
            xml.end()
        case .blockQuote(let inner):
            xml.start("quote")
            blocks(inner)
            xml.end()
        case .list(let list):
            var attributes = list.isOrdered ? [("ordered", "true"), ("start", String(list.start))] : [("ordered", "false")]
            if list.isTight { attributes.append(("tight", "true")) }
            xml.start("list", attributes)
            for item in list.items {
                xml.start("item")
                blocks(item)
                xml.end()
            }
            xml.end()
        case .codeBlock(let language, let code):
            xml.element("code-block", language.isEmpty ? [] : [("language", language)], text: code)
        case .thematicBreak:
            xml.element("hr")
        case .table(let table):
            xml.start("table")
            for alignment in table.alignments { xml.element("column", [("align", Self.name(alignment))]) }
            xml.start("head")
            row(table.header)
            xml.end()
            for cells in table.rows {
                xml.start("row")
                row(cells)
                xml.end()
            }
            xml.end()
        case .figure(let figure):
            // An image that is not there (reported, and built only with `missing-media` lowered) prints its alt text.
            guard case .file(let path, let mediaType) = figure.image.resolution else {
                xml.element("p", text: typeset(figure.alt))
                return
            }
            xml.start("figure", [("alt", typeset(figure.alt)), ("src", path), ("media-type", mediaType)])
            if let caption = figure.caption { xml.element("caption", text: typeset(caption)) }
            xml.end()
        }
    }

    private mutating func row(_ cells: [[Inline]]) {
        for cell in cells {
            typography.newParagraph()
            xml.start("cell")
            inlines(cell)
            xml.end()
        }
    }

    private static func name(_ alignment: Table.Alignment) -> String {
        switch alignment {
        case .none: "none"
        case .left: "left"
        case .center: "center"
        case .right: "right"
        }
    }

    // MARK: Inlines

    private mutating func inlines(_ inlines: [Inline]) {
        for inline in inlines { self.inline(inline) }
    }

    private mutating func inline(_ inline: Inline) {
        switch inline.kind {
        case .text(let text):
            let typeset = typography.apply(text)
            xml.text(serialiser.hyphenation?(typeset) ?? typeset)
        case .softBreak: xml.text(" ")
        case .lineBreak: xml.element("br")
        case .code(let code): xml.element("code", text: code)
        case .emphasis(let content): wrap("emphasis", content)
        case .strong(let content): wrap("strong", content)
        case .strikethrough(let content): wrap("strike", content)
        case .externalLink(let url, let title, let content):
            xml.start("external", title.isEmpty ? [("href", url)] : [("href", url), ("title", title)])
            inlines(content)
            xml.end()
        case .image(let reference, let alt, _):
            if case .file(let path, let mediaType) = reference.resolution {
                xml.element("image", [("src", path), ("media-type", mediaType), ("alt", alt)])
            }
        case .wikiLink(let wikiLink):
            link(target: wikiLink.target, section: wikiLink.section, resolution: wikiLink.resolution, content: wikiLink.content)
        case .citation(let items):
            // Keys sources.yaml lacks (reported; built only with `unknown-citation` lowered) print as written, without `@`.
            guard items.contains(where: { if case .source = $0.resolution { true } else { false } }) else {
                xml.text("[" + items.map { $0.key + ($0.locator.map { ", " + $0 } ?? "") }.joined(separator: "; ") + "]")
                return
            }
            xml.start("cite", authorYear ? [("citations", "author-year")] : [])
            for item in items {
                guard case .source(let number) = item.resolution else { continue }
                var attributes = [("source", Anchors.source(id, number)), ("number", String(number)), ("key", item.key)]
                if let locator = item.locator { attributes.append(("locator", locator)) }
                xml.element("ref", attributes)
            }
            xml.end()
        case .footnoteReference(let label):
            let key = label.lowercased()
            guard let number = noteNumbers[key] else { return }
            noteOccurrences[key, default: 0] += 1
            xml.element("noteref", [("note", Anchors.note(id, number)), ("number", String(number)),
                                    ("id", Anchors.noteReference(id, number, noteOccurrences[key]!))])
        }
    }

    private mutating func wrap(_ name: String, _ content: [Inline]) {
        xml.start(name)
        inlines(content)
        xml.end()
    }

    /// A link as the book can render it: to a file and anchor when the target
    /// is in this book, else as text saying why not.
    private mutating func link(target: EntryID, section: String?, resolution: LinkResolution, content: [Inline]?) {
        var attributes = [("target", target.rawValue)]
        var fallbackText: String?
        switch resolution {
        case .resolved(let resolved):
            fallbackText = resolved.title
            if let file = serialiser.files[target] {
                let anchor = resolved.anchor.map { Anchors.section(target, $0) } ?? Anchors.entry(target)
                attributes += [("status", "resolved"), ("file", file), ("anchor", anchor)]
            } else {
                attributes.append(("status", "elsewhere"))
            }
        case .untranslated(let resolved):
            fallbackText = resolved.title
            attributes += [("status", "untranslated"), ("language", resolved.language.rawValue)]
        case .broken, .unresolved:
            attributes.append(("status", "broken"))
        }
        xml.start("link", attributes)
        if let content { inlines(content) } else { xml.text(typography.apply(fallbackText ?? target.rawValue)) }
        xml.end()
    }

    // MARK: Notes and sources

    private mutating func writeNotes() {
        guard !noteNumbers.isEmpty else { return }
        xml.start("notes")
        let byNumber = noteNumbers.sorted { $0.value < $1.value }
        for (label, number) in byNumber {
            guard let footnote = version.footnotes.first(where: { $0.label.lowercased() == label }) else { continue }
            xml.start("note", [("id", Anchors.note(id, number)), ("number", String(number)),
                               ("back", Anchors.noteReference(id, number, 1))])
            blocks(footnote.blocks)
            xml.end()
        }
        xml.end()
    }

    /// Whether the edition cites by author and year (FORMAT.md §4), rather than by number.
    private var authorYear: Bool { serialiser.edition.citationStyle == .authorYear }

    /// The version's sources: numbered in order of first citation, or, cited
    /// by author and year, in the alphabetical order of their authors (each
    /// keeps its number, which only names its anchor).
    private func writeSources() {
        var sources = version.citedSources.enumerated().compactMap { index, key in
            serialiser.bibliography[key].map { (number: index + 1, source: $0) }
        }
        guard !sources.isEmpty else { return }
        if authorYear {
            let collation = Collation(language: language)
            let keys = sources.map { collation.key(Self.authorYearOrder($0.source)) }
            sources = zip(keys, sources).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.number < $1.1.number }.map(\.1)
        }
        xml.start("sources", authorYear ? [("citations", "author-year")] : [])
        for (number, source) in sources {
            SourceWriter(xml: xml, configuration: configuration, language: language)
                .write(source, id: Anchors.source(id, number), number: number)
        }
        xml.end()
    }

    /// What an author-year list is sorted by: the authors' family names (or the
    /// title, for a work without authors), then the year.
    private static func authorYearOrder(_ source: Source) -> String {
        let names = source.authors.map(\.family).joined(separator: " ")
        return (names.isEmpty ? source.title ?? source.key : names) + " " + (source.year.map(String.init) ?? "")
    }
}
