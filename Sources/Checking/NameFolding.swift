/// Names folded so that the spellings of one name compare equal: Kazakh and
/// Russian Cyrillic (Жұмабаев, Жумабаев) and Latin transcriptions
/// (Jumabaev, Zhumabayev) fold to one skeleton, and a surname's endings
/// (-ов, -ев, -ова, -ева, -ұлы, -қызы, -ин, -ина) are taken off, so that
/// Жұмабаев and Жұмабайұлы meet. The fold is for finding candidates, never
/// for printing: a name is printed as its record writes it.
public enum NameFolding {
    /// A place's name for looking it up: lower case, ё as е, one space between words, no punctuation.
    public static func placeKey(_ name: String) -> String {
        var words: [String] = []
        var word = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character == "ё" ? "е" : character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// A person's name as a Latin skeleton: letters only, Kazakh letters as their nearest Russian ones, then
    /// one Latin spelling for each sound, doubled letters single.
    public static func skeleton(_ name: String) -> String {
        var latin = ""
        for scalar in name.lowercased().unicodeScalars {
            if let written = cyrillic[scalar] { latin += written } else if let written = latinLetters[scalar] { latin += written }
            else if scalar.properties.isAlphabetic, scalar.isASCII { latin.unicodeScalars.append(scalar) }
        }
        var folded = latin
        for (digraph, single) in digraphs { folded = folded.replacingOccurrences(of: digraph, with: single) }
        var result = ""
        for character in folded where character != result.last { result.append(character) }
        return result
    }

    /// A surname's skeleton without the endings that differ between Russian and Kazakh forms of it.
    public static func surnameStem(_ name: String) -> String {
        var stem = skeleton(name)
        for ending in surnameEndings where stem.count > ending.count + 2 && stem.hasSuffix(ending) {
            stem.removeLast(ending.count)
            break
        }
        // Жұмабай-ұлы against Жумаба-ев: the й the Russian ending swallows.
        if stem.hasSuffix("i"), stem.count > 3 { stem.removeLast() }
        return stem
    }

    /// A patronymic's skeleton without its endings: Ахметович, Ахметовна and Ахметұлы meet at "ahmet".
    public static func patronymicStem(_ name: String) -> String {
        var stem = skeleton(name)
        for ending in patronymicEndings where stem.count > ending.count + 2 && stem.hasSuffix(ending) {
            stem.removeLast(ending.count)
            break
        }
        if stem.hasSuffix("i"), stem.count > 3 { stem.removeLast() }
        return stem
    }

    private static let patronymicEndings = ["ovich", "evich", "ovna", "evna", "ich", "na", "kizi", "uli"]

    /// Longest first. Skeleton forms: -ұлы and -uly fold to "uli", -қызы and -qyzy to "kizi".
    private static let surnameEndings = ["kizi", "ova", "eva", "ina", "uli", "ov", "ev", "in"]

    private static let cyrillic: [Unicode.Scalar: String] = [
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "j", "з": "z",
        "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch",
        "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    ]

    /// The 2021 Kazakh Latin alphabet's letters and the usual transcriptions' diacritics.
    private static let latinLetters: [Unicode.Scalar: String] = [
        "ä": "a", "ö": "o", "ü": "u", "ū": "u", "ı": "i", "ğ": "g", "ş": "sh", "ç": "ch", "ñ": "n", "é": "e",
    ]

    /// Each pair of Latin spellings of one sound, as transcriptions write them, to one.
    private static let digraphs: [(String, String)] = [
        ("zh", "j"), ("kh", "h"), ("q", "k"), ("x", "h"), ("w", "u"), ("y", "i"),
    ]
}
