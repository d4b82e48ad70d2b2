import DocumentModel
import Foundation
import Localisation
import NativeBridge
import Resolution
import Testing
import TestSupport
import XMLSerialisation

/// The base fixture serialised to the book vocabulary and rendered with
/// styles/epub.xsl, compared byte for byte with files in Golden/. After an
/// intended change, regenerate them with `ASYL_UPDATE_GOLDEN=1 swift test`
/// and review the diff.
@Suite(.serialized) struct GoldenTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = here.appendingPathComponent("Golden")
    static let styles = here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("styles")

    /// The fixture's book in `language`: its outline's serialiser, and each chunk's document.
    func book(_ language: String) throws -> (outline: BookSerialiser, chunks: [(file: String, bytes: [UInt8])]) {
        let fixture = try FixtureProject()
        defer { fixture.remove() }
        let project = try fixture.resolved()
        let edition = try #require(project.configuration.editions.first)
        let places = PlaceHierarchy(project.entries)
        let plan = BookPlanner.plan(
            project.entries.map(EntryOutline.init),
            sizes: Dictionary(uniqueKeysWithValues: project.entries.map { ($0.id, EntryOutline.sizes(of: $0)) }),
            places: places, edition: edition, language: LanguageTag(language), includeDrafts: false)
        let outline = BookSerialiser(
            plan: plan, configuration: project.configuration, bibliography: project.bibliography, places: places,
            modified: Date(timeIntervalSince1970: 1_763_769_600),
            resources: [BookResource(href: "css/epub.css", mediaType: "text/css", role: "stylesheet"),
                        BookResource(href: "media/plan.png", mediaType: "image/png", role: "image")],
            fontLicence: "Licence text.")
        var files: [EntryID: String] = [:]
        for chunk in plan.chunks {
            for planned in plan.entries[chunk.entries] { files[planned.entry.id] = chunk.file }
        }
        let serialiser = ChunkSerialiser(
            edition: edition, language: plan.language, configuration: project.configuration,
            bibliography: project.bibliography, targets: project.targets, files: files, forPrint: false)
        let entries = Dictionary(uniqueKeysWithValues: project.entries.map { ($0.id, $0) })
        let chunks = plan.chunks.map { chunk in
            (chunk.file, serialiser.document(
                file: chunk.file, letter: chunk.letter,
                entries: plan.entries[chunk.entries].compactMap { serialiser.entry(entries[$0.entry.id]!) }).bytes)
        }
        return (outline, chunks)
    }

    func compare(_ bytes: [UInt8], _ name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ASYL_UPDATE_GOLDEN"] != nil {
            try Data(bytes).write(to: url)
        }
        let expected = try [UInt8](Data(contentsOf: url))
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(name) differs from its golden file")
    }

    @Test(arguments: ["kk", "ru", "en"])
    func xmlMatchesGoldenAndSchema(_ language: String) throws {
        let book = try book(language)
        let schema = try RelaxNGSchema(path: Self.styles.appendingPathComponent("schema/asyl-book.rng").path)
        let outline = book.outline.outline()
        #expect(schema.validate(outline) == nil)
        try compare(outline.serialized(), "base.\(language).book.xml")
        for (file, bytes) in book.chunks {
            let document = try XMLDocument.parse(bytes)
            #expect(schema.validate(document) == nil, "\(file): \(schema.validate(document) ?? "")")
            try compare(bytes, "base.\(language).\(file.replacingOccurrences(of: ".xhtml", with: ".xml"))")
        }
    }

    @Test(arguments: ["kk", "ru", "en"])
    func xhtmlMatchesGolden(_ language: String) throws {
        XMLSettings.setStylesDirectory(Self.styles.path)
        let stylesheet = try XSLTStylesheet(path: Self.styles.appendingPathComponent("epub.xsl").path)
        let book = try book(language)
        for (file, bytes) in book.chunks {
            try compare(try stylesheet.transform(try XMLDocument.parse(bytes)), "base.\(language).\(file)")
        }
        let outline = book.outline.outline()
        for (part, file) in [("opf", "package.opf"), ("nav", "nav.xhtml"), ("ncx", "toc.ncx"), ("imprint", "imprint.xhtml")] {
            try compare(try stylesheet.transform(outline, parameters: [("part", part)]), "base.\(language).\(file)")
        }
    }

    /// An entry's web page: its document (the entry under `page`, with its
    /// headword in each language) and the HTML web.xsl makes of it.
    @Test(arguments: ["kk", "ru", "en"])
    func webPageMatchesGoldenAndSchema(_ language: String) throws {
        let fixture = try FixtureProject()
        defer { fixture.remove() }
        let project = try fixture.resolved()
        let edition = try #require(project.configuration.editions.first)
        let entry = try #require(project.entries.first { $0.version(LanguageTag(language)) != nil })
        let serialiser = ChunkSerialiser(
            edition: edition, language: LanguageTag(language), configuration: project.configuration,
            bibliography: project.bibliography, targets: project.targets, files: [:], forPrint: false)
        let versions = ["kk", "ru", "en"].map { tag in
            WebVersion(language: LanguageTag(tag), title: entry.version(LanguageTag(tag))?.title)
        }
        let bytes = serialiser.webPage(id: entry.id, entry: try #require(serialiser.entry(entry)), versions: versions)
        let document = try XMLDocument.parse(bytes)
        let schema = try RelaxNGSchema(path: Self.styles.appendingPathComponent("schema/asyl-book.rng").path)
        #expect(schema.validate(document) == nil, "\(schema.validate(document) ?? "")")
        try compare(bytes, "base.\(language).web-\(entry.id).xml")

        XMLSettings.setStylesDirectory(Self.styles.path)
        let stylesheet = try XSLTStylesheet(path: Self.styles.appendingPathComponent("web.xsl").path)
        let folder = "\(language)/\(entry.id)/"
        let html = try stylesheet.transform(document, parameters: [
            ("part", "entry"), ("web.path", folder), ("web.root", "../../"), ("web.languages", "kk ru en"),
            ("web.base-url", "https://example.kz/"),
        ])
        try compare(html, "base.\(language).web-\(entry.id).html")
    }

    @Test func theSchemaRejectsWhatIsNotTheVocabulary() throws {
        let schema = try RelaxNGSchema(path: Self.styles.appendingPathComponent("schema/asyl-book.rng").path)
        let wrong = try XMLDocument.parse(Array("<book xmlns='urn:asyl:book:1'><nonsense/></book>".utf8))
        #expect(schema.validate(wrong) != nil)
    }

    @Test func parsingRefusesExternalEntities() throws {
        let hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <x>&secret;</x>
            """
        let document = try XMLDocument.parse(Array(hostile.utf8))
        let text = String(decoding: document.serialized(), as: UTF8.self)
        #expect(!text.contains((try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}"))
    }

    @Test func stableIdentifiersAreVersion5UUIDs() {
        let id = StableIdentifier.uuid("asyl:asyl-mura:kk")
        #expect(id == StableIdentifier.uuid("asyl:asyl-mura:kk"))
        #expect(id != StableIdentifier.uuid("asyl:asyl-mura:ru"))
        #expect(id.count == 36)
        #expect(Array(id)[14] == "5")
        // The same as Python's uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org").
        #expect(StableIdentifier.uuid("https://example.org") == "0d092af3-c9f8-531f-9cc3-9db40a0750ef")
    }
}

/// Archival references in each language's convention (FORMAT.md §3), as the
/// golden XHTML has them.
@Suite struct ArchivalReferenceTests {
    @Test(arguments: [
        ("kk", "Списки // ҚР ОМА. 1137-қор, 1-тізімдеме, 45-іс, 12–14-п."),
        ("ru", "Списки // ЦГА РК. Ф.\u{00A0}1137. Оп.\u{00A0}1. Д.\u{00A0}45. Л.\u{00A0}12–14."),
        ("en", "Списки // TsGA RK, f.\u{00A0}1137, op.\u{00A0}1, d.\u{00A0}45, ll.\u{00A0}12–14"),
    ])
    func eachLanguageCitesArchivesItsWay(_ case_: (String, String)) throws {
        let golden = try String(contentsOf: GoldenTests.golden.appendingPathComponent("base.\(case_.0).letter-01.xhtml"), encoding: .utf8)
        #expect(golden.contains(case_.1))
    }
}
