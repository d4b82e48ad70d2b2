import DocumentModel
import Testing

@testable import Localisation

@Suite struct LanguageConventionsTests {
    @Test func eachLanguageHasItsRowAndARegionalTagFallsBackToItsLanguage() {
        #expect(LanguageConventions.of(LanguageTag("kk")).alphabet.count == 42)
        #expect(LanguageConventions.of(LanguageTag("en-GB")).decimalSeparator == ".")
        #expect(LanguageConventions.of(LanguageTag("en-GB")).tag == LanguageTag("en-GB"))
        #expect(LanguageConventions.of(LanguageTag("ru")).quotes.open == "«")
        #expect(LanguageConventions.of(LanguageTag("de")).tag == LanguageTag("de"))
        #expect(LanguageConventions.of(LanguageTag("de")).quotes.open == "«")
        #expect(LanguageConventions.of(LanguageTag("de")).dateForms == .english)
    }

    @Test func kazakhLatinWritesKazakhFormsInLatinLetters() {
        let latin = LanguageConventions.of(LanguageTag("kk-Latn"))
        #expect(latin.dateForms == .kazakh && latin.dottedAndDotlessI)
        #expect(latin.writeGenerated?("с. е.") == KazakhLatin.transliterate("с. е."))
        #expect(latin.printHyphenation == nil && LanguageConventions.of(LanguageTag("kk")).printHyphenation != nil)
    }

    @Test func everyAlphabetIsInUpperCaseWithEachLetterOnce() {
        for tag in ["kk", "ru", "en", "kk-Latn"] {
            let alphabet = LanguageConventions.of(LanguageTag(tag)).alphabet
            #expect(Set(alphabet).count == alphabet.count, "\(tag)")
            #expect(alphabet.allSatisfy { String($0) == String($0).uppercased() || $0 == "i" }, "\(tag)")
        }
    }
}
