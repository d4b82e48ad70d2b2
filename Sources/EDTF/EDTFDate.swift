/// One calendar date of the Extended Date/Time Format (ISO 8601-2, levels 0
/// and 1): a year, optionally a month or a season, optionally a day; any of
/// them may have unspecified digits (`184X`, `1985-XX`), and the whole date may
/// be approximate (`~`), uncertain (`?`) or both (`%`).
///
/// Years are astronomical, as EDTF counts them: `0` is 1 BCE, `-399` is 400 BCE.
public struct EDTFDate: Hashable, Sendable, Codable {
    /// The year with unspecified digits read as zero: `184X` → 1840.
    public var year: Int
    /// How many trailing digits of the year are `X`: `184X` → 1, `18XX` → 2.
    public var unspecifiedYearDigits: Int
    public var month: Component?
    /// A season of level 1 (21 spring, 22 summer, 23 autumn, 24 winter), in place of a month.
    public var season: Int?
    public var day: Component?
    /// Hours, minutes, seconds and zone as written, for a level-0 date and time.
    public var time: String?
    public var approximate: Bool
    public var uncertain: Bool

    /// Whether any digit is written `X`.
    var hasUnspecifiedDigits: Bool { unspecifiedYearDigits > 0 || month == .unspecified || day == .unspecified }

    /// The date with its unspecified digits gone, as the first (or, `atEnd`,
    /// the last) it can mean at the precision that is known: `16XX` → 1600 or
    /// 1699, `2004-06-XX` → 2004-06.
    func knownBound(atEnd: Bool) -> String {
        // `-18XX` is -1899 to -1800: the range, not the digits, says which end is which.
        let year = unspecifiedYearDigits == 0 ? self.year : atEnd ? yearRange.upperBound : yearRange.lowerBound
        func digits(_ number: Int, _ width: Int) -> String {
            let text = String(abs(number))
            return (number < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var text = digits(year, 4)
        if unspecifiedYearDigits == 0, case .known(let month)? = month {
            text += "-" + digits(month, 2)
            if case .known(let day)? = day { text += "-" + digits(day, 2) }
        }
        return text + (approximate && uncertain ? "%" : approximate ? "~" : uncertain ? "?" : "")
    }

    /// A month or a day, known or written as `XX`.
    public enum Component: Hashable, Sendable, Codable {
        case known(Int)
        case unspecified

        public var value: Int? {
            if case .known(let value) = self { value } else { nil }
        }
    }

    public init(
        year: Int, unspecifiedYearDigits: Int = 0, month: Component? = nil, season: Int? = nil,
        day: Component? = nil, time: String? = nil, approximate: Bool = false, uncertain: Bool = false
    ) {
        self.year = year
        self.unspecifiedYearDigits = unspecifiedYearDigits
        self.month = month
        self.season = season
        self.day = day
        self.time = time
        self.approximate = approximate
        self.uncertain = uncertain
    }

    /// How finely the date is known, from what is written and not unspecified.
    public enum Precision: Int, Comparable, Sendable, Codable {
        case century, decade, year, season, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public var precision: Precision {
        if case .known? = day { return .day }
        if case .known? = month { return .month }
        if season != nil { return .season }
        switch unspecifiedYearDigits {
        case 0: return .year
        case 1: return .decade
        default: return .century
        }
    }

    /// The smallest and the largest year the date can mean (`18XX` → 1800…1899).
    public var yearRange: ClosedRange<Int> {
        var span = 1
        for _ in 0..<unspecifiedYearDigits { span *= 10 }
        // For negative years the digits count away from zero: -18XX is -1899…-1800.
        return year >= 0 ? year...(year + span - 1) : (year - span + 1)...year
    }

    /// The first day the date can mean, as a day number (`DayNumber`).
    public var earliestDay: Int {
        let firstYear = yearRange.lowerBound
        if let season {
            return DayNumber.of(year: firstYear, month: Self.seasonMonths(season).lowerBound, day: 1)
        }
        let firstMonth = month?.value ?? 1
        return DayNumber.of(year: firstYear, month: firstMonth, day: day?.value ?? 1)
    }

    /// The last day the date can mean.
    public var latestDay: Int {
        let lastYear = yearRange.upperBound
        if let season {
            let months = Self.seasonMonths(season)
            let year = months.upperBound > 12 ? lastYear + 1 : lastYear
            let month = months.upperBound > 12 ? months.upperBound - 12 : months.upperBound
            return DayNumber.of(year: year, month: month, day: DayNumber.daysIn(month: month, year: year))
        }
        let lastMonth = month?.value ?? 12
        let lastDay = day?.value ?? DayNumber.daysIn(month: lastMonth, year: lastYear)
        return DayNumber.of(year: lastYear, month: lastMonth, day: lastDay)
    }

    /// Months of a level-1 season, counted from January of its year (winter
    /// runs from December into the next year's February).
    static func seasonMonths(_ season: Int) -> ClosedRange<Int> {
        switch season {
        case 21: 3...5
        case 22: 6...8
        case 23: 9...11
        default: 12...14
        }
    }
}

/// Day numbers in the proleptic Gregorian calendar with astronomical years,
/// so that any two EDTF days compare and subtract as integers.
public enum DayNumber {
    /// Days since 1970-01-01 (negative before it).
    public static func of(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
