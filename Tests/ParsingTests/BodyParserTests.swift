import DocumentModel
import Parsing
import Testing
import TestSupport

/// The body of `berel.kk.md` in the base fixture, read into the model.
@Suite struct BodyParserTests {
    func version(_ id: String = "berel", _ language: String = "kk", files: [String: String?] = [:]) throws -> Version {
        let project = try FixtureProject(files: files)
        defer { project.remove() }
        return try #require(project.parsed().versions.first { $0.id.rawValue == id && $0.language.rawValue == language })
    }

    func inlines(_ version: Version) -> [Inline] {
        var found: [Inline] = []
        version.forEachInline { found.append($0) }
        return found
    }

    @Test func wikiLinksWithTextSectionsAndPositions() throws {
        let links = inlines(try version()).compactMap { inline -> (WikiLink, Inline)? in
            if case .wikiLink(let link) = inline.kind { (link, inline) } else { nil }
        }
        #expect(links.count == 3)
        let (first, firstInline) = links[0]
        #expect(first.target == EntryID("east-kazakhstan"))
        #expect(first.content?.plainText == "Шығыс Қазақстандағы")
        // `**Берел қорымы** — [[`: the link starts at column 20 of line 12.
        #expect(firstInline.range.start.line == 12)
        #expect(firstInline.range.start.column == 20)
        #expect(links[1].0.section == "history")
        #expect(links[1].0.content == nil)
        // In a table cell `\|` separates target and text.
        #expect(links[2].0.target == EntryID("east-kazakhstan"))
        #expect(links[2].0.content?.plainText == "Өңір")
    }

    @Test func citationsWithLocators() throws {
        let citations = inlines(try version()).compactMap { inline -> [CitationItem]? in
            if case .citation(let items) = inline.kind { items } else { nil }
        }
        #expect(citations.count == 2)
        #expect(citations[0][0].key == "samashev-2011")
        #expect(citations[0][0].locator == "45-б.")
        #expect(citations[0][0].range.start == .init(line: 12, column: 67))
        #expect(citations[1][0].key == "tsga-rk-f1137")
    }

    @Test func severalKeysInOneCitation() throws {
        let v = try version(files: ["entries/monuments/berel.kk.md": """
            ---
            title: Берел
            ---
            Мәтін [@samashev-2011; @tsga-rk-f1137, 12–14-п.] және [a@b.kz] емес.
            """])
        let citations = inlines(v).compactMap { inline -> [CitationItem]? in
            if case .citation(let items) = inline.kind { items } else { nil }
        }
        #expect(citations.count == 1)
        #expect(citations[0].map(\.key) == ["samashev-2011", "tsga-rk-f1137"])
        #expect(citations[0].map(\.locator) == [nil, "12–14-п."])
        #expect(citations[0][1].range.start == .init(line: 4, column: 24))
    }

    @Test func headingsGetExplicitAnchorsOrSlugs() throws {
        let v = try version(files: ["entries/monuments/berel.kk.md": """
            ---
            title: Берел
            ---
            ## Зерттелуі {#research}

            ## Қазба жұмыстары

            ## Қазба жұмыстары

            ## 1865 ж. — Радлов!
            """])
        #expect(v.sectionAnchors == ["research", "qazba-zhumystary", "qazba-zhumystary-2", "1865-zh-radlov"])
        guard case .heading(let heading) = v.body[0].kind else { Issue.record("no heading"); return }
        #expect(heading.content.plainText == "Зерттелуі")
        #expect(heading.hasExplicitAnchor)
    }

    @Test func aSlugNeverTakesAnExplicitAnchor() throws {
        let v = try version(files: ["entries/monuments/berel.kk.md": """
            ---
            title: Берел
            ---
            ## Research

            ## Зерттелуі {#research}
            """])
        #expect(v.sectionAnchors == ["research-2", "research"])
    }

    @Test func figureAloneInAParagraphAndFootnotes() throws {
        let v = try version()
        let figures = v.body.compactMap { block -> Figure? in if case .figure(let f) = block.kind { f } else { nil } }
        #expect(figures.count == 1)
        #expect(figures[0].alt == "Қорғанның сызбасы")
        #expect(figures[0].caption == "Қорғанның сызбасы")
        #expect(figures[0].image.path == "media/plan.png")
        #expect(v.footnotes.map(\.label) == ["1"])
    }

