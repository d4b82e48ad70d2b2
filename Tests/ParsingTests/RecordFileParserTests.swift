import Diagnostics
import DocumentModel
@testable import Parsing
import Testing

/// Records files read by `CSVTokenizer` and `RecordFileParser`: positions of
/// cells (multi-line quoted values included), and files saved in other forms.
@Suite struct RecordFileParserTests {
    let kind = KindSchema(name: "soldier", label: LocalizedText(), fields: [
        FieldSchema(name: "surname", type: .text, label: LocalizedText(), isRequired: true),
        FieldSchema(name: "born", type: .date, label: LocalizedText()),
        FieldSchema(name: "call-up-office", type: .link(kinds: ["place"]), label: LocalizedText()),
        FieldSchema(name: "source", type: .source, label: LocalizedText()),
    ], records: RecordStorage(files: "records/*.csv"))
    let configuration = ProjectConfiguration(languages: [LanguageTag("kk"), LanguageTag("ru")])

    func parse(_ text: String) -> RecordFile {
        RecordFileParser.parse(Array(text.utf8), path: "records/a.csv", kind: kind, configuration: configuration)
    }

    func positions(_ file: RecordFile) -> [String] {
        file.diagnostics.map { "\($0.rule.rawValue) \($0.location.range?.start.line ?? 0):\($0.location.range?.start.column ?? 0)" }
    }

    @Test func fieldsKeepTheLineAndColumnTheyStartAtInScalarsAcrossQuotedLineBreaks() {
        var tokenizer = CSVTokenizer(Array("a,\"Ә\nб\",ғ\r\n\"x\"\"y\",\n".utf8))
        let first = tokenizer.nextRow()!
        #expect(first.fields.map(\.text) == ["a", "Ә\nб", "ғ"])
        #expect(first.fields.map { [$0.position.line, $0.position.column] } == [[1, 1], [1, 3], [2, 4]])
        let second = tokenizer.nextRow()!
        #expect(second.fields.map(\.text) == ["x\"y", ""])
        #expect(second.fields[0].position == SourcePosition(line: 3, column: 1))
        #expect(tokenizer.nextRow() == nil)
        #expect(tokenizer.problems.isEmpty)
    }

    @Test func aBadCellIsFoundAtItsLineAndColumnAfterAMultiLineValue() {
        let file = parse("id,surname,born\ns-1,\"Ескендір\nҰлы\",19155\ns-2,Әлі,1915\n")
        #expect(file.records.map(\.id.rawValue) == ["s-1", "s-2"])
        #expect(positions(file) == ["record-field 3:6"])
        #expect(file.records[0].texts("surname") == ["Ескендір\nҰлы"])
    }

    @Test func textColumnsPerLanguageNamesAndCitationsAreTyped() throws {
        let file = parse("id,surname.kk,surname.ru,call-up-office,source,same-as\ns-1,Жұмабайұлы,Жумабаев,Қарқаралы ауданы,\"tsamo-58, д. 12; other\",l-1 l-2\n")
        let record = try #require(file.records.first)
        #expect(file.diagnostics.isEmpty)
        #expect(record.texts("surname") == ["Жұмабайұлы", "Жумабаев"])
        #expect(record.facts("surname").map(\.language) == [LanguageTag("kk"), LanguageTag("ru")])
        #expect(record.facts("call-up-office").first?.value == .name("Қарқаралы ауданы"))
        guard case .citations(let items) = record.facts("source").first?.value else { Issue.record("not citations"); return }
        #expect(items.map(\.key) == ["tsamo-58", "other"])
        #expect(items.map(\.locator) == ["д. 12", nil])
        #expect(record.sameAs.map(\.value.rawValue) == ["l-1", "l-2"])
        #expect(record.sameAs.map(\.range.start.column) == [67, 71])
    }

    @Test func headerAndRowMistakesAreReportedWhereTheyAre() {
        let file = parse("id,surnme,surname\ns-1,x,Әлі,extra\ns-2\n,Бір,Бір\n")
        #expect(positions(file) == ["record-file 1:4", "record-file 2:11", "record-field 3:1", "record-file 3:4", "record-field 4:1"])
        #expect(file.diagnostics[0].message.english.contains("did you mean 'surname'"))
        #expect(file.records.map(\.id.rawValue) == ["s-1", "s-2"])
    }

    @Test func filesSavedInAnotherFormAreRecognisedAndNotRead() {
        let windows1251: [UInt8] = Array("id,surname\ns-1,".utf8) + [0xC6, 0xF3, 0xEC, 0xE0, 0xE1, 0xE0, 0xE5, 0xE2, 0x0A]
        let cases: [([UInt8], MessageKey)] = [
            (windows1251, .recordFileWindows1251),
            (Array("id;surname\ns-1;Әлі\n".utf8), .recordFileSemicolons),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], .recordFileWorkbook),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1], .recordFileOldWorkbook),
        ]
        for (bytes, key) in cases {
            let file = RecordFileParser.parse(bytes, path: "records/a.csv", kind: kind, configuration: configuration)
            #expect(file.records.isEmpty)
            #expect(file.diagnostics.map(\.message.key) == [key])
            #expect(file.diagnostics.allSatisfy { $0.rule == .recordFile })
        }
    }

    @Test func aPatternMatchesOneNameAtEachLevel() {
        let storage = RecordStorage(files: "records/*.csv")
        #expect(storage.holds("records/losses-1942.csv"))
        #expect(!storage.holds("records/old/losses.csv"))
        #expect(!storage.holds("records/losses.xlsx"))
        #expect(storage.nearlyHolds("records/losses.xlsx"))
        #expect(!storage.nearlyHolds("media/photo.jpg"))
    }

    @Test func oddInputIsReadWithoutACrashAndWithoutFieldsItDoesNotHave() {
        // A separator ends the input; a cell of only a comma in a source field; blank lines before the header.
        let file = parse("\n\nid,surname,source\ns-1, Әлі ,\",\"\ns-2,Бір,")
        #expect(file.records.map(\.id.rawValue) == ["s-1", "s-2"])
        #expect(positions(file) == ["record-field 4:12"])
        #expect(file.records[0].texts("surname") == ["Әлі"])
        #expect(file.records[0].facts("surname").first?.range.start == SourcePosition(line: 4, column: 6))
    }

    @Test func aValueWithWhiteSpaceAroundItIsFoundAndFixedWhereItIs() throws {
        let file = parse("id,surname,born\ns-1,Әлі, 12.05.1941\n")
        let finding = try #require(file.diagnostics.first)
        #expect(finding.location.range?.start == SourcePosition(line: 2, column: 10))
        #expect(finding.fix?.replacement == "1941-05-12")
        #expect(finding.fix?.start == SourcePosition(line: 2, column: 10))
    }
}
