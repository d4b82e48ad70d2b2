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

    func text(_ date: EDTFDate) -> String {
        var core: String
        switch date.precision {
        case .day, .month, .season: core = calendar(date)
        case .year: core = year(date.year, suffix: true)
        case .decade: core = decade(date)
        case .century:
            core = date.unspecifiedYearDigits >= 3
                ? period(date, years: 1000, words: ("мыңжылдық", "тыс.", "millennium"))
                : period(date, years: 100, words: ("ғ.", "в.", "century"))
        }
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
    private static let seasons: [Style: [String]] = [
        .kazakh: ["көктемі", "жазы", "күзі", "қысы"], .russian: ["весна", "лето", "осень", "зима"],
        .english: ["spring", "summer", "autumn", "winter"],
    ]

    /// A date with a month, a day or a season (years of the common era only in practice).
    private func calendar(_ date: EDTFDate) -> String {
        let yearNumber = date.year > 0 ? String(date.year) : String(1 - date.year)
        if let season = date.season {
            let name = Self.seasons[style]![season - 21]
            return switch style {
            case .kazakh: "\(yearNumber) жылдың \(name)"
            case .russian: "\(name) \(year(date.year, suffix: true))"
            case .english: "\(name) \(year(date.year, suffix: true))"
            }
        }
        let month = date.month?.value.map { $0 - 1 } ?? 0
        if let day = date.day?.value {
            return switch style {
            case .kazakh: "\(yearNumber) жылғы \(day) \(Self.kazakhMonths[month])" + era(date.year)
            case .russian: "\(day) \(Self.russianMonthsGenitive[month]) \(year(date.year, suffix: true))"
            case .english: "\(day) \(Self.englishMonths[month]) \(year(date.year, suffix: true))"
            }
        }
        return switch style {
        case .kazakh: "\(yearNumber) жылғы \(Self.kazakhMonths[month])" + era(date.year)
        case .russian: "\(Self.russianMonths[month]) \(year(date.year, suffix: true))"
        case .english: "\(Self.englishMonths[month]) \(year(date.year, suffix: true))"
        }
    }

    private func era(_ year: Int) -> String {
        guard year <= 0 else { return "" }
        return switch style {
        case .kazakh: " (б.з.б.)"
        case .russian: " до н. э."
        case .english: " BC"
        }
    }

    /// `1845 ж.`, `1845 г.`, `1845`; BCE as `б.з.б. 400 ж.`, `400 г. до н. э.`, `400 BC`.
    private func year(_ value: Int, suffix: Bool) -> String {
        let number = value > 0 ? String(value) : String(1 - value)
        switch style {
        case .kazakh: return (value > 0 ? "" : "б.з.б. ") + number + (suffix ? " ж." : "")
        case .russian: return number + (suffix ? " г." : "") + (value > 0 ? "" : " до н. э.")
        case .english: return number + (value > 0 ? "" : " BC")
        }
    }

    private func decade(_ date: EDTFDate) -> String {
        // BCE decades count down: -184X is 1850 to 1841 BC; written as that range of years.
        guard date.year >= 0 else { return yearRange(date.yearRange.lowerBound, date.yearRange.upperBound) }
        let start = date.year
        return switch style {
        case .kazakh: "\(start)-жылдар"
        case .russian: "\(start)-е гг."
        case .english: "\(start)s"
        }
    }

    /// A century (`18XX`: the nineteenth) or a millennium (`1XXX`: the second);
    /// BCE ones count back from 1 BCE (`-03XX`: the fourth century BC).
    private func period(_ date: EDTFDate, years: Int, words: (kazakh: String, russian: String, english: String)) -> String {
        let range = date.yearRange
        let number = date.year >= 0 ? range.lowerBound / years + 1 : (1 - range.upperBound) / years + 1
        let bce = date.year < 0
        let roman = Self.roman(number)
        return switch style {
        case .kazakh: (bce ? "б.з.б. " : "") + "\(roman) \(words.kazakh)"
        case .russian: "\(roman) \(words.russian)" + (bce ? " до н. э." : "")
        case .english: Self.ordinal(number) + " \(words.english)" + (bce ? " BC" : "")
        }
    }

    // MARK: Intervals

    private func interval(_ from: EDTFValue.IntervalEnd, _ to: EDTFValue.IntervalEnd) -> String {
        switch (from.date, to.date) {
        case (let start?, let end?):
            if start.precision == .year, end.precision == .year, !start.approximate, !end.approximate,
               !start.uncertain, !end.uncertain, (start.year > 0) == (end.year > 0) {
                return yearRange(start.year, end.year)
            }
            return text(start) + " – " + text(end)
        case (let start?, nil):
            let known = text(start)
            if case .unknown = to { return known + " – ?" }
            return switch style {
            case .kazakh: known + " бастап"
            case .russian: "с " + known
            case .english: "from " + known
            }
        case (nil, let end?):
            let known = text(end)
            if case .unknown = from { return "? – " + known }
            return switch style {
            case .kazakh: known + " дейін"
            case .russian: "до " + known
            case .english: "until " + known
            }
        case (nil, nil):
            return "?"
        }
    }

    /// `1941–1945 жж.`, `1941–1945 гг.`, `1941–1945`; BCE `б.з.б. 400–201 жж.`.
    private func yearRange(_ start: Int, _ end: Int) -> String {
        let bce = start <= 0
        let a = bce ? 1 - start : start
        let b = bce ? 1 - end : end
        return switch style {
        case .kazakh: (bce ? "б.з.б. " : "") + "\(a)–\(b) жж."
        case .russian: "\(a)–\(b) гг." + (bce ? " до н. э." : "")
        case .english: "\(a)–\(b)" + (bce ? " BC" : "")
        }
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
