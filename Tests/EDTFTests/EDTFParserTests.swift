import EDTF
import Testing

@Suite("EDTF levels 0 and 1")
struct EDTFParserTests {
    /// Valid strings, their canonical form, and the first and last day they can mean.
    static let valid: [(text: String, canonical: String, first: (Int, Int, Int), last: (Int, Int, Int))] = [
        ("1845-08-10", "1845-08-10", (1845, 8, 10), (1845, 8, 10)),
        ("1845-08", "1845-08", (1845, 8, 1), (1845, 8, 31)),
        ("1845", "1845", (1845, 1, 1), (1845, 12, 31)),
        ("1900-02", "1900-02", (1900, 2, 1), (1900, 2, 28)),
        ("2000-02", "2000-02", (2000, 2, 1), (2000, 2, 29)),
        ("1845~", "1845~", (1845, 1, 1), (1845, 12, 31)),
        ("1845?", "1845?", (1845, 1, 1), (1845, 12, 31)),
        ("1845%", "1845%", (1845, 1, 1), (1845, 12, 31)),
        ("1845-08-10~", "1845-08-10~", (1845, 8, 10), (1845, 8, 10)),
        ("184X", "184X", (1840, 1, 1), (1849, 12, 31)),
        ("18XX", "18XX", (1800, 1, 1), (1899, 12, 31)),
        ("1985-XX", "1985-XX", (1985, 1, 1), (1985, 12, 31)),
        ("1985-04-XX", "1985-04-XX", (1985, 4, 1), (1985, 4, 30)),
        ("1985-XX-XX", "1985-XX-XX", (1985, 1, 1), (1985, 12, 31)),
        ("2001-21", "2001-21", (2001, 3, 1), (2001, 5, 31)),
        ("2001-24", "2001-24", (2001, 12, 1), (2002, 2, 28)),
        ("-0399", "-0399", (-399, 1, 1), (-399, 12, 31)),
        ("0000", "0000", (0, 1, 1), (0, 12, 31)),
        ("Y170000002", "Y170000002", (170_000_002, 1, 1), (170_000_002, 12, 31)),
        ("Y-170000002", "Y-170000002", (-170_000_002, 1, 1), (-170_000_002, 12, 31)),
        ("1985-04-12T23:20:30", "1985-04-12T23:20:30", (1985, 4, 12), (1985, 4, 12)),
        ("1985-04-12T23:20:30Z", "1985-04-12T23:20:30Z", (1985, 4, 12), (1985, 4, 12)),
        ("1985-04-12T23:20:30+05:00", "1985-04-12T23:20:30+05:00", (1985, 4, 12), (1985, 4, 12)),
    ]

    @Test("valid dates parse, print back and bound the right days", arguments: valid.indices)
    func validDate(_ index: Int) throws {
        let case_ = Self.valid[index]
        let value = try EDTFValue.parse(case_.text)
        #expect(value.description == case_.canonical)
        #expect(value.earliestDay == DayNumber.of(year: case_.first.0, month: case_.first.1, day: case_.first.2))
        #expect(value.latestDay == DayNumber.of(year: case_.last.0, month: case_.last.1, day: case_.last.2))
    }

    @Test func qualifiersAreKept() throws {
        guard case .date(let about) = try EDTFValue.parse("1845~") else { Issue.record("not a date"); return }
        #expect(about.approximate && !about.uncertain)
        guard case .date(let both) = try EDTFValue.parse("1845%") else { Issue.record("not a date"); return }
        #expect(both.approximate && both.uncertain)
        guard case .date(let decade) = try EDTFValue.parse("184X") else { Issue.record("not a date"); return }
        #expect(decade.precision == .decade)
        guard case .date(let day) = try EDTFValue.parse("1845-08-10") else { Issue.record("not a date"); return }
        #expect(day.precision == .day)
    }

    @Test func intervals() throws {
        let closed = try EDTFValue.parse("1941/1945")
        #expect(closed.earliestDay == DayNumber.of(year: 1941, month: 1, day: 1))
        #expect(closed.latestDay == DayNumber.of(year: 1945, month: 12, day: 31))
        let openStart = try EDTFValue.parse("../1917")
        #expect(openStart == .interval(from: .open, to: .date(EDTFDate(year: 1917))))
        #expect(openStart.earliestDay == nil)
        let openEnd = try EDTFValue.parse("1917/..")
        #expect(openEnd.latestDay == nil)
        let unknownStart = try EDTFValue.parse("/1985-04-12")
        #expect(unknownStart == .interval(from: .unknown, to: .date(EDTFDate(year: 1985, month: .known(4), day: .known(12)))))
        let bce = try EDTFValue.parse("-0399/-0200")
        #expect(bce.description == "-0399/-0200")
        let qualified = try EDTFValue.parse("1900~/1905?")
        #expect(qualified.description == "1900~/1905?")
        // An interval that ends before it starts is well-formed; `impossible-date` reports it.
        #expect(throws: Never.self) { try EDTFValue.parse("1950/1940") }
    }

