/// The Kazakh Latin alphabet of 2021 (presented on 28 January 2021): 31
/// letters. Cyrillic Kazakh is transliterated letter by letter; the Cyrillic
/// letters it has no letter for (those of Russian loanwords) get documented
/// fallbacks (docs/kazakh-latin.md).
public enum KazakhLatin {
    /// The alphabet in order, capitals.
    public static let alphabet: [Character] = [
        "A", "Ä", "B", "D", "E", "F", "G", "Ğ", "H", "I", "İ", "J", "K", "L", "M", "N", "Ñ", "O", "Ö", "P", "Q", "R",
        "S", "Ş", "T", "U", "Ū", "Ü", "V", "Y", "Z",
    ]

    /// Lower-case Cyrillic → lower-case Latin. Capitals are made by `capital`.
    public static let table: [Character: String] = [
        "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ж": "j", "з": "z",
        "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h",
        "ш": "ş", "ы": "y", "і": "ı", "э": "e",
        // Fallbacks for letters the 2021 alphabet does not have.
        "ё": "io", "ц": "ts", "ч": "ch", "щ": "şş", "ъ": "", "ь": "", "ю": "iu", "я": "ia",
    ]

    /// Letters with no letter of their own in the 2021 alphabet.
    public static let fallbackLetters: Set<Character> = ["ё", "ц", "ч", "щ", "ъ", "ь", "ю", "я"]

    public static func transliterate(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            let lower = Character(character.lowercased())
            guard let latin = table[lower] else {
                out.append(character)
                continue
            }
            out += character == lower ? latin : capitalised(latin)
        }
        return out
    }

    /// The capital of a Latin letter of this alphabet: `i` → `İ`, `ı` → `I`.
    public static func capital(_ letter: Character) -> Character {
        switch letter {
        case "i": "İ"
        case "ı": "I"
        default: Character(letter.uppercased())
        }
    }

    /// A fallback digraph keeps only its first letter capital (`Ch`, `İa`).
    private static func capitalised(_ latin: String) -> String {
        guard let first = latin.first else { return latin }
        return String(capital(first)) + latin.dropFirst()
    }
}
