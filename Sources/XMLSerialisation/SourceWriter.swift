import DocumentModel
import Localisation
import NativeBridge

/// A bibliographic source as structured XML; the stylesheets decide how each
/// language cites it.
struct SourceWriter {
    let xml: XMLTreeBuilder
    let configuration: ProjectConfiguration
    let language: LanguageTag

    func write(_ source: Source, id: String, number: Int) {
        xml.start("source", [("id", id), ("number", String(number)), ("key", source.key), ("type", source.type.rawValue)])
        for author in source.authors { name("author", author) }
        for editor in source.editors { name("editor", editor) }
        let fields: [(String, String?)] = [
            ("title", source.title), ("container", source.container), ("volume", source.volume), ("issue", source.issue),
            ("pages", source.pages), ("place", source.place), ("publisher", source.publisher),
            ("year", source.year.map(String.init)), ("isbn", source.isbn), ("doi", source.doi), ("url", source.url),
            ("note", source.note), ("fond", source.fond), ("inventory", source.inventory), ("file", source.file),
            ("sheets", source.sheets),
        ]
        for (name, value) in fields {
            if let value { xml.element(name, text: value) }
        }
        if let date = source.date { xml.element("date", [("edtf", date.description)], text: DateText(language: language).text(date)) }
        if let accessed = source.accessed {
            xml.element("accessed", [("edtf", accessed.description)], text: DateText(language: language).text(accessed))
        }
        if let archive = source.archive {
            let name = configuration.archive(archive)?.name.text(in: language, fallbacks: configuration.languages) ?? archive
            xml.element("archive", [("id", archive)], text: name)
        }
        xml.end()
    }

    private func name(_ element: String, _ person: PersonName) {
        var attributes = [("family", person.family)]
        if let given = person.given { attributes.append(("given", given)) }
        xml.element(element, attributes)
    }
}