    @Test func tablesListsQuotesAndCode() throws {
        let v = try version(files: ["entries/monuments/berel.kk.md": """
            ---
            title: Берел
            ---
            > Дәйексөз

            1. бір
            2. екі

            ```
            код
            ```

            | a | b |
            |:-:|---|
            | 1 | ~~2~~ |
            """])
        let kinds = v.body.map { block -> String in
            switch block.kind {
            case .blockQuote: "quote"
            case .list(let list): list.isOrdered ? "ordered" : "bullet"
            case .codeBlock(_, let code): "code:\(code)"
            case .table(let table): "table:\(table.alignments)"
            default: "other"
            }
        }
        #expect(kinds == ["quote", "ordered", "code:код\n", "table:[DocumentModel.Table.Alignment.center, DocumentModel.Table.Alignment.none]"])
    }

    @Test func referenceDefinitionInsideDoubleBracketsIsStillAWikiLink() throws {
        let v = try version(files: ["entries/monuments/berel.kk.md": """
            ---
            title: Берел
            ---
            Қараңыз [[east-kazakhstan]].

            [east-kazakhstan]: https://example.org
            """])
        let targets = inlines(v).compactMap { inline -> String? in
            if case .wikiLink(let link) = inline.kind { link.target.rawValue } else { nil }
        }
        #expect(targets == ["east-kazakhstan"])
    }

    @Test func markupInsideDoubleBracketsStaysOneLink() throws {
        let v = try version(files: ["entries/monuments/berel.kk.md": """
            ---
            title: Берел
            ---
            Қараңыз [[east-kazakhstan|*Шығыс* өңір]] бөлімін.
            """])
        let links = inlines(v).compactMap { inline -> WikiLink? in
            if case .wikiLink(let link) = inline.kind { link } else { nil }
        }
        #expect(links.count == 1)
        #expect(links[0].content?.plainText == "Шығыс өңір")
    }

    @Test func slugTable() {
        #expect(Slug.make("Әлихан Бөкейхан") == "alikhan-bokeikhan")
        #expect(Slug.make("Щучинск, Ъ Ь") == "shchuchinsk")
        #expect(Slug.make("Ғұн ұрпағы: Һ, Ө, Ү, І, Ң, Қ") == "gun-urpagy-h-o-u-i-n-q")
        #expect(Slug.make("Ёлка Юрта Ястреб Цех Чай Эхо") == "yolka-yurta-yastreb-tsekh-chai-ekho")
        #expect(Slug.make("Crème brûlée") == "creme-brulee")
        #expect(Slug.make("!!!") == "section")
        // Decomposed letters (и + breve, е + diaeresis) read as the composed ones;
        // a stress mark is dropped; a Latin letter loses its accent either way.
        #expect(Slug.make("Жи\u{0306}нақ Е\u{0308}лка Бере\u{0301}л") == "zhinaq-yolka-berel")
        #expect(Slug.make("Cre\u{0300}me") == "creme")
        #expect(Slug.make("Е\u{0308}\u{0301}лка \u{0450}") == "yolka-e")
        #expect(Slug.make("\u{0450}") == "e")
        // A joiner or a variation selector stays with its letter, as before.
        #expect(Slug.make("a\u{200D}b 1\u{FE0F}\u{20E3}a") == "ab-1a")
        var unique = Slug.Deduplicator()
        #expect(["a", "a", "a-2", "a"].map { unique.unique($0) } == ["a", "a-2", "a-2-2", "a-3"])
    }

    @Test func everyCyrillicLetterOfTheSlugTable() {
        let letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
        for letter in letters {
            #expect(Slug.cyrillic[letter] != nil, "\(letter) has no transliteration")
        }
    }
}

/// The one way Asyl writes a web address it was given.
@Suite struct WebAddressTests {
    @Test(arguments: [
        ("https://x.test/my uri", "https://x.test/my%20uri"), ("https://x.test/föö", "https://x.test/f%C3%B6%C3%B6"),
        ("https://x.test/a\\b", "https://x.test/a%5Cb"), ("https://x.test/?q=1&r=%20", "https://x.test/?q=1&r=%20"),
    ])
    func addressesArePercentEncodedOnce(_ written: String, _ encoded: String) {
        #expect(WebAddress.percentEncoded(written) == encoded)
    }
}
