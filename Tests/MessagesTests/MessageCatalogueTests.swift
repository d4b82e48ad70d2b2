import Testing
@testable import Messages

/// The shipped catalogues: complete, readable, and saying the same values in every language.
@Suite struct MessageCatalogueTests {
    static let languages = InterfaceLanguage.allCases

    @Test(arguments: languages) func everyCatalogueReadsWithoutError(_ language: InterfaceLanguage) throws {
        let text = try #require(MessageCatalogue.shippedText(language), "no \(language.rawValue).messages beside the tests")
        let catalogue = MessageCatalogue(language: language, text: text)
        #expect(catalogue.errors == [], "\(language.rawValue).messages")
    }

    @Test(arguments: languages) func everyKeyIsInEveryCatalogueAndNoOther(_ language: InterfaceLanguage) throws {
        let catalogue = MessageCatalogue(language: language, text: try #require(MessageCatalogue.shippedText(language)))
        let keys = Set(MessageKey.allCases.map(\.rawValue))
        let missing = keys.subtracting(catalogue.templates.keys).sorted()
        let unknown = Set(catalogue.templates.keys).subtracting(keys).sorted()
        #expect(missing == [], "\(language.rawValue).messages lacks these keys")
        #expect(unknown == [], "\(language.rawValue).messages has keys MessageKey does not")
    }

    @Test(arguments: [InterfaceLanguage.kazakh, .russian]) func translationsNameTheSameValues(_ language: InterfaceLanguage) throws {
        let english = MessageCatalogue(language: .english, text: try #require(MessageCatalogue.shippedText(.english)))
        let catalogue = MessageCatalogue(language: language, text: try #require(MessageCatalogue.shippedText(language)))
        for (key, template) in catalogue.templates {
            guard let original = english.templates[key] else { continue }
            #expect(template.placeholders == original.placeholders, "\(language.rawValue).messages: \(key)")
        }
    }

    @Test(arguments: languages) func pluralsGiveEveryFormTheLanguageNeeds(_ language: InterfaceLanguage) throws {
        let catalogue = MessageCatalogue(language: language, text: try #require(MessageCatalogue.shippedText(language)))
        let required = PluralCategory.required(in: language)
        for (key, template) in catalogue.templates {
            for (name, forms) in template.pluralForms {
                #expect(required.isSubset(of: forms), "\(language.rawValue).messages: \(key) {\(name), plural}")
            }
        }
    }

    /// A message with words in it is translated, not copied: only ids, paths and
    /// commands may stay as English writes them.
    @Test(arguments: [InterfaceLanguage.kazakh, .russian]) func translationsAreNotEnglish(_ language: InterfaceLanguage) throws {
        let englishText = try #require(MessageCatalogue.shippedText(.english))
        let english = MessageCatalogue(language: .english, text: englishText)
        let catalogue = MessageCatalogue(language: language, text: try #require(MessageCatalogue.shippedText(language)))
        for (key, template) in catalogue.templates where english.templates[key] == template {
            let words = Self.literalText(template.parts).split { !$0.isLetter }.filter { $0.count > 2 }
            #expect(words.count < 3, "\(language.rawValue).messages: \(key) is the English text")
        }
    }

    private static func literalText(_ parts: [MessageTemplate.Part]) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .plural(_, let forms): forms.values.map(literalText).joined(separator: " ")
            case .value, .count, .kazakhCase: " "
            }
        }.joined()
    }
}

/// How a message is put together from its template and values.
@Suite struct MessageTemplateTests {
    func render(_ language: InterfaceLanguage, _ text: String, _ arguments: [String: MessageArgument]) -> String {
        let catalogue = MessageCatalogue(language: language, text: "severityError = \(text)")
        var message = Message(.severityError)
        message.arguments = arguments
        #expect(catalogue.errors == [])
        return catalogue.text(of: message)
    }

    @Test func valuesAndEscapes() {
        #expect(render(.english, "no entry has the id '{id}'", ["id": .text("berl")]) == "no entry has the id 'berl'")
        #expect(render(.english, "\\{lat: {lat}\\} \\\\ \\#", ["lat": .number(43)]) == "{lat: 43} \\ #")
    }

    @Test func pluralsFollowEachLanguagesRules() {
        let russian = "{n, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}}"
        #expect(render(.russian, russian, ["n": .number(1)]) == "1 ошибка")
        #expect(render(.russian, russian, ["n": .number(3)]) == "3 ошибки")
        #expect(render(.russian, russian, ["n": .number(11)]) == "11 ошибок")
        #expect(render(.russian, russian, ["n": .number(21)]) == "21 ошибка")
        #expect(render(.russian, russian, ["n": .number(25)]) == "25 ошибок")
        let english = "{n, plural, one {# file} other {# files}}"
        #expect(render(.english, english, ["n": .number(1)]) == "1 file")
        #expect(render(.english, english, ["n": .number(0)]) == "0 files")
    }

    @Test func kazakhCasesFollowTheValue() {
        let text = "{id, case, dative} сілтеме бар; «{id}»{id, ending, ablative} кейін"
        #expect(render(.kazakh, text, ["id": .text("berel")]) == "berel-ге сілтеме бар; «berel»-ден кейін")
        #expect(render(.kazakh, "{year, case, locative}", ["year": .number(1845)]) == "1845-те")
    }

    @Test func nestedMessagesAreSaidInTheSameLanguage() {
        let catalogue = MessageCatalogue(language: .kazakh, text: "severityError = қате\nseverityNote = {what, case, dative} қараңыз")
        #expect(catalogue.text(of: Message(.severityNote, ["what": Message(.severityError)])) == "қатеге қараңыз")
    }

    @Test func mistakesInACatalogueAreFoundByLine() {
        let catalogue = MessageCatalogue(language: .english, text: "# comment\nseverityError = {n, plural, one {x}}\nno equals sign\nseverityNote = {a\n")
        #expect(catalogue.errors.map(\.line) == [2, 3, 4])
    }

    @Test func crlfLineEndsReadAsLF() {
        let catalogue = MessageCatalogue(language: .english, text: "severityError = error\r\nseverityNote = note\r\n")
        #expect(catalogue.errors == [])
        #expect(catalogue.text(of: Message(.severityError)) == "error")
    }

    @Test func theFallbackIsSaidByItsOwnPluralRules() {
        let english = MessageCatalogue(language: .english, text: "countErrors = {n, plural, one {# error} other {# errors}}")
        let russian = MessageCatalogue(language: .russian, text: "", fallback: english)
        // Russian would take 21 as "one"; English says "21 errors".
        #expect(russian.text(of: Message(.countErrors, ["n": 21])) == "21 errors")
    }

    @Test func aKeyTheCatalogueLacksIsSaidInTheFallback() {
        let english = MessageCatalogue(language: .english, text: "severityError = error")
        let kazakh = MessageCatalogue(language: .kazakh, text: "", fallback: english)
        #expect(kazakh.text(of: Message(.severityError)) == "error")
    }
}

@Suite struct InterfaceLanguageTests {
    @Test func theFlagThenTheLocaleInPOSIXOrder() {
        #expect(InterfaceLanguage.chosen(flag: "ru", environment: ["LANG": "kk_KZ.UTF-8"]) == .russian)
        #expect(InterfaceLanguage.chosen(flag: nil, environment: ["LANG": "kk_KZ.UTF-8"]) == .kazakh)
        #expect(InterfaceLanguage.chosen(flag: nil, environment: ["LANG": "kk_KZ.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"]) == .russian)
        #expect(InterfaceLanguage.chosen(flag: nil, environment: ["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"]) == .english)
        #expect(InterfaceLanguage.chosen(flag: nil, environment: ["LANG": "C.UTF-8"]) == .english)
        #expect(InterfaceLanguage.chosen(flag: nil, environment: ["LANG": "de_DE.UTF-8"]) == .english)
        #expect(InterfaceLanguage.chosen(flag: nil, environment: ["LC_ALL": "", "LANG": "ru"]) == .russian)
        #expect(InterfaceLanguage.chosen(flag: nil, environment: [:]) == .english)
    }
}
