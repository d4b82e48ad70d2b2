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
    /// Punctuation is ignored; a space sorts before every letter (word by word).
    public func key(_ text: String) -> CollationKey {
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        var pendingSpace = false
        for character in upper(text) {
            let (weight, tie) = weigh(character)
            guard let weight else {
                if character.isWhitespace || character == "-" { pendingSpace = !primary.isEmpty }
                continue
            }
            if pendingSpace { primary.append(1); secondary.append(0); pendingSpace = false }
            primary.append(weight)
            secondary.append(tie)
        }
        return CollationKey(primary: primary, secondary: secondary)
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

    private func upper(_ text: String) -> [Character] {
        isKazakhLatin ? text.map { KazakhLatin.capital($0) } : Array(text.uppercased())
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
    var secondary: [UInt32]

    public static func < (a: CollationKey, b: CollationKey) -> Bool {
        if a.primary != b.primary { return a.primary.lexicographicallyPrecedes(b.primary) }
        return a.secondary.lexicographicallyPrecedes(b.secondary)
    }
}
