import Messages

/// Why a string is not an EDTF value, and where (an offset in Unicode scalars
/// from the start of the string, so callers can point at the column).
public struct EDTFError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: Message
    public var offset: Int
    /// The whole value as it should probably be written, where that is plain.
    public var suggestion: String?

    public init(message: Message, offset: Int, suggestion: String? = nil) {
        self.message = message
        self.offset = offset
        self.suggestion = suggestion
    }

    public var description: String { message.english }
}

/// Reads EDTF levels 0 and 1. Level-2 forms (per-component qualifiers, sets,
/// exponents) are rejected with a message that names them.
enum EDTFParser {
    /// A suggestion is kept only when it is itself a value this parser reads.
    static func parse(_ text: String) throws(EDTFError) -> EDTFValue {
        do {
            return try value(text)
        } catch {
            var error = error
            if let suggestion = error.suggestion, (try? value(suggestion)) == nil { error.suggestion = nil }
            throw error
        }
    }

    private static func value(_ text: String) throws(EDTFError) -> EDTFValue {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { throw EDTFError(message: Message(.dateEmpty), offset: 0) }
        let slashes = scalars.indices.filter { scalars[$0] == "/" }
        switch slashes.count {
        case 0:
            return .date(try date(scalars[...], start: 0))
        case 1:
            let slash = slashes[0]
            let written = (String(String.UnicodeScalarView(scalars[..<slash])), String(String.UnicodeScalarView(scalars[(slash + 1)...])))
            let from: EDTFValue.IntervalEnd
            let to: EDTFValue.IntervalEnd
            // A suggestion for one end is one for the interval: the other end stays as written.
            do { from = try end(scalars[..<slash], start: 0) } catch {
                throw EDTFError(message: error.message, offset: error.offset, suggestion: error.suggestion.map { $0 + "/" + written.1 })
            }
            do { to = try end(scalars[(slash + 1)...], start: slash + 1) } catch {
                throw EDTFError(message: error.message, offset: error.offset, suggestion: error.suggestion.map { written.0 + "/" + $0 })
            }
            if from.date == nil && to.date == nil {
                throw EDTFError(message: Message(.dateIntervalNeedsKnownEnd), offset: 0)
            }
            // Level 1 qualifies an interval's ends (1984~/2004-06) but leaves their digits known.
            if from.date?.hasUnspecifiedDigits == true || to.date?.hasUnspecifiedDigits == true {
                let known = [from, to].enumerated().map { side, end in
                    end.date.map { $0.knownBound(atEnd: side == 1) } ?? (end == .open ? ".." : "")
                }.joined(separator: "/")
                throw EDTFError(
                    message: Message(.dateIntervalUnspecifiedDigits, ["known": known]),
                    offset: from.date?.hasUnspecifiedDigits == true ? 0 : slash + 1, suggestion: known)
            }
            return .interval(from: from, to: to)
        default:
            throw EDTFError(message: Message(.dateTooManySlashes), offset: slashes[1])
        }
    }

    private static func end(_ part: ArraySlice<Unicode.Scalar>, start: Int) throws(EDTFError) -> EDTFValue.IntervalEnd {
        if part.isEmpty { return .unknown }
        if String(String.UnicodeScalarView(part)) == ".." { return .open }
        return .date(try date(part, start: start))
    }

    /// One date; `start` is the offset of `part` in the whole string.
    private static func date(_ part: ArraySlice<Unicode.Scalar>, start: Int) throws(EDTFError) -> EDTFDate {
        var reader = Reader(scalars: Array(part), base: start)
        var result = try year(&reader)
        if reader.take("-") {
            let at = reader.offset
            switch try twoDigits(&reader, malformed: Message(.dateMonthTwoDigits)) {
            case .unspecified:
                result.month = .unspecified
            case .known(let n) where (1...12).contains(n):
                guard result.unspecifiedYearDigits == 0 else {
                    throw reader.error(Message(.dateMonthAfterUnspecifiedYear), at: at)
                }
                result.month = .known(n)
            case .known(let n) where (21...24).contains(n):
                result.season = n
            case .known(let n) where (25...41).contains(n):
                throw reader.error(Message(.dateSeasonLevel2, ["season": n]), at: at)
            case .known(let n):
                throw reader.error(Message(.dateNoSuchMonth, ["month": n]), at: at)
            }
            if result.season == nil, reader.take("-") {
                let dayAt = reader.offset
                let day = try twoDigits(&reader, malformed: Message(.dateDayTwoDigits))
                switch (result.month, day) {
                case (.known(let month)?, .known(let n)):
                    let limit = result.unspecifiedYearDigits == 0
                        ? DayNumber.daysIn(month: month, year: result.year) : (month == 2 ? 29 : DayNumber.daysIn(month: month, year: 1))
                    guard (1...limit).contains(n) else {
                        throw reader.error(Message(.dateNoSuchDay, ["day": n, "month": month, "year": result.year]), at: dayAt)
                    }
                case (.unspecified?, .known):
                    throw reader.error(Message(.dateKnownDayInUnspecifiedMonth), at: dayAt)
                default:
                    break
                }
                result.day = day
                if reader.peek == "T" {
                    guard case .known? = result.day, case .known? = result.month, result.unspecifiedYearDigits == 0 else {
                        throw reader.error(Message(.dateTimeNeedsCompleteDate), at: reader.offset)
                    }
                    _ = reader.take("T")
                    result.time = try time(&reader)
                }
            }
        }
        if let qualifier = reader.peek {
            switch qualifier {
            case "?": result.uncertain = true
            case "~": result.approximate = true
            case "%": result.uncertain = true; result.approximate = true
            default: throw reader.error(Message(.dateUnexpectedCharacter, ["character": String(qualifier)]), at: reader.offset)
            }
            if result.time != nil { throw reader.error(Message(.dateTimeQualified), at: reader.offset) }
            reader.advance()
        }
        if let extra = reader.peek {
            let message = "?~%".unicodeScalars.contains(extra)
                ? Message(.dateOneQualifierOnly)
                : Message(.dateUnexpectedAfterDate, ["character": String(extra)])
            throw reader.error(message, at: reader.offset)
        }
        return result
    }