    /// Malformed strings and the scalar offset each error points at.
    static let invalid: [(text: String, offset: Int)] = [
        ("", 0), ("184", 0), ("18450", 0), ("1845-13", 5), ("1845-02-30", 8), ("1900-02-29", 8),
        ("1845-8-10", 5), ("1X45", 0), ("1845~?", 5), ("1845-08-10T25:00:00", 11), ("-0000", 0),
        ("abcd", 0), ("1845/1846/1847", 9), ("../..", 0), ("1985-XX-12", 8), ("19XX-04", 5),
        ("2001-25", 5), ("1845-08-10T10:00:00~", 19), ("Y1234", 0), ("1845 ", 4),
    ]

    @Test("malformed dates are rejected at the right offset", arguments: invalid.indices)
    func invalidDate(_ index: Int) {
        let case_ = Self.invalid[index]
        do {
            let value = try EDTFValue.parse(case_.text)
            Issue.record("'\(case_.text)' parsed as \(value)")
        } catch {
            #expect(error.offset == case_.offset, "'\(case_.text)': \(error.message.english)")
        }
    }

    /// Level 2 is refused in words that say so, with the level-1 value to write instead.
    @Test(arguments: [
        ("2004-06-XX/2004-07-03", "2004-06/2004-07-03"), ("16XX/18XX", "1600/1899"), ("?1945", "1945?"),
        ("1941/194X~", "1941/1949~"), ("~1984/2004", "1984~/2004"), ("1984/?2004", "1984/2004?"), ("?~1984", "1984%"),
        ("-18XX/-17XX", "-1899/-1700"),
    ])
    func levelTwoIsRefusedWithTheLevelOneValue(_ text: String, _ suggestion: String) {
        do {
            let value = try EDTFValue.parse(text)
            Issue.record("'\(text)' parsed as \(value)")
        } catch {
            #expect(error.message.english.contains("EDTF level 2"), "\(error.message.english)")
            #expect(error.suggestion == suggestion)
            #expect((try? EDTFValue.parse(suggestion)) != nil)
        }
    }

    /// How people write dates in kk, ru and en texts, and the EDTF they mean.
    @Test(arguments: [
        ("28.09.1897", "1897-09-28"), ("9.1897", "1897-09"), ("1897 ж.", "1897"), ("1897-жылы", "1897"), ("1897 г.", "1897"),
        ("1897 года", "1897"), ("1840-шы жылдар", "184X"), ("1840 жж.", "184X"), ("1840-е", "184X"), ("1840-х гг.", "184X"),
        ("1840s", "184X"), ("ок. 1845", "1845~"), ("шамамен 1845", "1845~"), ("c. 1845", "1845~"), ("1845-8-1", "1845-08-01"),
    ])
    func aCommonSpellingIsGuessed(_ text: String, _ written: String) {
        #expect(EDTFGuess.guess(text)?.written == written, "\(text)")
    }

    @Test(arguments: [
        "31.02.1897", "1845 жылдың көктемі", "1843-шы жылдар", "abcd", "1845", "99999999999999999999.1897",
        "1845-99999999999999999999-1",
    ])
    func nothingIsGuessedWhenNothingIsPlain(_ text: String) {
        #expect(EDTFGuess.guess(text) == nil, "\(text)")
    }

    @Test func dayNumbersCountAcrossEras() {
        #expect(DayNumber.of(year: 1970, month: 1, day: 1) == 0)
        #expect(DayNumber.of(year: 2000, month: 3, day: 1) - DayNumber.of(year: 2000, month: 2, day: 28) == 2)
        #expect(DayNumber.of(year: 0, month: 1, day: 1) - DayNumber.of(year: -1, month: 1, day: 1) == 365)
        // Year 0 is a leap year in the proleptic Gregorian calendar.
        #expect(DayNumber.daysIn(month: 2, year: 0) == 29)
    }
}
