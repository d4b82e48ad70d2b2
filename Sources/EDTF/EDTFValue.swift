/// A parsed EDTF string: one date, or an interval between two ends.
public enum EDTFValue: Hashable, Sendable, CustomStringConvertible, Codable {
    case date(EDTFDate)
    case interval(from: IntervalEnd, to: IntervalEnd)

    /// One end of an interval (level 1 allows open `..` and unknown empty ends).
    public enum IntervalEnd: Hashable, Sendable, Codable {
        case date(EDTFDate)
        /// `..`: the interval runs on without limit on this side.
        case open
        /// Nothing written: this end exists but is not known.
        case unknown

        public var date: EDTFDate? {
            if case .date(let date) = self { date } else { nil }
        }
    }

    /// The first day the value can mean; nil when that is unbounded or unknown.
    public var earliestDay: Int? {
        switch self {
        case .date(let date): date.earliestDay
        case .interval(let from, _): from.date?.earliestDay
        }
    }

    /// The last day the value can mean; nil when that is unbounded or unknown.
    public var latestDay: Int? {
        switch self {
        case .date(let date): date.latestDay
        case .interval(_, let to): to.date?.latestDay
        }
    }

    /// The value written back in EDTF's canonical form.
    public var description: String {
        switch self {
        case .date(let date): EDTFFormatter.string(date)
        case .interval(let from, let to): "\(EDTFFormatter.string(from))/\(EDTFFormatter.string(to))"
        }
    }

    public static func parse(_ text: String) throws(EDTFError) -> EDTFValue {
        try EDTFParser.parse(text)
    }
}

enum EDTFFormatter {
    static func string(_ end: EDTFValue.IntervalEnd) -> String {
        switch end {
        case .date(let date): string(date)
        case .open: ".."
        case .unknown: ""
        }
    }

    static func string(_ date: EDTFDate) -> String {
        var yearDigits = String(abs(date.year))
        if yearDigits.count < 4 { yearDigits = String(repeating: "0", count: 4 - yearDigits.count) + yearDigits }
        if date.unspecifiedYearDigits > 0 {
            yearDigits = yearDigits.dropLast(date.unspecifiedYearDigits)
                + String(repeating: "X", count: date.unspecifiedYearDigits)
        }
        var out = (date.year < 0 ? "-" : "") + yearDigits
        if yearDigits.count > 4 { out = "Y" + out }
        func two(_ component: EDTFDate.Component) -> String {
            switch component {
            case .unspecified: "XX"
            case .known(let n): n < 10 ? "0\(n)" : "\(n)"
            }
        }
        if let season = date.season { out += "-\(season)" }
        if let month = date.month { out += "-" + two(month) }
        if let day = date.day { out += "-" + two(day) }
        if let time = date.time { out += "T" + time }
        switch (date.approximate, date.uncertain) {
        case (true, true): out += "%"
        case (true, false): out += "~"
        case (false, true): out += "?"
        case (false, false): break
        }
        return out
    }
}
