import BuildGraph
import DocumentModel
import Foundation
import Localisation
import NativeBridge
import Packaging
import XMLSerialisation

/// QR plaques as products of the build graph (docs/plaques.md): for each
/// entry of the kinds an edition's `plaques:` names, a document with its
/// address, QR code, headword, kind and region in each language, made into
/// `plaques/ID.svg` by plaque.xsl; and the print sheet of them all.
enum PlaqueProducts {
    static let kinds: [any Query.Type] = [PlaqueSite.self, PlaqueEntries.self, PlaqueXML.self, PlaqueSVG.self, PlaqueSheet.self]
}

/// What an edition's plaques are made with: where its site is, which kinds
/// get one, its languages, and the print edition's page (for the sheet).
struct PlaqueSite: EditionQuery {
    typealias Value = Settings?

    struct Settings: Codable, Sendable, Hashable {
        var baseURL: String
        var kinds: [String]
        var languages: [LanguageTag]
        var geometry: PrintGeometry
    }

    static let kind = "plaque-site"
    static var isStored: Bool { false }
    var edition: String
    init(_ edition: String) { self.edition = edition }

    /// nil: the edition has no plaques.
    func compute(_ context: QueryContext) throws -> Settings? {
        let configuration = try context.value(ProjectFile()).content
        guard let edition = configuration.editions.first(where: { $0.id == edition }), let plaques = edition.plaques,
              let base = edition.web.baseURL
        else { return nil }
        return Settings(baseURL: base, kinds: plaques.kinds, languages: edition.languages, geometry: configuration.printGeometry)
    }

    /// The address a plaque prints: the entry's language-neutral page.
    static func address(_ site: Settings, _ id: EntryID) -> String { site.baseURL + WebPaths.neutral(id) }
}

/// The entries of an edition that get a plaque: those of the plaques' kinds
/// that its pages hold in any of its languages, by id.
struct PlaqueEntries: EditionQuery {
    static let kind = "plaque-entries"
    static var isStored: Bool { false }
    var edition: String
    init(_ edition: String) { self.edition = edition }

    func compute(_ context: QueryContext) throws -> [EntryID] {
        guard let site = try context.value(PlaqueSite(edition)) else { return [] }
        var held = Set<EntryID>()
        for language in site.languages {
            held.formUnion(try context.value(WebMembers(EditionLanguage(edition: edition, language: language))))
        }
        var entries: [EntryID] = []
        for id in held.sorted() {
            let outlines = try context.value(OutlineShard(CheckProducts.shard(of: id)))
            if let kind = outlines.first(where: { $0.id == id })?.kind, site.kinds.contains(kind) { entries.append(id) }
        }
        return entries
    }
}

/// A plaque's document (`plaque` in xml-vocabulary.md).
struct PlaqueXML: EditionEntryQuery {
    static let kind = "plaque-xml"
    /// Fingerprinted by what it is made from, never encoded: the plaque made from it is stored.
    static var fingerprintsValue: Bool { false }
    static var isStored: Bool { false }
    var edition: String
    var id: EntryID

    init(edition: String, id: EntryID) {
        self.edition = edition
        self.id = id
    }

    func compute(_ context: QueryContext) throws -> [UInt8] {
        guard let site = try context.value(PlaqueSite(edition)), let entry = try context.value(BookEntry(id)) else {
            throw BuildError.internalInconsistency("edition \(edition) has no plaque for \(id)")
        }
        let address = PlaqueSite.address(site, id)
        guard let code = QRCode(encoding: address, correction: .high) else {
            throw BuildError.plaqueAddressTooLong(address)
        }
        let region = entry.facts.first { $0.field == "region" }.flatMap { fact -> EntryID? in
            if case .link(let link) = fact.value { link.target } else { nil }
        }
        let regionEntry = try region.flatMap { try context.value(BookEntry($0)) }
        var versions: [PlaqueVersion] = []
        for language in site.languages {
            let pair = EditionLanguage(edition: edition, language: language)
            guard try context.value(WebMembers(pair)).contains(id), let version = entry.version(language) else { continue }
            let kinds = try context.value(BookConfiguration(pair)).kinds
            versions.append(PlaqueVersion(
                language: language, title: version.title,
                kind: kinds.first { $0.name == entry.kind }?.label.text(in: language, fallbacks: []) ?? entry.kind ?? "",
                region: regionEntry?.version(language)?.title))
        }
        return PlaqueSerialiser.plaque(
            edition: edition, id: id, address: address, code: code, quietZone: PlaqueSerialiser.quietZone, versions: versions)
    }
}

/// A plaque as SVG: `plaques/ID.svg`.
struct PlaqueSVG: EditionEntryQuery {
    static let kind = "plaque-svg"
    var edition: String
    var id: EntryID

    init(edition: String, id: EntryID) {
        self.edition = edition
        self.id = id
    }

    func compute(_ context: QueryContext) throws -> ZIPMember {
        let (document, stylesheets) = try Render.read(try context.value(PlaqueXML(edition: edition, id: id)), "\(id).xml", context)
        return ZIPMember(path: "\(id).svg", bytes: try stylesheets.plaque.transform(document, parameters: [("part", "svg")]))
    }
}

/// The print sheet of an edition's plaques, one to a page: `plaques/index.html`.
struct PlaqueSheet: EditionQuery {
    static let kind = "plaque-sheet"
    var edition: String
    init(_ edition: String) { self.edition = edition }

    func compute(_ context: QueryContext) throws -> ZIPMember {
        guard let site = try context.value(PlaqueSite(edition)) else { throw BuildError.internalInconsistency("edition \(edition) has no plaques") }
        let plaques = try context.value(PlaqueEntries(edition)).map { try context.value(PlaqueXML(edition: edition, id: $0)) }
        let (document, stylesheets) = try Render.read(
            PlaqueSerialiser.sheet(edition: edition, plaques: plaques), "plaques.xml", context)
        let geometry = site.geometry
        let size = geometry.trim.replacingOccurrences(of: "mm", with: "").split(separator: "x").map { "\($0)mm" }.joined(separator: " ")
        let html = try stylesheets.plaque.transform(document, parameters: [
            ("part", "sheet"), ("plaque.page-size", size), ("plaque.bleed", geometry.bleed), ("plaque.marks", geometry.marks ?? "none"),
        ])
        return ZIPMember(path: "index.html", bytes: Array("<!DOCTYPE html>\n".utf8) + html)
    }
}
