import Foundation
import Diagnostics
import Loading
import Testing
import TestSupport

/// Every error case of the reader: what is written, and the rule, file, line
/// and column of the finding. Each case changes the base fixture a little.
@Suite struct ParserFindingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String?]
        var appending: [String: String] = [:]
        /// (rule, path, line, column); column 0 means any.
        var expected: [(String, String, Int, Int)]
        var testDescription: String { name }
    }

    static let kk = "entries/monuments/berel.kk.md"
    static let ru = "entries/monuments/berel.ru.md"

    /// A kk version of berel with `body` after a minimal valid front matter (4 lines).
    static func berel(_ body: String, frontMatter: String = "") -> [String: String?] {
        [kk: "---\nkind: monument\ntitle: Берел\nregion: \"[[east-kazakhstan]]\"\(frontMatter)\n---\n" + body + "\n"]
    }

    static let cases: [Case] = [
        Case(name: "level-1 heading", files: berel("# Берел"), expected: [("markup", kk, 6, 1)]),
        Case(name: "raw HTML block", files: berel("<div>мәтін</div>"), expected: [("markup", kk, 6, 1)]),
        Case(name: "raw HTML inline", files: berel("Мәтін <b>қалың</b> сөз."), expected: [("markup", kk, 6, 7), ("markup", kk, 6, 15)]),
        Case(name: "relative link to .md", files: berel("[Шығыс](east-kazakhstan.kk.md)"), expected: [("markup", kk, 6, 1)]),
        Case(name: "link to a scheme a book cannot follow", files: berel("[бет](javascript:alert(1)) [файл](notes/a.pdf)"),
             expected: [("markup", kk, 6, 1), ("markup", kk, 6, 28)]),
        Case(name: "web links are fine", files: berel("[сайт](https://example.org) <https://example.org> [хат](mailto:a@b.kz)"), expected: []),
        Case(name: "footnote without definition", files: berel("Мәтін[^жоқ]."), expected: [("markup", kk, 6, 6)]),
        Case(name: "footnote never referenced", files: berel("Мәтін.\n\n[^артық]: Ескерту."), expected: [("markup", kk, 8, 1)]),
        Case(name: "wiki-link left open before a word", files: berel("Қараңыз [[east-kazakhstan өңірін."), expected: [("markup", kk, 6, 9)]),
        Case(name: "wiki-link closed by one bracket", files: berel("Қараңыз [[east-kazakhstan] өңірін."), expected: [("markup", kk, 6, 9)]),
        Case(name: "wiki-link with its text left open", files: berel("[[east-kazakhstan|Шығыс\nҚазақстан өңірі."),
             expected: [("markup", kk, 6, 1)]),
        Case(name: "closing brackets with no opener", files: berel("Тау]] етегінде."), expected: [("markup", kk, 6, 4)]),
        Case(name: "citation left open after its locator", files: berel("Мәтін [@samashev-2011, 20-б. әрі қарай."),
             expected: [("markup", kk, 6, 7)]),
        Case(name: "citation left open after its key", files: berel("Мәтін [@samashev-2011"), expected: [("markup", kk, 6, 7)]),
        Case(name: "footnote reference left open", files: berel("Мәтін [^бір"), expected: [("markup", kk, 6, 7)]),
        Case(name: "anchor left open", files: berel("## Зерттелуі {#research"), expected: [("markup", kk, 6, 4)]),
        Case(name: "image left open", files: berel("![План](media/plan.png \"Жоспар"), expected: [("markup", kk, 6, 8)]),
        Case(name: "a row with more cells than its header", files: berel("| a | b |\n|---|---|\n| 1 | 2 | 3 |"),
             expected: [("markup", kk, 8, 10)]),
        Case(name: "a table in a quote has the cells it shows", files: berel("> | a | b |\n> |---|---|\n> | 1 | 2 |"), expected: []),
        Case(name: "a citation after a link left open is still one", files: berel("[сайт](жоқ қараңыз [@samashev-2012]"),
             expected: [("markup", kk, 6, 7), ("unknown-citation", kk, 6, 21)]),
        Case(name: "lists nested deeper than Asyl keeps",
             files: berel((0..<60).map { String(repeating: "  ", count: $0) + "- \($0 + 1)" }.joined(separator: "\n")),
             expected: [("markup", kk, 55, 99)]),
        Case(name: "citation without @", files: berel("Мәтін [samashev-2011, 14-б.] бар."), expected: [("citation-without-at", kk, 6, 7)]),
        Case(name: "a word in brackets that is no source's key", files: berel("Мәтін [сурет 1, 14-б.] [note] бар."), expected: []),
        Case(name: "broken link", files: berel("Қараңыз [[east-kazakstan]]."), expected: [("broken-link", kk, 6, 9)]),
        Case(name: "broken link in a list item", files: berel("- бір\n- Қараңыз [[nope]]"), expected: [("broken-link", kk, 7, 11)]),
        Case(name: "broken section", files: berel("Қараңыз [[east-kazakhstan#zhoq]]."), expected: [("broken-link", kk, 6, 9)]),
        Case(name: "link to a non-id", files: berel("Қараңыз [[Берел]]."), expected: [("broken-link", kk, 6, 9)]),
        Case(name: "broken link after an escape", files: berel("\\*Жұлдыз\\* [[nope]]"), expected: [("broken-link", kk, 6, 12)]),
        Case(name: "unknown citation", files: berel("Мәтін [@samashev-2012, 4-б.]."), expected: [("unknown-citation", kk, 6, 8)]),
        Case(name: "missing media", files: berel("![Сурет](media/none.png)"), expected: [("missing-media", kk, 6, 1)]),
        Case(name: "unsupported media type", files: berel("![Сурет](media/plan.bmp)"), expected: [("missing-media", kk, 6, 1)]),
        Case(name: "media path leaving the tree", files: berel("![Сурет](../../etc/passwd.png)"), expected: [("missing-media", kk, 6, 1)]),
        Case(name: "image without alt text", files: berel("![](media/plan.png)"), expected: [("missing-alt", kk, 6, 1)]),
        Case(name: "no front matter", files: [kk: "Берел.\n"], expected: [("front-matter", kk, 1, 1)]),
        Case(name: "empty file", files: [kk: ""], expected: [("front-matter", kk, 1, 1)]),
        Case(name: "unclosed front matter", files: [kk: "---\ntitle: Берел\n"], expected: [("front-matter", kk, 1, 1)]),
        Case(name: "unreadable YAML", files: berel("", frontMatter: "\nsummary: [a, b"), expected: [("front-matter", kk, 0, 0)]),
        Case(name: "missing title", files: [kk: "---\nkind: monument\nregion: \"[[east-kazakhstan]]\"\n---\n"], expected: [("front-matter", kk, 1, 1)]),
        Case(name: "unknown kind", files: [kk: "---\nkind: monumnet\ntitle: Берел\n---\n"], expected: [("front-matter", kk, 2, 7)]),
        Case(name: "unknown field", files: berel("", frontMatter: "\ncolour: red"), expected: [("front-matter", kk, 5, 1)]),
        Case(name: "malformed date points at the bad part", files: berel("", frontMatter: "\nperiod: 1845-13-01"), expected: [("front-matter", kk, 5, 14)]),
        Case(name: "malformed quoted date", files: berel("", frontMatter: "\nperiod: \"18450\""), expected: [("front-matter", kk, 5, 10)]),
        Case(name: "octal-looking year is a year", files: berel("", frontMatter: "\nperiod: -0400"), expected: []),
        Case(name: "wrong coordinates", files: berel("", frontMatter: "\nlocation: {lat: 95, lon: 86}"), expected: [("front-matter", kk, 5, 17)]),
        Case(name: "geo written as text", files: berel("", frontMatter: "\nlocation: 49.3, 86.4"), expected: [("front-matter", kk, 5, 11)]),
        Case(name: "unknown enum value", files: berel("", frontMatter: "\nheritage: republic"), expected: [("front-matter", kk, 5, 11)]),
        Case(name: "number that is not a number", files: berel("", frontMatter: "\nunits: 0x1F"), expected: [("front-matter", kk, 5, 8)]),
        Case(name: "unquoted link", files: [kk: "---\nkind: monument\ntitle: Берел\nregion: [[east-kazakhstan]]\n---\n"], expected: [("front-matter", kk, 4, 9)]),
        Case(name: "link with text in a fact", files: [kk: "---\nkind: monument\ntitle: Берел\nregion: \"[[east-kazakhstan|Шығыс]]\"\n---\n"], expected: [("front-matter", kk, 4, 9)]),
        Case(name: "link to the wrong kind", files: [kk: "---\nkind: monument\ntitle: Берел\nregion: \"[[berel]]\"\n---\n"], expected: [("link-wrong-kind", kk, 4, 10)]),
        Case(name: "fact link to nothing", files: berel("", frontMatter: "\nrelated: [\"[[nope]]\"]"), expected: [("broken-link", kk, 5, 12)]),
        Case(name: "missing required field", files: [kk: "---\nkind: monument\ntitle: Берел\n---\n"], expected: [("front-matter", kk, 2, 7)]),
        Case(name: "unknown category", files: berel("", frontMatter: "\ncategories: [archeology]"), expected: [("front-matter", kk, 5, 14)]),
        Case(name: "unknown citation in a source fact", files: berel("", frontMatter: "\nliterature: [nope-1999]"), expected: [("unknown-citation", kk, 5, 1)]),
        Case(name: "fact conflict", files: [ru: "---\nkind: monument\ntitle: Берельский могильник\nperiod: \"1845\"\n---\n"],
             expected: [("fact-conflict", ru, 4, 1)]),
        Case(name: "kind conflict", files: [ru: "---\nkind: place\ntitle: Берельский могильник\n---\n"], expected: [("fact-conflict", ru, 2, 7)]),
        Case(name: "duplicate id", files: ["entries/other/berel.kk.md": "---\ntitle: Берел\n---\n"], expected: [("duplicate-id", "entries/other/berel.kk.md", 1, 1)]),
        Case(name: "stray file", files: ["entries/notes.txt": "x"], expected: [("stray-file", "entries/notes.txt", 0, 0)]),
        Case(name: "file in an unlisted language", files: ["entries/monuments/berel.de.md": "---\ntitle: Berel\n---\n"],
             expected: [("stray-file", "entries/monuments/berel.de.md", 0, 0)]),
        Case(name: "README and dot-files are ignored", files: ["entries/README.md": "# Notes", "entries/.draft.md": "x"], expected: []),
        Case(name: "unknown key in asyl.yaml", files: [:], appending: ["asyl.yaml": "langauges: [kk]\n"],
             expected: [("config", "asyl.yaml", 44, 1)]),
        Case(name: "unknown rule in checks", files: [:], appending: ["asyl.yaml": "checks: {orphan: off, brokn-link: warning}\n"],
             expected: [("config", "asyl.yaml", 44, 23)]),
        Case(name: "unreadable asyl.yaml", files: ["asyl.yaml": "format: 1\nlanguages: [kk, ru\n"], expected: [("config", "asyl.yaml", 0, 0)]),
        Case(name: "unknown field in sources.yaml", files: ["sources.yaml": "samashev-2011:\n  type: book\n  title: Берел\n  autor: [\"Самашев, З.\"]\ntsga-rk-f1137:\n  type: book\n  title: Тізім\n"],
             expected: [("config", "sources.yaml", 4, 3)]),
        // One URL policy: a source's `url` is held to the rule a body's link is.
        Case(name: "a source's url a reader cannot follow", files: ["sources.yaml": "samashev-2011:\n  type: book\n  title: Берел\n  url: \"javascript:alert(1)\"\ntsga-rk-f1137:\n  type: book\n  title: Тізім\n  url: https://example.kz/t\n"],
             expected: [("config", "sources.yaml", 4, 8)]),
        Case(name: "undeclared archive", files: ["sources.yaml": "samashev-2011:\n  type: book\n  title: Берел\ntsga-rk-f1137:\n  type: archive\n  archive: tsga\n  fond: 1\n"],
             expected: [("config", "sources.yaml", 6, 12)]),
    ]

    @Test("finding at the right place", arguments: cases)
    func finding(_ testCase: Case) throws {
        let project = try FixtureProject(files: testCase.files, appending: testCase.appending)
        defer { project.remove() }
        let found = try project.findings().filter { $0.rule != "orphan" && $0.rule != "unused-source" && $0.rule != "untranslated-link" }
        for (rule, path, line, column) in testCase.expected {
            #expect(found.contains { $0.matches(rule, path, line, column) || (line == 0 && $0.rule == rule && $0.path == path) },
                    "expected \(rule) at \(path):\(line):\(column); found \(found)")
        }
        let unexpected = found.filter { finding in
            !testCase.expected.contains { finding.rule == $0.0 && finding.path == $0.1 }
        }
        #expect(unexpected.isEmpty, "unexpected findings: \(unexpected)")
    }

    /// Half-written markup whose completion is plain gets the text that completes it, where it goes.
    @Test func halfWrittenMarkupGetsAFix() throws {
        for (body, column, replacement) in [
            ("Қараңыз [[east-kazakhstan өңірін.", 26, "]]"), ("Қараңыз [[east-kazakhstan] өңірін.", 26, "]"),
            ("Мәтін [@samashev-2011", 22, "]"), ("Мәтін [^бір", 12, "]"), ("## Зерттелуі {#research", 24, "}"),
            ("![План](media/plan.png \"Жоспар", 31, "\")"),
        ] {
            let project = try FixtureProject(files: Self.berel(body))
            defer { project.remove() }
            let markup = try project.check().diagnostics.filter { $0.rule == .markup }
            #expect(markup.count == 1, "\(body): \(markup)")
            let fix = try #require(markup.first?.fix, "\(body)")
            #expect(fix.start == SourcePosition(line: 6, column: column) && fix.end == fix.start, "\(body)")
            #expect(fix.replacement == replacement, "\(body)")
        }
        // `[[east-kazakhstan өңірі … тау]]`: the later `]]` closes it, and the id is what comes before the space.
        let closedLater = try FixtureProject(files: Self.berel("Қараңыз [[east-kazakhstan өңірін. Тау]] етегінде."))
        defer { closedLater.remove() }
        let broken = try closedLater.check().diagnostics.filter { $0.rule == .brokenLink }
        #expect(broken.map(\.fix) == [Diagnostic.Fix(inserting: "]]", at: SourcePosition(line: 6, column: 26))])
        // Where the text of a link ends is the editor's to say: no fix.
        let project = try FixtureProject(files: Self.berel("[[east-kazakhstan|Шығыс Қазақстан өңірі."))
        defer { project.remove() }
        #expect(try project.check().diagnostics.filter { $0.rule == .markup }.map(\.fix) == [nil])
    }

    /// What a book prints of half-written markup, once the editor has lowered `markup` to build anyway:
    /// the link or citation the fix would make, or the text without its brackets, never the brackets.
    @Test func halfWrittenMarkupReachesNoBookAsBrackets() throws {
        let body = [
            "Қараңыз [[east-kazakhstan өңірін.", "Қараңыз [[east-kazakhstan] өңірін.", "[[east-kazakhstan|Шығыс Қазақстан өңірі.",
            "Тау]] етегінде.", "Мәтін [@samashev-2011", "Мәтін [@samashev-2011, 20-б. әрі қарай.",
        ].joined(separator: "\n\n")
        let project = try FixtureProject(files: Self.berel(body))
        defer { project.remove() }
        let version = try #require(project.parsed().versions.first { $0.id.rawValue == "berel" && $0.language.rawValue == "kk" })
        var texts: [String] = []
        var links: [String] = []
        var citations: [String] = []
        version.forEachInline { inline in
            switch inline.kind {
            case .text(let text): texts.append(text)
            case .wikiLink(let link): links.append(link.target.rawValue)
            case .citation(let items): citations += items.map(\.key)
            default: break
            }
        }
        let printed = texts.joined(separator: " ")
        for bracket in ["[[", "]]", "[@"] { #expect(!printed.contains(bracket), "\(bracket) in \(printed)") }
        #expect(links == ["east-kazakhstan", "east-kazakhstan"])
        #expect(citations == ["samashev-2011"])
        #expect(printed.contains("Шығыс Қазақстан өңірі.") && printed.contains("Тау етегінде.") && printed.contains("@samashev-2011, 20-б."))
    }

    /// Messages that say what the editor most likely meant.
    @Test func messagesGuessWhatWasMeant() throws {
        let dates = try FixtureProject(files: Self.berel("", frontMatter: "\nperiod: 28.09.1897"))
        defer { dates.remove() }
        let date = try #require(dates.check().diagnostics.first { $0.rule == .frontMatter })
        #expect(date.message.english.hasSuffix("write dates as YYYY-MM-DD, year first: 1897-09-28"))
        #expect(date.fix == Diagnostic.Fix(replacing: SourceRange(line: 5, column: 9, length: 10), with: "1897-09-28"))

        let category = try FixtureProject(files: Self.berel("", frontMatter: "\ncategories: [saka, archeology]"))
        defer { category.remove() }
        let unknown = try #require(category.check().diagnostics.first { $0.rule == .frontMatter })
        #expect(unknown.location.range == SourceRange(line: 5, column: 20, length: 10), "the caret is under the word")

        let image = try FixtureProject(files: Self.berel("![План](media/plan.jpg)"))
        defer { image.remove() }
        let missing = try #require(image.check().diagnostics.first { $0.rule == .missingMedia })
        #expect(missing.notes.map(\.message.english) == ["did you mean 'media/plan.png'?"])

        for (name, right) in [
            ("Berel.kk.md", "berel.kk.md"), ("berel_qorymy.kk.md", "berel-qorymy.kk.md"), ("Берел.kk.md", "berel.kk.md"),
            ("berel.KK.md", "berel.kk.md"), ("berel.kk.txt", "berel.kk.md"),
        ] {
            let misnamed = try FixtureProject(files: ["entries/monuments/\(name)": "---\ntitle: Берел\n---\n"])
            defer { misnamed.remove() }
            let stray = try misnamed.check().diagnostics.filter { $0.rule == .strayFile }
            #expect(stray.count == 1 && stray[0].message.english.contains(right), "\(name): \(stray)")
        }
    }

    /// An anchor left open is still the anchor: no slug takes it.
    @Test func anAnchorLeftOpenIsReservedLikeAClosedOne() throws {
        let project = try FixtureProject(files: Self.berel("## Research\n\n## Зерттелуі {#research"))
        defer { project.remove() }
        let version = try #require(project.parsed().versions.first { $0.id.rawValue == "berel" && $0.language.rawValue == "kk" })
        let anchors = version.body.compactMap { block -> String? in
            if case .heading(let heading) = block.kind { heading.anchor } else { nil }
        }
        #expect(anchors.count == 2 && Set(anchors).count == 2 && anchors[1] == "research", "\(anchors)")
    }

    @Test func theBaseFixtureIsClean() throws {
        let project = try FixtureProject()
        defer { project.remove() }
        #expect(try project.findings() == [])
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() throws {
        let project = try FixtureProject()
        defer { project.remove() }
        try project.write(Self.kk, bytes: Array("---\ntitle: Бе".utf8) + [0xFF] + Array("\n---\n".utf8))
        let found = try project.findings()
        #expect(found.contains { $0.matches("unreadable-file", Self.kk, 2, 10) }, "\(found)")
    }

    @Test func aFileOverTheSizeLimitIsRefusedNotParsed() throws {
        let line = String(repeating: "қ", count: 5 * 1024 * 1024)
        let project = try FixtureProject(files: Self.berel(line))
        defer { project.remove() }
        let found = try project.findings()
        #expect(found.contains { $0.rule == "unreadable-file" && $0.path == Self.kk }, "\(found)")
    }

    @Test func aLongLineWithinTheLimitIsParsed() throws {
        let line = String(repeating: "сөз ", count: 250_000) + "[[nope]]"
        let project = try FixtureProject(files: Self.berel(line))
        defer { project.remove() }
        let found = try project.findings()
        #expect(found.contains { $0.matches("broken-link", Self.kk, 6, 1_000_001) }, "\(found.prefix(3))")
    }

    @Test func aFolderWithoutAsylYamlIsAUsageError() throws {
        let project = try FixtureProject(files: ["asyl.yaml": nil])
        defer { project.remove() }
        #expect(throws: LoadingError.self) { try project.check() }
    }

    @Test func anAsylYamlLinkedFromOutsideTheTreeIsSaidToBeALink() throws {
        let project = try FixtureProject()
        defer { project.remove() }
        let config = project.root.appendingPathComponent("asyl.yaml")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-config-\(UUID().uuidString).yaml")
        try FileManager.default.moveItem(at: config, to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: config, withDestinationURL: outside)
        do {
            _ = try project.check()
            Issue.record("a linked asyl.yaml was read")
        } catch let error as LoadingError {
            #expect(error.description.contains("is a symbolic link to a file outside the tree"), "\(error)")
        }
    }
}
