/// Soft hyphens at Kazakh syllable boundaries, for print: no paged-media
/// engine ships Kazakh hyphenation patterns. A syllable ends before a single
/// consonant between vowels (ба-ла), between two consonants (ал-ма), before
/// the last of three (айт-ты), and between two vowels (кі-ім); у and и after
/// a vowel are glides and count as consonants (тау-лар). Neither part may be
/// shorter than two letters, and words under five letters are left whole.
public enum KazakhHyphenation {
    static let vowels: Set<Character> = ["а", "ә", "е", "ё", "и", "о", "ө", "у", "ұ", "ү", "ы", "і", "э", "ю", "я"]
    static let signs: Set<Character> = ["ь", "ъ"]

    public static let softHyphen: Character = "\u{00AD}"

    /// `text` with soft hyphens inside every long enough Cyrillic word.
    public static func insertSoftHyphens(_ text: String) -> String {
        var out = ""
        var word: [Character] = []
        func flush() {
            out += hyphenate(word)
            word.removeAll()
        }
        for character in text {
            if character.isLetter, isCyrillic(character) { word.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }

    /// The word's syllable boundaries, as the positions of the letters they come before.
    public static func breakpoints(_ word: [Character]) -> [Int] {
        let lower = word.map { Character($0.lowercased()) }
        func isVowel(_ index: Int) -> Bool {
            guard vowels.contains(lower[index]) else { return false }
            if (lower[index] == "у" || lower[index] == "и"), index > 0, vowels.contains(lower[index - 1]) { return false }
            return true
        }
        let vowelPositions = lower.indices.filter(isVowel)
        var points: [Int] = []
        for (a, b) in zip(vowelPositions, vowelPositions.dropFirst()) {
            // Consonants between the two vowels, not counting ь and ъ.
            let between = ((a + 1)..<b).filter { !signs.contains(lower[$0]) }
            let point: Int = switch between.count {
            case 0: b
            case 1: between[0]
            default: between[between.count - 1]
            }
            points.append(point)
        }
        return points.filter { $0 >= 2 && word.count - $0 >= 2 }
    }

    static func hyphenate(_ word: [Character]) -> String {
        guard word.count >= 5 else { return String(word) }
        var out = ""
        let points = Set(breakpoints(word))
        for (index, character) in word.enumerated() {
            if points.contains(index) { out.append(softHyphen) }
            out.append(character)
        }
        return out
    }

    private static func isCyrillic(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x0400...0x04FF).contains(scalar.value)
    }
}
