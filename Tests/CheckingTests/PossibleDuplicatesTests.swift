import Checking
import Diagnostics
import DocumentModel
import Testing

/// `NameFolding` and `possible-duplicate`: spellings of one name meet, and
/// only rows that agree on name, place and birth year are reported.
@Suite struct PossibleDuplicatesTests {
    @Test func kazakhRussianAndLatinSpellingsOfASurnameFoldToOneStem() {
        let stems = Set(["Жұмабаев", "Жумабаев", "Jumabaev", "Zhumabayev", "Жұмабайұлы", "Жумабаева", "Жұмабайқызы"].map(NameFolding.surnameStem))
        #expect(stems == ["jumaba"])
        #expect(NameFolding.surnameStem("Ахметов") == NameFolding.surnameStem("Ахметұлы"))
        #expect(NameFolding.surnameStem("Ахметов") != NameFolding.surnameStem("Жұмабаев"))
        #expect(NameFolding.skeleton("Асқар") == NameFolding.skeleton("Аскар"))
        #expect(NameFolding.patronymicStem("Ахметович") == NameFolding.patronymicStem("Ахметұлы"))
        #expect(NameFolding.placeKey("Қарқаралы  ауданы.") == "қарқаралы ауданы")
        #expect(NameFolding.placeKey("Семёновка") == "семеновка")
    }

    func key(
        _ id: String, _ surname: String, _ given: String, born: String? = nil, place: String = "karkaraly-district",
        sameAs: [String] = [], notSameAs: [String] = [], line: Int = 2
    ) throws -> RecordMatchKey {
        var facts = [
            RecordFact(field: "surname", value: .typed(.text(surname)), range: SourceRange(line: line, column: 5)),
            RecordFact(field: "given-name", value: .typed(.text(given)), range: SourceRange(line: line, column: 20)),
            RecordFact(field: "call-up-office", value: .typed(.link(FactLink(target: EntryID(place), range: SourceRange(line: line, column: 30)))),
                       range: SourceRange(line: line, column: 30)),
        ]
        if let born { facts.append(RecordFact(field: "born", value: .typed(.date(try .parse(born))), range: SourceRange(line: line, column: 40))) }
        let record = Record(
            id: RecordID(id), kind: "soldier", path: "records/\(id.prefix(1)).csv", idRange: SourceRange(line: line, column: 1), facts: facts,
            sameAs: sameAs.map { Located(RecordID($0), range: SourceRange(line: line, column: 50)) },
            notSameAs: notSameAs.map { Located(RecordID($0), range: SourceRange(line: line, column: 55)) })
        return RecordMatchKey(record, fields: RecordMatchFields(), placeKinds: ["place"], directory: EntryDirectory([]))
    }

    @Test func aPairAcrossAKazakhAndARussianSpellingIsFoundOnceWithANoteAtTheOther() throws {
        let findings = PossibleDuplicates.find([
            try key("s-1", "Жұмабайұлы", "Асқар", born: "1915"),
            try key("l-1", "Жумабаев", "А.", born: "1916"),
        ])
        #expect(findings.count == 1)
        #expect(findings.first?.rule == .possibleDuplicate)
        #expect(findings.first?.severity == .note)
        #expect(findings.first?.location.path == "records/l.csv")
        #expect(findings.first?.notes.first?.location?.path == "records/s.csv")
    }

    @Test func rowsThatDisagreeOrAreSettledAreNotReported() throws {
        let apart = [
            // Born three years apart.
            [try key("s-1", "Жумабаев", "Асқар", born: "1915"), try key("l-1", "Жумабаев", "Асқар", born: "1918")],
            // Another given name.
            [try key("s-1", "Жумабаев", "Асқар"), try key("l-1", "Жумабаев", "Нұрлан")],
            // Another district.
            [try key("s-1", "Жумабаев", "Асқар"), try key("l-1", "Жумабаев", "Асқар", place: "karaganda-region")],
            // Settled either way, from either row.
            [try key("s-1", "Жумабаев", "Асқар", sameAs: ["l-1"]), try key("l-1", "Жумабаев", "Асқар")],
            [try key("s-1", "Жумабаев", "Асқар"), try key("l-1", "Жумабаев", "Асқар", notSameAs: ["s-1"])],
        ]
        for pair in apart { #expect(PossibleDuplicates.find(pair).isEmpty) }
    }

    @Test func rowsAreComparedWithinTheirBlockOnly() throws {
        // 2,000 rows, two of each of 1,000 made-up surnames: each block gives its own pairs and no others.
        let letters = Array("бвгдзклмнп")
        var keys: [RecordMatchKey] = []
        for number in 0..<1_000 {
            let surname = "Тест" + String(String(number).map { letters[Int(String($0))!] })
            keys.append(try key("s-\(number)", surname, "Асқар", line: number + 2))
            keys.append(try key("l-\(number)", surname, "Асқар", line: number + 2))
        }
        let blocks = Dictionary(grouping: keys, by: { $0.surnames[0] }).values.map(\.count)
        #expect(PossibleDuplicates.find(keys).count == blocks.reduce(0) { $0 + $1 * ($1 - 1) / 2 })
    }
}
