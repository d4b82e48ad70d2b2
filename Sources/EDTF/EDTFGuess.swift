import Messages

/// What an editor most likely meant by a date that is not EDTF, written as
/// people write dates in Kazakh, Russian and English texts: `28.09.1897`,
/// `1897 ж.`, `1897 г.`, `1840-шы жылдар`, `1840-е`, `1840s`, `ок. 1845`.
public struct EDTFGuess: Hashable, Sendable {
    /// The value as EDTF writes it.
    public var written: String
    /// What to do, in words, ending with `written`.
    public var advice: Message

    /// Nil when nothing plain can be guessed (the parser's own message stands).
    public static func guess(_ text: String) -> EDTFGuess? {
        let trimmed = text.trimmingSpaces
        if let guess = dayMonthYear(trimmed) ?? yearWithWord(trimmed) ?? decade(trimmed) ?? circa(trimmed) ?? unpadded(trimmed),
           (try? EDTFParser.parse(guess.written)) != nil {
            return guess
        }
        return nil
    }

    /// `28.09.1897`, `9.1897`: day first, as kk and ru write.
    private static func dayMonthYear(_ text: String) -> EDTFGuess? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), let year = parts.last, year.count == 4, year.allSatisfy(\.isASCIIDigit),
              parts.dropLast().allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        let numbers = parts.dropLast().compactMap { Int($0) }
        let written = ([year] + numbers.reversed().map(twoDigits)).joined(separator: "-")
        return EDTFGuess(written: written, advice: Message(.dateGuessYearFirst, ["written": written]))
    }

    /// `1897 ж.`, `1897 жылы`, `1897 г.`, `1897 года`, `1897-жылы`.
    private static func yearWithWord(_ text: String) -> EDTFGuess? {
        let words = ["ж.", "ж", "жыл", "жылы", "жылғы", "г.", "г", "год", "года", "году", "гг.", "y.", "year"]
        guard let year = leadingYear(text) else { return nil }
        let rest = String(text.dropFirst(year.count)).trimmingSpaces.drop { $0 == "-" }
        guard words.contains(String(rest)) else { return nil }
        return EDTFGuess(written: year, advice: Message(.dateGuessYearAlone, ["written": year]))
    }

    /// `1840-шы жылдар`, `1840-жылдары`, `1840 жж.`, `1840-е`, `1840-е гг.`, `1840-х`, `1840s`.
    private static func decade(_ text: String) -> EDTFGuess? {
        guard let year = leadingYear(text), year.hasSuffix("0") else { return nil }
        let rest = String(text.dropFirst(year.count)).trimmingSpaces.lowercased()
        let marks = [
            "-шы жылдар", "-ші жылдар", "-шы жылдары", "-ші жылдары", "-жылдар", "-жылдары", " жылдар", " жылдары", " жж.", " жж",
            "-е", "-е гг.", "-е годы", "-х", "-х гг.", "-х годов", "-х годах", " гг.", "s", "'s", "-s",
        ]
        guard marks.contains(where: { rest == $0.trimmingSpaces || rest == $0 }) else { return nil }
        let written = String(year.dropLast()) + "X"
        return EDTFGuess(written: written, advice: Message(.dateGuessDecade, ["written": written]))
    }

    /// `ок. 1845`, `около 1845`, `шамамен 1845`, `c. 1845`, `ca. 1845`, `circa 1845`.
    private static func circa(_ text: String) -> EDTFGuess? {
        let words = ["ок.", "около", "шамамен", "шам.", "c.", "ca.", "circa", "approx."]
        for word in words where text.lowercased().hasPrefix(word) {
            let rest = String(text.dropFirst(word.count)).trimmingSpaces
            guard (try? EDTFParser.parse(rest)) != nil, !rest.contains("/") else { return nil }
            return EDTFGuess(written: rest + "~", advice: Message(.dateGuessCirca, ["written": rest + "~"]))
        }
        return nil
    }

    /// `1845-8-10`: months and days have two digits.
    private static func unpadded(_ text: String) -> EDTFGuess? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts.dropFirst().allSatisfy({ $0.count <= 2 }), parts.dropFirst().contains(where: { $0.count == 1 })
        else { return nil }
        let written = ([parts[0]] + parts.dropFirst().compactMap { Int($0) }.map(twoDigits)).joined(separator: "-")
        return EDTFGuess(written: written, advice: Message(.dateGuessTwoDigits, ["written": written]))
    }

    private static func leadingYear(_ text: String) -> String? {
        let digits = text.prefix(while: \.isASCIIDigit)
        return digits.count == 4 ? String(digits) : nil
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
