import Diagnostics
import DocumentModel
import Loading
import Parsing
import Testing

/// asyl.yaml's publication details: what asyl.yaml gives every edition, what
/// an edition gives itself, and ISBNs checked as ISBN-13.
@Suite struct PublicationDetailsTests {
    func parse(_ yaml: String) -> (ProjectConfiguration, [Diagnostic]) {
        let head = """
            format: 1
            languages: [kk, ru]
            title: {kk: Сынақ, ru: Проба}

            """
        return ConfigurationParser.parse(SourceFile(path: "asyl.yaml", text: head + yaml))
    }

    @Test func anEditionInheritsTheWorksDetailsAndReplacesThoseItGives() {
        let (configuration, findings) = parse("""
            description: {kk: Сипаттама, ru: Описание}
            contributors:
              - {name: "Мысалов, Мұрат", role: editor-in-chief}
            editions:
              - id: a
              - id: b
                description: {kk: Өзге, ru: Другое}
                contributors: [{name: "Smith, Jane", role: translator, languages: [ru]}]
                volume: 2
                published: 2024-02-29
            """)
        #expect(findings.isEmpty, "\(findings)")
        let (a, b) = (configuration.editions[0].publication, configuration.editions[1].publication)
        #expect(a.description[LanguageTag("kk")] == "Сипаттама" && a.contributors.map(\.role) == [.editorInChief])
        #expect(a.volume == nil && a.published == nil)
        #expect(b.description[LanguageTag("ru")] == "Другое" && b.volume == 2 && b.published == "2024-02-29")
        #expect(b.contributors == [Contributor(name: LocalizedText([LanguageTag("kk"): "Smith, Jane", LanguageTag("ru"): "Smith, Jane"]),
                                               role: .translator, languages: [LanguageTag("ru")])])
    }

    @Test func thePrintedBooksImprintLines() {
        let (configuration, findings) = parse("""
            editions:
              - id: a
                udc: 94(574)(031)
                bbk: 63.3(5Қаз)я2
                print-run: 1000
                paper-format: 70х100 1/16
                printer: {kk: «Дәуір» баспаханасы, ru: Типография «Дәуір»}
            """)
        #expect(findings.isEmpty, "\(findings)")
        let printing = configuration.editions[0].publication.printing
        #expect(printing.udc == "94(574)(031)" && printing.bbk == "63.3(5Қаз)я2" && printing.printRun == 1000)
        #expect(printing.paperFormat == PaperFormat(width: 70, height: 100, fraction: 16))
        #expect(printing.printer[LanguageTag("ru")] == "Типография «Дәуір»")
    }

    @Test(arguments: ["70×100/16", "70x100/16", "70 × 100 1/16", "60×84/8"])
    func aPaperFormatIsTheSheetAndItsFraction(_ text: String) {
        #expect(PaperFormat(parsing: text) != nil)
    }

    @Test(arguments: ["A4", "70×100", "70×100/0", "170 × 240 mm"])
    func whatIsNotAPaperFormatIsRefused(_ text: String) {
        #expect(PaperFormat(parsing: text) == nil)
    }

    @Test func relatorsAndCreators() {
        #expect(ContributorRole.allCases.map(\.relator) == ["edt", "edt", "com", "trl", "rev"])
        #expect(ContributorRole.allCases.filter(\.isCreator) == [.editorInChief, .editor, .compiler])
    }

    @Test(arguments: [
        ("978-601-7431-03-7", "9786017431037"),
        ("978 601 7431 03 7", "9786017431037"),
        ("9790260000438", "9790260000438"),
    ])
    func anISBN13IsReadWithOrWithoutHyphens(_ case_: (String, String)) throws {
        #expect(try ISBN.parse(case_.0).get().digits == case_.1)
    }

    @Test(arguments: [
        ("978-601-7431-03-4", ISBN.Problem.checkDigit(expected: "7")),
        ("0-306-40615-2", .isbn10(thirteen: "9780306406157")),
        ("0-306-40615-3", .notThirteenDigits),
        ("977-601-7431-03-0", .prefix),
        ("-9786017431037", .notThirteenDigits),
        ("978--6017431037", .notThirteenDigits),
        ("hello", .notThirteenDigits),
        ("٩٧٨٦٠١٧٤٣١٠٣٧", .notThirteenDigits),
    ])
    func whatIsNotAnISBN13SaysWhy(_ case_: (String, ISBN.Problem)) {
        guard case .failure(let problem) = ISBN.parse(case_.0) else {
            Issue.record("\(case_.0) was read as an ISBN")
            return
        }
        #expect(problem == case_.1)
    }

    @Test(arguments: [
        ("editions:\n  - id: a\n    isbn: 978-601-7431-03-7\n", "its own ISBN: write isbn:"),
        ("editions:\n  - id: a\n    print-isbn: {kk: 978-601-7431-03-4}\n", "`print-isbn` '978-601-7431-03-4' is not an ISBN-13"),
        ("editions:\n  - id: a\n    volume: 0\n", "`volume` is the edition's number"),
        ("editions:\n  - id: a\n    published: 2023-02-29\n", "`published` is a date"),
        ("editions:\n  - id: a\n    published: 2024-13\n", "`published` is a date"),
        ("editions:\n  - id: a\n    cover: ../cover.png\n", "is not an image of the tree"),
        ("editions:\n  - id: a\n    cover: {kk: media/cover.gif}\n", "is not an image of the tree"),
        ("contributors: [{role: editor}]\neditions:\n  - id: a\n", "a contributor has no `name`"),
        ("contributors: [{name: X, role: author}]\neditions:\n  - id: a\n", "'author' is not one Asyl knows"),
        ("contributors: [{name: X}]\neditions:\n  - id: a\n", "a contributor has no `role`"),
        ("contributors: [{name: \"  \", role: editor}]\neditions:\n  - id: a\n", "a contributor has no `name`"),
        ("isbn: {kk: 978-601-7431-03-7}\neditions:\n  - id: a\n", "unknown key"),
        ("editions:\n  - id: a\n    published: 0000\n", "`published` is a date"),
        ("contributors: [{name: X, role: editor, languages: [de]}]\neditions:\n  - id: a\n", "'de'"),
        ("contributors: [{name: X, role: editor, born: 1900}]\neditions:\n  - id: a\n", "born"),
    ])
    func mistakesAreConfigErrors(_ case_: (String, String)) {
        let (_, findings) = parse(case_.0)
        #expect(findings.count == 1 && findings.allSatisfy { $0.rule == .config }, "\(findings)")
        #expect(findings.first?.message.english.contains(case_.1) == true, "\(findings.map(\.message.english))")
    }

    @Test func oneCoverForEveryLanguageIsTheDerivedOnesToo() {
        let (configuration, findings) = parse("""
            derived: {kk-Latn: {from: kk, script: latn-2021}}
            editions:
              - id: a
                cover: media/cover.svg
            """)
        #expect(findings.isEmpty, "\(findings)")
        #expect(configuration.editions.first?.publication.cover[LanguageTag("kk-Latn")] == "media/cover.svg")
    }

    @Test func anISBN10GetsItsISBN13AsTheFix() {
        let (_, findings) = parse("editions:\n  - id: a\n    isbn: {kk: 0-306-40615-2}\n")
        #expect(findings.first?.fix?.replacement == "9780306406157")
    }
}