    private static func year(_ reader: inout Reader) throws(EDTFError) -> EDTFDate {
        let at = reader.offset
        if reader.take("Y") {
            // Level 1 'Y' years: more than four digits, e.g. Y170000002.
            let negative = reader.take("-")
            let digits = reader.takeWhile { ("0"..."9").contains($0) }
            guard digits.count > 4, let value = Int(digits) else {
                throw reader.error(Message(.dateYYearTooShort), at: at)
            }
            // Day arithmetic stays exact far beyond this; no history needs more.
            guard digits.count <= 12 else {
                throw reader.error(Message(.dateYearTooLong), at: at)
            }
            return EDTFDate(year: negative ? -value : value)
        }
        if let first = reader.peek, "?~%".unicodeScalars.contains(first) {
            let leading = reader.scalars.dropFirst(reader.index).prefix { "?~%".unicodeScalars.contains($0) }
            let rest = String(String.UnicodeScalarView(reader.scalars.dropFirst(reader.index + leading.count)))
            // `?~1945` is both: 1945%.
            let qualifier = leading.contains("%") || (leading.contains("?") && leading.contains("~")) ? "%" : String(first)
            throw EDTFError(
                message: Message(.dateQualifierBeforeDate, ["suggestion": rest + qualifier]),
                offset: at, suggestion: rest + qualifier)
        }
        let negative = reader.take("-")
        let digits = reader.takeWhile { ("0"..."9").contains($0) || $0 == "X" }
        guard digits.count == 4 else {
            throw reader.error(Message(digits.count > 4 ? .dateYearFourDigitsNotMore : .dateYearFourDigits), at: at)
        }
        let known = digits.prefix { $0 != "X" }
        guard !known.isEmpty, digits.dropFirst(known.count).allSatisfy({ $0 == "X" }) else {
            throw reader.error(Message(.dateUnspecifiedDigitsNotLast), at: at)
        }
        let unspecified = digits.count - known.count
        let value = Int(known + String(repeating: "0", count: unspecified))!
        if negative && value == 0 && unspecified == 0 {
            throw reader.error(Message(.dateNegativeZeroYear), at: at)
        }
        return EDTFDate(year: negative ? -value : value, unspecifiedYearDigits: unspecified)
    }

    /// `malformed` says what a month or a day is, for one written otherwise.
    private static func twoDigits(_ reader: inout Reader, malformed: Message) throws(EDTFError) -> EDTFDate.Component {
        let at = reader.offset
        let text = reader.takeWhile { ("0"..."9").contains($0) || $0 == "X" }
        if text == "XX" { return .unspecified }
        guard text.count == 2, let value = Int(text) else {
            throw reader.error(malformed, at: at)
        }
        return .known(value)
    }

    private static func time(_ reader: inout Reader) throws(EDTFError) -> String {
        let at = reader.offset
        let text = reader.takeWhile { ("0"..."9").contains($0) || ":+-Z".unicodeScalars.contains($0) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3,
              let hour = Int(parts[0]), (0...23).contains(hour), parts[0].count == 2,
              let minute = Int(parts[1]), (0...59).contains(minute), parts[1].count == 2,
              parts[2].count >= 2, let second = Int(parts[2].prefix(2)), (0...59).contains(second)
        else { throw reader.error(Message(.dateTimeForm), at: at) }
        let zone = parts[2].dropFirst(2) + (parts.count > 3 ? ":" + parts[3...].joined(separator: ":") : "")
        let validZone = zone.isEmpty || zone == "Z"
            || ((zone.first == "+" || zone.first == "-") && [3, 6].contains(zone.count))
        guard validZone else { throw reader.error(Message(.dateTimeZoneForm), at: at) }
        return text
    }
}

/// A cursor over the scalars of one date.
private struct Reader {
    let scalars: [Unicode.Scalar]
    let base: Int
    private(set) var index = 0

    init(scalars: [Unicode.Scalar], base: Int) {
        self.scalars = scalars
        self.base = base
    }

    var offset: Int { base + index }
    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func advance() { index += 1 }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        index += 1
        return true
    }

    mutating func takeWhile(_ accept: (Unicode.Scalar) -> Bool) -> String {
        var out = String.UnicodeScalarView()
        while let next = peek, accept(next) {
            out.append(next)
            index += 1
        }
        return String(out)
    }

    func error(_ message: Message, at offset: Int) -> EDTFError {
        EDTFError(message: message, offset: offset)
    }
}
