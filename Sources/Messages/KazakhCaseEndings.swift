/// The Kazakh cases a message may put a value in.
public enum KazakhCase: String, CaseIterable, Hashable, Sendable {
    case genitive, dative, accusative, locative, ablative, instrumental
}

/// The case ending Kazakh gives a word, chosen as the grammars teach it: by
/// the word's last vowel (front ә е ө ү і, or back) and its last sound (a
/// vowel, a voiced consonant, м н ң, or a voiceless consonant). Values in
/// messages are often not Kazakh words: an id in Latin letters (berel-ге), a
/// number, read aloud (1845 → «бес» → 1845-ке), an abbreviation (ЦАМО-ға).
/// Those take the ending after a hyphen, as Kazakh spelling writes it; a
/// Kazakh word takes it directly (Абайға).
public enum KazakhCaseEndings {
    /// `value` followed by its ending.
    public static func inflect(_ value: String, _ grammaticalCase: KazakhCase) -> String {
        let (ending, hyphen) = endingOf(value, grammaticalCase)
        return value + (hyphen ? "-" : "") + ending
    }

    /// The ending alone, with its hyphen: for a value in quotes, «berel»-ге.
    public static func ending(after value: String, _ grammaticalCase: KazakhCase) -> String {
        "-" + endingOf(value, grammaticalCase).ending
    }

    enum Sound: Equatable {
        case vowel
        /// ж з: the instrumental is -бен after them.
        case sibilant
        /// л р й у and the other voiced sounds that are not nasal.
        case voiced
        case nasal
        /// к қ п с т ф х ц ч ш щ, and б в г д, which Kazakh devoices at a word's end.
        case voiceless
    }

    /// The ending for a word whose last vowel is `front` and whose last sound is `sound`.
    static func ending(_ grammaticalCase: KazakhCase, front: Bool, sound: Sound) -> String {
        func pick(_ back: String, _ frontForm: String) -> String { front ? frontForm : back }
        switch grammaticalCase {
        case .genitive:
            switch sound {
            case .vowel, .nasal: return pick("ның", "нің")
            case .voiced, .sibilant: return pick("дың", "дің")
            case .voiceless: return pick("тың", "тің")
            }
        case .accusative:
            switch sound {
            case .vowel: return pick("ны", "ні")
            case .voiced, .sibilant, .nasal: return pick("ды", "ді")
            case .voiceless: return pick("ты", "ті")
            }
        case .dative:
            return sound == .voiceless ? pick("қа", "ке") : pick("ға", "ге")
        case .locative:
            return sound == .voiceless ? pick("та", "те") : pick("да", "де")
        case .ablative:
            switch sound {
            case .vowel, .voiced, .sibilant: return pick("дан", "ден")
            case .nasal: return pick("нан", "нен")
            case .voiceless: return pick("тан", "тен")
            }
        case .instrumental:
            switch sound {
            case .vowel, .voiced, .nasal: return "мен"
            case .sibilant: return "бен"
            case .voiceless: return "пен"
            }
        }
    }

    private static func endingOf(_ value: String, _ grammaticalCase: KazakhCase) -> (ending: String, hyphen: Bool) {
        let trimmed = value.unicodeScalars.reversed().drop { !$0.properties.isAlphabetic && !("0"..."9").contains($0) }
        let word = String(String.UnicodeScalarView(trimmed.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.reversed()))
        guard let last = word.unicodeScalars.last else { return (ending(grammaticalCase, front: false, sound: .vowel), true) }
        let endsInPunctuation = trimmed.count != value.unicodeScalars.count
        if ("0"..."9").contains(last) {
            let reading = numberWord(word.unicodeScalars.reversed().prefix { ("0"..."9").contains($0) }.reversed())
            let (front, sound) = cyrillic(reading)
            return (ending(grammaticalCase, front: front, sound: sound), true)
        }
        if isCyrillic(last) {
            let (front, sound) = cyrillic(word.lowercased())
            let abbreviation = word.count > 1 && word == word.uppercased()
            return (ending(grammaticalCase, front: front, sound: sound), endsInPunctuation || abbreviation)
        }
        let (front, sound) = latin(word.lowercased())
        return (ending(grammaticalCase, front: front, sound: sound), true)
    }

    private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x04FF).contains(scalar.value) }

    /// The letters of a script by the sounds the endings look at.
    struct Alphabet {
        let front: String, back: String, sibilant: String, nasal: String, voiceless: String
        /// Endings of more than one letter that spell one nasal sound (Latin "ng" for ң).
        var nasalDigraphs: [String] = []
        /// Letters that, after a vowel, spell a consonant: Latin "i" for й and "u" for у (abai, tau).
        var glides: String = ""

        static let cyrillic = Alphabet(front: "әеөүіэ", back: "аоұыяё", sibilant: "жз", nasal: "мнң", voiceless: "кқпстфхцчшщбвгд")
        /// Ids are written in Latin letters as Kazakh sounds them (abai-kunanbaiuly, zhibek-zholy).
        static let latin = Alphabet(
            front: "eiäöüé", back: "aouyı", sibilant: "zj", nasal: "mnñ", voiceless: "kqpstfhcçşxbvgd", nasalDigraphs: ["ng"],
            glides: "iu")
    }

    static func cyrillic(_ word: String) -> (front: Bool, sound: Sound) { analyse(word, .cyrillic) }

    static func latin(_ word: String) -> (front: Bool, sound: Sound) { analyse(word, .latin) }

    private static func analyse(_ word: String, _ letters: Alphabet) -> (front: Bool, sound: Sound) {
        func isVowel(_ letter: Character) -> Bool { letters.front.contains(letter) || letters.back.contains(letter) }
        let spelled = Array(word)
        // abai is Абай: its last vowel is the a, and it ends in a voiced consonant.
        if spelled.count >= 2, let last = spelled.last, letters.glides.contains(last), isVowel(spelled[spelled.count - 2]) {
            return (letters.front.contains(spelled[spelled.count - 2]), .voiced)
        }
        let lastVowel = word.last(where: isVowel)
        let front = lastVowel.map { letters.front.contains($0) } ?? false
        let sound: Sound = switch word.last {
        case _ where letters.nasalDigraphs.contains(where: word.hasSuffix): .nasal
        case let last? where letters.front.contains(last) || letters.back.contains(last): .vowel
        case let last? where letters.sibilant.contains(last): .sibilant
        case let last? where letters.nasal.contains(last): .nasal
        case let last? where letters.voiceless.contains(last): .voiceless
        default: .voiced
        }
        return (front, sound)
    }

    private static let units = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
    private static let tens = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]

    /// The word a number ends in when read aloud: 1845 «…қырық бес», 1940 «…қырық», 2000 «екі мың».
    static func numberWord<Digits: Collection<Unicode.Scalar>>(_ digits: Digits) -> String {
        let fromUnits = digits.reversed().map { Int($0.value) - 48 }
        guard let position = fromUnits.firstIndex(where: { $0 != 0 }) else { return units[0] }
        let digit = fromUnits[position]
        switch position {
        case 0: return units[digit]
        case 1: return tens[digit]
        case 2: return "жүз"
        case 3...5: return "мың"
        case 6...8: return "миллион"
        default: return "миллиард"
        }
    }
}
