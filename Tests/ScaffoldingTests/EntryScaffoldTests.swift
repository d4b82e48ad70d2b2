import DocumentModel
import Testing

@testable import Scaffolding

@Suite struct EntryScaffoldTests {
    let configuration: ProjectConfiguration = {
        let label = { (kk: String, en: String) in LocalizedText([LanguageTag("kk"): kk, LanguageTag("en"): en]) }
        let monument = KindSchema(
            name: "monument", label: label("Ескерткіш", "Monument"),
            fields: [
                FieldSchema(name: "period", type: .date, label: label("Кезеңі", "Period"), isRequired: false),
                FieldSchema(name: "region", type: .link(kinds: ["place"]), label: label("Өңірі", "Region"), isRequired: true),
                FieldSchema(name: "note", type: .text, label: label("Ескерту", "Note"), isRequired: false),
            ])
        let place = KindSchema(name: "place", label: label("Мекен", "Place"), fields: [])
        return ProjectConfiguration(languages: [LanguageTag("kk"), LanguageTag("en")], kinds: [monument, place])
    }()

    func scaffold(entries: [String: [EntryID]]) -> EntryScaffold {
        EntryScaffold(
            configuration: configuration, kind: configuration.kinds[0], id: EntryID("berel-2"),
            languages: configuration.languages, examples: EntryScaffold.Examples(entries: entries))
    }

    @Test func requiredFieldsComeFirstWithAValueThatChecks() throws {
        let files = scaffold(entries: ["place": [EntryID("kazakhstan"), EntryID("almaty")]]).files
        let kazakh = try #require(files.first).text
        let lines = kazakh.split(separator: "\n").map(String.init)
        let region = try #require(lines.firstIndex(of: "region: \"[[kazakhstan]]\""))
        let period = try #require(lines.firstIndex(of: "# period: \"1845-08-10\""))
        #expect(region < period)
        #expect(lines[region - 1].hasPrefix("# Өңірі: «Мекен» түріндегі мақалаға сілтеме"))
        #expect(lines.contains("title: \"Berel 2\""))
        #expect(lines.contains("draft: true"))
        #expect(lines.contains("**Berel 2** — …"))
    }

    @Test func languageNeutralFactsAreWrittenInTheFirstLanguageOnly() throws {
        let files = scaffold(entries: ["place": [EntryID("almaty")]]).files
        #expect(files.map(\.language.rawValue) == ["kk", "en"])
        let english = files[1].text
        #expect(!english.contains("region:"))
        #expect(!english.contains("period:"))
        #expect(english.contains("# note: …"))
        #expect(english.contains("kind: monument"))
        #expect(english.contains("**Berel 2** is …"))
    }

    @Test func aRequiredLinkWithNoTargetYetIsLeftToTheEditorAndSaidSo() {
        let scaffold = scaffold(entries: [:])
        #expect(scaffold.unfilled == ["region"])
        #expect(scaffold.files[0].text.contains("\n# region: \"[[id]]\"\n"))
    }

    @Test func aHeadwordThatYAMLWouldReadAsAnotherTypeIsQuoted() {
        #expect(EntryScaffold.quoted("Null") == "\"Null\"")
        #expect(EntryScaffold.quoted("a \"b\"") == "\"a \\\"b\\\"\"")
    }
}
