import DocumentModel
import EDTF

/// EDTF values written as each language writes dates: kk «1845 жылғы 10
/// тамыз», ru «10 августа 1845 г.», en «10 August 1845», with approximate,
/// uncertain, decades, centuries, BCE years and intervals.
public struct DateText: Sendable {
    typealias Style = LanguageConventions.DateForms

    private let style: Style
    /// kk-Latn: Kazakh forms, transliterated.
    private let writeGenerated: (@Sendable (String) -> String)?

    public init(language: LanguageTag) {
        let conventions = LanguageConventions.of(language)
        style = conventions.dateForms
        writeGenerated = conventions.writeGenerated
    }

    public func text(_ value: EDTFValue) -> String {
        let written = switch value {
        case .date(let date): text(date)
        case .interval(let from, let to): interval(from, to)
        }
        return writeGenerated?(written) ?? written
    }

    // MARK: One date

    /// The grammatical case a date is written in: a preposition or
    /// postposition governs it. ru «ок.», «с» and «до» take the genitive
    /// («ок. июня 2004 г.», «ок. 1860-х гг.», «с 1 января 2004 г.»); kk «бастап» the ablative and
    /// «дейін» the dative («2004 жылғы 1 қаңтардан бастап», «1917 жылға дейін»).
    enum Case { case nominative, genitive, ablative, dative }

    /// `era: false` leaves out the BCE marker, for an interval that writes it once.
    func text(_ date: EDTFDate, in grammaticalCase: Case = .nominative, era: Bool = true) -> String {
        var core: String
        // «ок.» governs the genitive in Russian; «шамамен» and "c." leave the date as it is.
        let form: Case = date.approximate && style == .russian ? .genitive : grammaticalCase
        switch date.precision {
        case .day, .month, .season: core = calendar(date, form)
        case .year: core = year(date.year, form, era: era)
        case .decade: core = decade(date, form, era: era)
        case .century:
            core = date.unspecifiedYearDigits >= 3
                ? period(date, years: 1000, era: era, words: ("мыңжылдық", "тыс.", "millennium"))
                : period(date, years: 100, era: era, words: ("ғ.", "в.", "century"))
        }
        if era, date.year <= 0, [.day, .month, .season].contains(date.precision) { core = withEra(core) }
        if date.approximate {
            core = switch style {
            case .kazakh: "шамамен " + core
            case .russian: "ок. " + core
            case .english: "c. " + core
            }
        }
        if date.uncertain { core += style == .english ? "?" : " (?)" }
        return core
    }

    private static let kazakhMonths = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
    private static let russianMonthsGenitive = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    private static let russianMonths = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    /// kk seasons in the possessive of «жылдың» («2004 жылдың көктемі»); ru in nominative and genitive.
    private static let kazakhSeasons = ["көктемі", "жазы", "күзі", "қысы"]
    private static let russianSeasons = ["весна", "лето", "осень", "зима"]
    private static let russianSeasonsGenitive = ["весны", "лета", "осени", "зимы"]
    private static let englishSeasons = ["spring", "summer", "autumn", "winter"]

    /// A date with a month, a day or a season, without its era.
    private func calendar(_ date: EDTFDate, _ form: Case) -> String {
        let yearNumber = date.year > 0 ? String(date.year) : String(1 - date.year)
        let genitive = form == .genitive
        if let season = date.season {
            let index = season - 21
            return switch style {
            case .kazakh: "\(yearNumber) жылдың " + KazakhGrammar.inflect(Self.kazakhSeasons[index], form, possessive: true)
            case .russian: "\((genitive ? Self.russianSeasonsGenitive : Self.russianSeasons)[index]) \(yearNumber) г."
            case .english: "\(Self.englishSeasons[index]) \(yearNumber)"
            }
        }
        let month = date.month?.value.map { $0 - 1 } ?? 0
        if let day = date.day?.value {
            return switch style {
            case .kazakh: "\(yearNumber) жылғы \(day) " + KazakhGrammar.inflect(Self.kazakhMonths[month], form)
            case .russian: "\(day) \(Self.russianMonthsGenitive[month]) \(yearNumber) г."
            case .english: "\(day) \(Self.englishMonths[month]) \(yearNumber)"
            }
        }
        return switch style {
        case .kazakh: "\(yearNumber) жылғы " + KazakhGrammar.inflect(Self.kazakhMonths[month], form)
        case .russian: "\((genitive ? Self.russianMonthsGenitive : Self.russianMonths)[month]) \(yearNumber) г."
        case .english: "\(Self.englishMonths[month]) \(yearNumber)"
        }
    }

