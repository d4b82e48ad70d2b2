import Testing
@testable import Messages

/// The endings Kazakh grammars give, on the kinds of value messages name.
@Suite struct KazakhCaseEndingsTests {
    @Test func kazakhWordsTakeTheEndingDirectly() {
        #expect(KazakhCaseEndings.inflect("Абай", .dative) == "Абайға")
        #expect(KazakhCaseEndings.inflect("Берел", .dative) == "Берелге")
        #expect(KazakhCaseEndings.inflect("Шымкент", .dative) == "Шымкентке")
        #expect(KazakhCaseEndings.inflect("Алматы", .genitive) == "Алматының")
        #expect(KazakhCaseEndings.inflect("Қазақстан", .genitive) == "Қазақстанның")
        #expect(KazakhCaseEndings.inflect("кітап", .genitive) == "кітаптың")
        #expect(KazakhCaseEndings.inflect("Ақтау", .accusative) == "Ақтауды")
        #expect(KazakhCaseEndings.inflect("адам", .ablative) == "адамнан")
        #expect(KazakhCaseEndings.inflect("мектеп", .locative) == "мектепте")
        #expect(KazakhCaseEndings.inflect("қыз", .instrumental) == "қызбен")
        #expect(KazakhCaseEndings.inflect("бала", .instrumental) == "баламен")
        #expect(KazakhCaseEndings.inflect("кітап", .instrumental) == "кітаппен")
    }

    @Test func latinIdsNumbersAndAbbreviationsTakeItAfterAHyphen() {
        #expect(KazakhCaseEndings.inflect("berel", .dative) == "berel-ге")
        #expect(KazakhCaseEndings.inflect("abai-kunanbaiuly", .dative) == "abai-kunanbaiuly-ға")
        #expect(KazakhCaseEndings.inflect("kazakhstan", .ablative) == "kazakhstan-нан")
        #expect(KazakhCaseEndings.inflect("1845", .dative) == "1845-ке")
        #expect(KazakhCaseEndings.inflect("1940", .ablative) == "1940-тан")
        #expect(KazakhCaseEndings.inflect("2000", .locative) == "2000-да")
        #expect(KazakhCaseEndings.inflect("100", .genitive) == "100-дің")
        #expect(KazakhCaseEndings.inflect("0", .dative) == "0-ге")
        #expect(KazakhCaseEndings.inflect("ЦАМО", .dative) == "ЦАМО-ға")
        // A final i or u after a vowel is й or у: abai is Абай, tau is тау.
        #expect(KazakhCaseEndings.inflect("abai", .dative) == "abai-ға")
        #expect(KazakhCaseEndings.inflect("botai", .genitive) == "botai-дың")
        #expect(KazakhCaseEndings.inflect("tau", .locative) == "tau-да")
        #expect(KazakhCaseEndings.inflect("zhetisu", .dative) == "zhetisu-ға")
        #expect(KazakhCaseEndings.ending(after: "«berel»", .dative) == "-ге")
    }
}
