import DocumentModel

/// Each language's typographic conventions, applied to running text:
/// straight quotes become «ёлочки» (kk, ru; „лапки“ inside) or “curly” quotes
/// (en; ‘single’ inside), apostrophes become ’, a hyphen between numbers
/// becomes an en dash, a spaced hyphen a dash, no-break spaces keep
/// initials with their names and numbers with their units. Numbers are left
/// as written (an archival «оп. 18001», a year, an identifier): only the
/// numbers Asyl formats itself, facts of type number, are grouped (`ValueText`).
public struct Typography: Sendable {
    private let conventions: LanguageConventions
    /// Quote depth carried across the text pieces of one paragraph.
    private var depth = 0
    /// The paragraph's last character so far, carried across pieces; nil at its start.
    private var last: Unicode.Scalar?

    /// Off, text is printed as written (`typography: false` in asyl.yaml).
    private let isOn: Bool

    public init(language: LanguageTag, isOn: Bool = true) {
        conventions = LanguageConventions.of(language)
        self.isOn = isOn
    }

    /// Units and abbreviations that stay on the line of the number before them.
    static let units: Set<String> = [
        "ж.", "жж.", "ғ.", "ғғ.", "г.", "гг.", "в.", "вв.", "км", "м", "см", "мм", "га", "кг", "т", "%",
        "km", "m", "cm", "mm", "ha", "kg", "BC", "AD", "б.", "п.", "с.", "л.", "млн", "млрд", "мың",
    ]

    /// Starts a new paragraph (quotes do not continue across blocks).
    public mutating func newParagraph() {
        depth = 0
        last = nil
    }

    public mutating func apply(_ text: String) -> String {
        // A piece after inline markup (`*"bar"*`, `"*bar*"`) starts where markup ended: a quote
        // there opens before a word and closes before a space or the end, as CommonMark reads it.
        let afterMarkup = last != nil
        defer { if let end = text.unicodeScalars.last { last = end } }
        guard isOn, text.unicodeScalars.contains(where: { "\"' -".unicodeScalars.contains($0) }) else {
            return text
        }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = last
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "\"":
                let opening = index == 0 && afterMarkup
                    ? next.map { !$0.properties.isWhitespace && !".,;:!?)]}»”".unicodeScalars.contains($0) } ?? false
                    : Self.opens(after: previous, before: next)
                if opening {
                    out.append(contentsOf: (depth == 0 ? conventions.quotes.open : conventions.quotes.innerOpen).unicodeScalars)
                    depth += 1
                } else {
                    depth = max(0, depth - 1)
                    out.append(contentsOf: (depth == 0 ? conventions.quotes.close : conventions.quotes.innerClose).unicodeScalars)
                }
            case "'":
                out.append("’")
            case "-" where isDigit(previous) && isDigit(next) && !isDatePart(scalars, at: index):
                out.append("–")
            case "-" where previous == " " && next == " ":
                out.append(contentsOf: conventions.spacedDash.unicodeScalars)
            case " " where noBreakAfter(scalars, before: index) || noBreakBefore(scalars, from: index + 1):
                out.append("\u{00A0}")
            default:
                out.append(scalar)
            }
            previous = scalar
        }
        return String(out)
    }

    /// Whether a straight double quote between these two opens: at the start,
    /// after a space or an opening bracket or dash, or after other punctuation
    /// (`*"foo"*`) when a letter or digit follows.
    private static func opens(after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Bool {
        guard let previous else { return true }
        if previous.properties.isWhitespace || "([{—–-/«„“".unicodeScalars.contains(previous) { return true }
        guard let next, next.properties.isAlphabetic || next.properties.numericType != nil else { return false }
        return !previous.properties.isAlphabetic && previous.properties.numericType == nil
            && !".,;:!?)]}»”’".unicodeScalars.contains(previous)
    }

    private func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        scalar.map { ("0"..."9").contains($0) } ?? false
    }

    /// `1845-08-10`: a date, not a range; keep its hyphens.
    private func isDatePart(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var after = index + 1
        while after < scalars.count, isDigit(scalars[after]) { after += 1 }
        if after + 1 < scalars.count, scalars[after] == "-", isDigit(scalars[after + 1]) { return true }
        var before = index - 1
        while before >= 0, isDigit(scalars[before]) { before -= 1 }
        return before >= 1 && scalars[before] == "-" && isDigit(scalars[before - 1])
    }

    /// A space after an initial (`И. В. Панфилов`) or after a number followed by a unit.
    private func noBreakAfter(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        // "X. " where X is a single capital letter at a word start.
        guard index >= 2, scalars[index - 1] == "." else { return false }
        let letter = scalars[index - 2]
        guard letter.properties.isUppercase else { return false }
        return index == 2 || !scalars[index - 3].properties.isAlphabetic
    }

    /// A space between a number and a unit (`12 км`, `1845 ж.`).
    private func noBreakBefore(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        guard start >= 2, isDigit(scalars[start - 2]) else { return false }
        var end = start
        while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end] != ",", scalars[end] != ";",
              scalars[end] != ")" {
            end += 1
        }
        var word = String(String.UnicodeScalarView(scalars[start..<end]))
        if !Self.units.contains(word), word.hasSuffix(".") && Self.units.contains(String(word.dropLast())) { word.removeLast() }
        return Self.units.contains(word)
    }
}
