import Localisation
import Testing

@Suite struct SearchFoldingTests {
    @Test func foldsCaseYoAndTurkishIs() {
        #expect(SearchFolding.fold("Неподалёку") == "неподалеку")
        #expect(SearchFolding.fold("ЁЛКА") == "елка")
        #expect(SearchFolding.fold("Qıyın İle") == "qiyin ile")
        #expect(SearchFolding.fold("ҰЛЫТАУ") == "ұлытау")
    }

    @Test func givesTheWordsFoldingChangesOnceInTheirOrder() {
        let markup = Array("<entry><title>Алтынказган</title><p>Курган неподалёку от <link target=\"x\">Берёзовки</link>, неподалёку.</p></entry>".utf8)
        #expect(SearchFolding.foldedWords(inMarkup: markup) == ["неподалеку", "березовки", "березовки,", "неподалеку."])
    }

    @Test func aWordRunsOnAcrossATagAndItsEntitiesAreRead() {
        let markup = Array("<p><link target=\"k\">Королёв</link>тың &amp;Ёж</p>".utf8)
        #expect(SearchFolding.foldedWords(inMarkup: markup) == ["королев", "королевтың", "&еж"])
    }

    @Test func readsNoAttributeAndFindsNothingWithoutTheLetters() {
        #expect(SearchFolding.foldedWords(inMarkup: Array("<p title=\"ёж\">Қазақ тілі</p>".utf8)).isEmpty)
        #expect(SearchFolding.foldedWords(inMarkup: Array("<fact label=\"Ёмкость\">10</fact>".utf8)).isEmpty)
        #expect(SearchFolding.foldedWords(inMarkup: []).isEmpty)
    }
}
