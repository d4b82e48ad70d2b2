import DocumentModel
import Foundation

/// Alphabetical order as each language's readers expect it, not code-point
/// order (which puts Kazakh Ә after Я and І before А). Case-insensitive;
/// digits first, then the language's alphabet, then letters of other scripts.
public struct Collation: Sendable {
    public let language: LanguageTag
    /// The alphabet in order, upper case.
    public let alphabet: [Character]
    /// Letters sorted as another (Russian Ё as Е; Kazakh letters in a Russian
    /// headword as their nearest Russian letter), with a tie-breaking rank.
    private let equivalents: [Character: Character]
    private let rank: [Character: UInt32]
    /// Kazakh Latin pairs i/İ and ı/I, which general case mapping does not.
    private let isKazakhLatin: Bool

    public static let kazakhAlphabet = Array("АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ")
    public static let russianAlphabet = Array("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
    public static let englishAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    public init(language: LanguageTag) {
        self.language = language
        let conventions = LanguageConventions.of(language)
        alphabet = conventions.alphabet
        equivalents = conventions.collationEquivalents
        isKazakhLatin = conventions.dottedAndDotlessI
        var rank: [Character: UInt32] = [:]
        for (index, letter) in alphabet.enumerated() { rank[letter] = UInt32(index) }
        self.rank = rank
    }

    /// A key whose lexicographic order is the alphabetical order of `text`.
    /// Words are compared one by one: a space or a hyphen ends a word and
    /// sorts before every letter (a space before a hyphen when all else is
    /// equal), an opening parenthesis sorts after that and before digits, so
    /// «Алаш (партия)» comes right after «Алаш», as ICU orders them; other
    /// punctuation is ignored. Where letters tie, lower case comes first (CLDR).
    public func key(_ text: String) -> CollationKey {
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        var tertiary: [UInt32] = []
        var pendingBreak: UInt32?
        for original in text {
            let character = upper(original)
            let (weight, tie) = weigh(character)
            guard let weight else {
                if original.isWhitespace || original == "-", !primary.isEmpty {
                    pendingBreak = min(pendingBreak ?? 1, original == "-" ? 1 : 0)
                } else if original == "(" {
                    if let separator = pendingBreak { primary.append(1); secondary.append(separator); tertiary.append(0) }
                    pendingBreak = nil
                    primary.append(2); secondary.append(0); tertiary.append(0)
                }
                continue
            }
            if let separator = pendingBreak { primary.append(1); secondary.append(separator); tertiary.append(0); pendingBreak = nil }
            primary.append(weight)
            secondary.append(tie)
            tertiary.append(original != character ? 0 : (character.isLetter && character.lowercased() != String(character) ? 1 : 0))
        }
        return CollationKey(primary: primary, secondary: secondary, tertiary: tertiary)
    }

    /// The letter an entry is filed under: its first letter as this alphabet
    /// counts it (Russian Ё under Е), "0–9" for digits.
    public func initial(_ text: String) -> String {
        for character in upper(text) {
            if character.isNumber { return "0–9" }
            guard character.isLetter else { continue }
            let base = equivalents[character] ?? character
            if rank[base] != nil { return String(base) }
            return String(Self.folded(character) ?? character)
        }
        return "#"
    }

    private func upper(_ text: String) -> [Character] { text.map(upper) }

    private func upper(_ character: Character) -> Character {
        if isKazakhLatin { return KazakhLatin.capital(character) }
        let upper = character.uppercased()
        return upper.count == 1 ? Character(upper) : character
    }

    /// Primary weight (nil: ignored) and a secondary weight that separates
    /// letters sorted alike (Е before Ё).
    private func weigh(_ character: Character) -> (UInt32?, UInt32) {
        if let digit = character.wholeNumberValue, character.isASCII { return (10 + UInt32(digit), 0) }
        guard character.isLetter else { return (nil, 0) }
        if let index = rank[character] { return (100 + index, 0) }
        if let base = equivalents[character], let index = rank[base] { return (100 + index, 1) }
        if let folded = Self.folded(character), let index = rank[folded] { return (100 + index, 2) }
        // Other scripts after this alphabet, in code-point order.
        return (10_000 + (character.unicodeScalars.first?.value ?? 0), 0)
    }

    /// A Latin letter without its accents (É → E).
    private static func folded(_ character: Character) -> Character? {
        let stripped = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x0300...0x036F).contains($0.value) }
        guard stripped.count == 1 else { return nil }
        return Character(String(String.UnicodeScalarView(stripped)))
    }
}

public struct CollationKey: Comparable, Hashable, Sendable {
    var primary: [UInt32]
    /// Letters sorted alike (Е before Ё), and a space before a hyphen.
    var secondary: [UInt32]
    /// Lower case before upper case.
    var tertiary: [UInt32]

    public static func < (a: CollationKey, b: CollationKey) -> Bool {
        if a.primary != b.primary { return a.primary.lexicographicallyPrecedes(b.primary) }
        if a.secondary != b.secondary { return a.secondary.lexicographicallyPrecedes(b.secondary) }
        return a.tertiary.lexicographicallyPrecedes(b.tertiary)
    }
}