    /// The BCE marker where each language puts it: kk before the date, ru and en after.
    private func withEra(_ text: String) -> String {
        switch style {
        case .kazakh: "б.з.б. " + text
        case .russian: text + " до н. э."
        case .english: text + " BC"
        }
    }

    /// `1845 ж.`, `1845 г.`, `1845`; BCE as `б.з.б. 400 ж.`, `400 г. до н. э.`, `400 BC`;
    /// kk in a case writes the word out: «1845 жылдан».
    private func year(_ value: Int, _ form: Case, era: Bool) -> String {
        let number = value > 0 ? String(value) : String(1 - value)
        let written = switch style {
        case .kazakh: number + " " + (form == .nominative || form == .genitive ? "ж." : KazakhGrammar.inflect("жыл", form))
        case .russian: number + " г."
        case .english: number
        }
        return era && value <= 0 ? withEra(written) : written
    }

    private func decade(_ date: EDTFDate, _ form: Case, era: Bool) -> String {
        // BCE decades count down: -184X is 1850 to 1841 BC; written as that range of years.
        guard date.year >= 0 else { return yearRange(date.yearRange.lowerBound, date.yearRange.upperBound, era: era) }
        let start = date.year
        // Decades have unspecified digits, so no interval has one: only «ок.» governs their case.
        return switch style {
        case .kazakh: "\(start)-жылдар"
        case .russian: form == .genitive ? "\(start)-х гг." : "\(start)-е гг."
        case .english: "\(start)s"
        }
    }

    /// A century (`18XX`: the nineteenth) or a millennium (`1XXX`: the second);
    /// BCE ones count back from 1 BCE (`-03XX`: the fourth century BC).
    private func period(_ date: EDTFDate, years: Int, era: Bool, words: (kazakh: String, russian: String, english: String)) -> String {
        let range = date.yearRange
        let number = date.year >= 0 ? range.lowerBound / years + 1 : (1 - range.upperBound) / years + 1
        let roman = Self.roman(number)
        let written = switch style {
        case .kazakh: "\(roman) \(words.kazakh)"
        case .russian: "\(roman) \(words.russian)"
        case .english: Self.ordinal(number) + " \(words.english)"
        }
        return era && date.year < 0 ? withEra(written) : written
    }

    // MARK: Intervals

    private func interval(_ from: EDTFValue.IntervalEnd, _ to: EDTFValue.IntervalEnd) -> String {
        switch (from.date, to.date) {
        case (let start?, let end?):
            if start.precision == .year, end.precision == .year, !start.approximate, !end.approximate,
               !start.uncertain, !end.uncertain, (start.year > 0) == (end.year > 0) {
                return yearRange(start.year, end.year, era: true)
            }
            // Both before the common era: the marker once, as the year ranges write it.
            if start.year <= 0, end.year <= 0 {
                return withEra(text(start, era: false) + " – " + text(end, era: false))
            }
            return text(start) + " – " + text(end)
        case (let start?, nil):
            if case .unknown = to { return text(start) + " – ?" }
            return switch style {
            case .kazakh: text(start, in: .ablative) + " бастап"
            case .russian: "с " + text(start, in: .genitive)
            case .english: "from " + text(start)
            }
        case (nil, let end?):
            if case .unknown = from { return "? – " + text(end) }
            return switch style {
            case .kazakh: text(end, in: .dative) + " дейін"
            case .russian: "до " + text(end, in: .genitive)
            case .english: "until " + text(end)
            }
        case (nil, nil):
            return "?"
        }
    }

    /// `1941–1945 жж.`, `1941–1945 гг.`, `1941–1945`; BCE `б.з.б. 400–201 жж.`.
    private func yearRange(_ start: Int, _ end: Int, era: Bool) -> String {
        let bce = start <= 0
        let a = bce ? 1 - start : start
        let b = bce ? 1 - end : end
        let written = switch style {
        case .kazakh: "\(a)–\(b) жж."
        case .russian: "\(a)–\(b) гг."
        case .english: "\(a)–\(b)"
        }
        return era && bce ? withEra(written) : written
    }

    static func roman(_ number: Int) -> String {
        var remaining = number
        var out = ""
        for (value, numeral) in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while remaining >= value { out += numeral; remaining -= value }
        }
        return out
    }

    static func ordinal(_ number: Int) -> String {
        let suffix = (11...13).contains(number % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][number % 10]
        return "\(number)\(suffix)"
    }
}
