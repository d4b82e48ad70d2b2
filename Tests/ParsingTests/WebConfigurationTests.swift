import Diagnostics
import DocumentModel
import Loading
import Parsing
import Testing

/// asyl.yaml's `web:`, `formats: [web]` and `plaques:`, and plaques.lock.
@Suite struct WebConfigurationTests {
    func parse(_ yaml: String) -> (ProjectConfiguration, [Diagnostic]) {
        let head = """
            format: 1
            languages: [kk, ru]
            title: {kk: Сынақ, ru: Проба}
            kinds:
              monument: {label: {kk: Ескерткіш, ru: Памятник}}

            """
        return ConfigurationParser.parse(SourceFile(path: "asyl.yaml", text: head + yaml))
    }

    @Test func anEditionWithoutFormatsIsBuiltAsBooks() {
        let (configuration, findings) = parse("editions:\n  - id: a\n")
        #expect(findings.isEmpty && configuration.editions.first?.formats == [.epub, .print])
    }

    @Test func theBaseURLEndsInASlashAndAnEditionMayHaveItsOwn() {
        let (configuration, findings) = parse("""
            web: {base-url: "https://example.kz/asyl"}
            editions:
              - id: a
                formats: [web]
              - id: b
                formats: [web]
                web: {base-url: "https://b.example.kz/"}
            """)
        #expect(findings.isEmpty, "\(findings)")
        #expect(configuration.editions.map(\.web.baseURL) == ["https://example.kz/asyl/", "https://b.example.kz/"])
        #expect(configuration.reservedWebSegments == ["kk": LanguageTag("kk"), "ru": LanguageTag("ru")])
    }

    @Test(arguments: [
        ("web: {base-url: \"example.kz\"}\neditions:\n  - id: a\n", "`base-url` is the site's address"),
        ("web: {base-url: \"https://example.kz/?a=1\"}\neditions:\n  - id: a\n", "`base-url` is the site's address"),
        ("editions:\n  - id: a\n    formats: [web]\n    plaques: {kinds: [monument]}\n", "has plaques but no address"),
        ("web: {base-url: \"https://example.kz/\"}\neditions:\n  - id: a\n    plaques: {kinds: [monument]}\n", "is not built as web"),
        ("web: {tiles: {url: \"https://t.example.kz/{z}/{x}/{y}.png\"}}\neditions:\n  - id: a\n", "needs the `attribution`"),
        ("web: {tiles: {url: \"http://t.example.kz/{z}/{x}.png\", attribution: x}}\neditions:\n  - id: a\n", "an https address with {z}"),
        ("editions:\n  - id: a\n    formats: [html]\n", "formats are epub, print, web"),
    ])
    func mistakesAreConfigErrors(_ case_: (String, String)) {
        let (_, findings) = parse(case_.0)
        #expect(findings.contains { $0.rule == .config && $0.message.english.contains(case_.1) }, "\(findings.map(\.message.english))")
    }

    @Test func plaquesLockListsAddressesAndRefusesAnythingElse() {
        let (addresses, findings) = IssuedAddressParser.parse(SourceFile(path: "plaques.lock", text: """
            # issued
            https://example.kz/asyl/kumbez/

            not an address
            """))
        #expect(addresses == [IssuedAddress(url: "https://example.kz/asyl/kumbez/", line: 2)])
        #expect(findings.map(\.rule) == [.issuedAddress] && findings.first?.location.range?.start.line == 4)
    }
}
