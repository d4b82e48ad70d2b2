import DocumentModel
import Localisation
import Testing

@Suite struct TypographyTests {
    func typeset(_ text: String, _ language: String) -> String {
        var typography = Typography(language: LanguageTag(language))
        return typography.apply(text)
    }

    @Test func quotesFollowTheLanguage() {
        #expect(typeset("\"Абай жолы\" романы", "kk") == "«Абай жолы» романы")
        #expect(typeset("роман \"Путь Абая\"", "ru") == "роман «Путь Абая»")
        #expect(typeset("the novel \"The Path of Abai\"", "en") == "the novel “The Path of Abai”")
        #expect(typeset("\"газета \"Қазақ\" туралы\"", "kk") == "«газета „Қазақ“ туралы»")
        #expect(typeset("\"the \"Qazaq\" paper\"", "en") == "“the ‘Qazaq’ paper”")
        #expect(typeset("Abai's poems", "en") == "Abai’s poems")
    }

    @Test func quotesCarryAcrossPiecesOfOneParagraph() {
        var typography = Typography(language: LanguageTag("ru"))
        #expect(typography.apply("газета \"") == "газета «")
        #expect(typography.apply("Казах\" и") == "Казах» и")
    }

    @Test func rangesAndDashes() {
        #expect(typeset("1941-1945 жылдары", "kk") == "1941–1945 жылдары")
        #expect(typeset("12-14-п.", "kk") == "12–14-п.")
        #expect(typeset("1845-08-10 күні", "kk") == "1845-08-10 күні")
        #expect(typeset("1941-жылы", "kk") == "1941-жылы")
        #expect(typeset("степь - это", "ru") == "степь — это")
        #expect(typeset("steppe - the land", "en") == "steppe – the land")
    }

    @Test func noBreakSpacesAfterInitialsAndBeforeUnits() {
        #expect(typeset("И. В. Панфилов", "ru") == "И.\u{00A0}В.\u{00A0}Панфилов")
        #expect(typeset("1845 ж. туған", "kk") == "1845\u{00A0}ж. туған")
        #expect(typeset("12 км жерде", "kk") == "12\u{00A0}км жерде")
        #expect(typeset("in 1845 he", "en") == "in 1845 he")
        #expect(typeset("see p. 45", "en") == "see p. 45")
    }

    /// A number the editor wrote stays as written: archival numbers, years, identifiers.
    @Test func numbersInTextAreLeftAsWritten() {
        #expect(typeset("ЦАМО, ф. 58, оп. 18001, д. 123", "ru").contains("18001, д."))
        #expect(typeset("18000 адам", "kk") == "18000 адам")
        #expect(typeset("1234567890.", "en") == "1234567890.")
        #expect(typeset("1845 жылы", "kk") == "1845 жылы")
    }

    /// `**foo "*bar*" foo**`, `a*"foo"*`: a quote next to inline markup turns as CommonMark turns it.
    @Test func quotesTurnTheRightWayNextToInlineMarkup() {
        var typography = Typography(language: LanguageTag("en"))
        #expect([typography.apply("foo \""), typography.apply("bar"), typography.apply("\" foo")] == ["foo “", "bar", "” foo"])
        typography.newParagraph()
        #expect([typography.apply("a"), typography.apply("\"foo\"")] == ["a", "“foo”"])
        typography.newParagraph()
        #expect(typography.apply("a*\"foo\"*") == "a*“foo”*")
    }
}
