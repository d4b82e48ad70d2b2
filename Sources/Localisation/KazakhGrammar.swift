/// The Kazakh case endings generated text needs: the ablative that «бастап»
/// governs and the dative that «дейін» governs, by vowel harmony and by the
/// word's last sound, as Kazakh grammars give them.
enum KazakhGrammar {
    /// `word` in `grammaticalCase`; `possessive` for a word that already has
    /// the third person's possessive ending («көктемі» → «көктемінен», «көктеміне»).
    /// The nominative, and the genitive (which only Russian dates use), leave it as it is.
    static func inflect(_ word: String, _ grammaticalCase: DateText.Case, possessive: Bool = false) -> String {
        let front = isFront(word)
        switch grammaticalCase {
        case .nominative, .genitive:
            return word
        case .ablative:
            if possessive { return word + (front ? "нен" : "нан") }
            let consonant: String = switch soundClass(word) {
            case .nasal: "н"
            case .voiceless: "т"
            case .vowelOrVoiced: "д"
            }
            return word + consonant + (front ? "ен" : "ан")
        case .dative:
            if possessive { return word + (front ? "не" : "на") }
            let ending: String = switch soundClass(word) {
            case .voiceless: front ? "ке" : "қа"
            case .nasal, .vowelOrVoiced: front ? "ге" : "ға"
            }
            return word + ending
        }
    }

    private enum SoundClass { case vowelOrVoiced, nasal, voiceless }

    /// What the word ends in, as the endings choose their first consonant:
    /// ablative -дан after vowels and voiced sounds, -нан after м н ң, -тан after voiceless ones.
    private static func soundClass(_ word: String) -> SoundClass {
        guard let last = word.lowercased().last else { return .vowelOrVoiced }
        if "мнң".contains(last) { return .nasal }
        if "кқпстфхцчшщбвгд".contains(last) { return .voiceless }
        return .vowelOrVoiced
    }

    /// Whether the word's last vowel is a front one (ә е ө ү і): the ending follows it.
    private static func isFront(_ word: String) -> Bool {
        for character in word.lowercased().reversed() {
            if "әеөүіэ".contains(character) { return true }
            if "аоұыяё".contains(character) { return false }
        }
        return false
    }
}
