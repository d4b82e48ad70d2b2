import DocumentModel
import EDTF
import Foundation
import Localisation
import Testing

@Suite struct KazakhLatinTests {
    /// Every Cyrillic letter of the Kazakh alphabet, capital and small, with its 2021 Latin form.
    static let letters: [(String, String)] = [
        ("Аа", "Aa"), ("Әә", "Ää"), ("Бб", "Bb"), ("Вв", "Vv"), ("Гг", "Gg"), ("Ғғ", "Ğğ"), ("Дд", "Dd"), ("Ее", "Ee"),
        ("Ёё", "İoio"), ("Жж", "Jj"), ("Зз", "Zz"), ("Ии", "İi"), ("Йй", "İi"), ("Кк", "Kk"), ("Ққ", "Qq"), ("Лл", "Ll"),
        ("Мм", "Mm"), ("Нн", "Nn"), ("Ңң", "Ññ"), ("Оо", "Oo"), ("Өө", "Öö"), ("Пп", "Pp"), ("Рр", "Rr"), ("Сс", "Ss"),
        ("Тт", "Tt"), ("Уу", "Uu"), ("Ұұ", "Ūū"), ("Үү", "Üü"), ("Фф", "Ff"), ("Хх", "Hh"), ("Һһ", "Hh"), ("Цц", "Tsts"),
        ("Чч", "Chch"), ("Шш", "Şş"), ("Щщ", "Şşşş"), ("Ъъ", ""), ("Ыы", "Yy"), ("Іі", "Iı"), ("Ьь", ""), ("Ээ", "Ee"),
        ("Юю", "İuiu"), ("Яя", "İaia"),
    ]

    @Test(arguments: letters)
    func everyCyrillicLetter(_ pair: (String, String)) {
        #expect(KazakhLatin.transliterate(pair.0) == pair.1)
    }

    @Test func allFortyTwoLettersAreCovered() {
        #expect(Self.letters.count == 42)
        #expect(Set(Self.letters.map { $0.0.lowercased().first! }) == Set(KazakhLatin.table.keys))
    }

    @Test func wordsAndSentences() {
        #expect(KazakhLatin.transliterate("Қазақстан Республикасы") == "Qazaqstan Respublikasy")
        #expect(KazakhLatin.transliterate("Бұрыңғы өткен заманда, бір данышпан кісі") == "Būryñğy ötken zamanda, bır danyşpan kısı")
        #expect(KazakhLatin.transliterate("Абай Құнанбайұлы, 1845 ж.") == "Abai Qūnanbaiūly, 1845 j.")
        #expect(KazakhLatin.transliterate("Berel [[x]] 12-б.") == "Berel [[x]] 12-b.")
    }

    @Test func latinHeadwordsSortInTheLatinAlphabet() {
        let collation = Collation(language: LanguageTag("kk-Latn"))
        let words = ["Ūlytau", "Ile", "İle", "Abai", "Äuezov", "Şoqan", "Sapar", "Zaisan", "Ümbetei", "Ysmaiyl"]
        #expect(words.sorted { collation.key($0) < collation.key($1) }
                == ["Abai", "Äuezov", "Ile", "İle", "Sapar", "Şoqan", "Ūlytau", "Ümbetei", "Ysmaiyl", "Zaisan"])
        #expect(collation.initial("ılgerı") == "I")
        #expect(collation.initial("ile") == "İ")
    }

    @Test func datesAreWrittenInLatinToo() throws {
        let date = try EDTFValue.parse("1845-08-10")
        #expect(DateText(language: LanguageTag("kk-Latn")).text(date) == "1845 jylğy 10 tamyz")
    }

    /// styles/l10n/kk-Latn.xml is kk.xml transliterated; regenerate with ASYL_UPDATE_GOLDEN=1.
    @Test func theLatinStringTableIsTheKazakhOneTransliterated() throws {
        let styles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("styles/l10n")
        let kazakh = try String(contentsOf: styles.appendingPathComponent("kk.xml"), encoding: .utf8)
        var expected = ""
        for line in kazakh.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("<gentext ") {
                let parts = line.components(separatedBy: "text=\"")
                expected += parts[0] + "text=\"" + KazakhLatin.transliterate(parts[1]) + "\n"
            } else {
                expected += line.replacingOccurrences(of: "language=\"kk\"", with: "language=\"kk-Latn\"")
                    .replacingOccurrences(of: "Kazakh interface words.", with: "Kazakh interface words in the 2021 Latin alphabet, made from kk.xml.") + "\n"
            }
        }
        expected.removeLast()
        let path = styles.appendingPathComponent("kk-Latn.xml")
        if ProcessInfo.processInfo.environment["ASYL_UPDATE_GOLDEN"] != nil {
            try expected.write(to: path, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: path, encoding: .utf8) == expected)
    }
}
