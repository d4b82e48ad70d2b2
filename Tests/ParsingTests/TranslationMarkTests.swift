import DocumentModel
import Testing
import TestSupport

@testable import Parsing

/// The sections a translation follows, their fingerprints, and the edit of
/// `translated-from:` that `asyl translations --mark` makes.
@Suite struct TranslationMarkTests {
    let body = "Кіріспе сөз.\n\n## Зерттелуі {#research}\n\nҚазба.\n\n## Табылғандар\n\nАлтын.\n"

    func sections(_ body: String) -> [BodySection] {
        let blocks = BodyParser.parse(body, firstLine: 10, path: "x.kk.md").blocks
        return SectionPrinter.sections(of: body, firstLine: 10, blocks: blocks)
    }

    @Test func theBodyIsCutAtItsHeadings() {
        let cut = sections(body)
        #expect(cut.map(\.anchor) == [nil, "research", "tabylgandar"])
        #expect(cut.map(\.line) == [10, 12, 16])
        #expect(cut.map(\.title) == ["", "Зерттелуі", "Табылғандар"])
        #expect(cut.allSatisfy { SectionPrinter.isPrint($0.print) })
    }

    @Test func whiteSpaceIsNoChangeAndAnEditChangesOnlyItsSection() {
        let before = sections(body)
        let rewrapped = sections(body.replacingOccurrences(of: "Кіріспе сөз.", with: "Кіріспе\n   сөз.  "))
        #expect(rewrapped.map(\.print) == before.map(\.print))
        let edited = sections(body.replacingOccurrences(of: "Қазба.", with: "Қазба жұмыстары."))
        #expect(edited[0].print == before[0].print)
        #expect(edited[1].print != before[1].print)
        #expect(edited[2].print == before[2].print)
    }

    @Test func theMarkReplacesOnlyTheValueAndKeepsEveryOtherByte() throws {
        let text = "---\r\ntitle: Берел  # атауы\r\ntranslated-from: kk   # from the Kazakh\r\n---\r\nМәтін.\r\n"
        let edited = try FrontMatterEditor.set("translated-from", to: "{language: kk, lead: 0123abcd}", in: text, at: 3)
        #expect(edited == "---\r\ntitle: Берел  # атауы\r\ntranslated-from: {language: kk, lead: 0123abcd}   # from the Kazakh\r\n---\r\nМәтін.\r\n")
        let again = try FrontMatterEditor.set("translated-from", to: "{language: ru, lead: ffffffff}", in: edited, at: 3)
        #expect(again.contains("translated-from: {language: ru, lead: ffffffff}   # from the Kazakh\r\n"))
    }

    @Test func withoutTheKeyTheMarkIsTheFrontMattersLastLine() throws {
        let edited = try FrontMatterEditor.set("translated-from", to: "{language: kk, lead: 0123abcd}", in: "---\ntitle: A\n---\nB\n", at: nil)
        #expect(edited == "---\ntitle: A\ntranslated-from: {language: kk, lead: 0123abcd}\n---\nB\n")
        #expect(throws: FrontMatterEditor.Failure.noFrontMatter) {
            try FrontMatterEditor.set("translated-from", to: "x", in: "no front matter\n", at: nil)
        }
    }

    @Test func aValueOverSeveralLinesIsNotGuessedAt() {
        let text = "---\ntranslated-from:\n  language: kk\n---\n"
        #expect(throws: FrontMatterEditor.Failure.valueOverLines(line: 2)) {
            try FrontMatterEditor.set("translated-from", to: "x", in: text, at: 2)
        }
    }

    @Test func theMarkIsReadBackAndABadFingerprintIsAFinding() throws {
        let mark = FrontMatterEditor.translationValue(language: LanguageTag("kk"), sections: sections(body))
        let project = try FixtureProject(files: [
            "entries/monuments/berel.ru.md": "---\ntitle: Берел\ntranslated-from: \(mark)\n---\nТекст.\n",
            "entries/monuments/berel.en.md": "---\ntitle: Berel\ntranslated-from: {language: kk, lead: nothex!!}\n---\nText.\n",
        ])
        defer { project.remove() }
        let parsed = try project.parsed()
        let russian = try #require(parsed.versions.first { $0.language.rawValue == "ru" })
        #expect(russian.translatedFrom?.mark?.sections.map(\.anchor) == ["research", "tabylgandar"])
        #expect(russian.translatedFrom?.range.start.line == 3)
        let found = try project.findings()
        #expect(found.contains { $0.matches("front-matter", "entries/monuments/berel.en.md", 3) && $0.message.contains("8 hex digits") })
    }
}
