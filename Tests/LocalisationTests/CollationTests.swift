import DocumentModel
import Localisation
import EDTF
import Testing

@Suite struct CollationTests {
    func sorted(_ words: [String], _ language: String) -> [String] {
        let collation = Collation(language: LanguageTag(language))
        return words.sorted { collation.key($0) < collation.key($1) }
    }

    @Test func kazakhHeadwordsFollowTheOfficialAlphabet() {
        // One headword for each of the 42 letters, in the official order.
        let ordered = ["Абай", "Әлихан", "Бөкейхан", "Вокзал", "Гүл", "Ғалым", "Дала", "Ел", "Ёлка", "Жер", "Зерде",
                       "Ит", "Йод", "Көл", "Қала", "Лақ", "Мұра", "Нар", "Ңғ", "Орда", "Өзен", "Перне", "Рух", "Сақ",
                       "Тау", "Ұлт", "Ұя", "Үй", "Фабрика", "Хан", "Һижра", "Цирк", "Чай", "Шоқан", "Щит", "Ъ-белгі",
                       "Ыбырай", "Іле", "Ь-белгі", "Экран", "Юрта", "Ясауи"].filter { !$0.isEmpty }
        let shuffled = ordered.reversed() + []
        #expect(sorted(Array(shuffled), "kk") == ordered)
        let collation = Collation(language: LanguageTag("kk"))
        #expect(Collation.kazakhAlphabet.count == 42)
        #expect(ordered.map { collation.initial($0) } == ordered.map { String($0.first!) }.map { $0 == "Ұ" ? "Ұ" : $0 })
    }

    @Test func kazakhIsNotCodePointOrder() {
        // Code points put І (U+0406) before А and Ә (U+04D8) after Я; the alphabet has І between Ы and Ь.
        #expect(sorted(["Іле", "Ясауи", "Әуезов", "Абай", "Ыбырай", "Эмба"], "kk") == ["Абай", "Әуезов", "Ыбырай", "Іле", "Эмба", "Ясауи"])
    }

    @Test func russianSortsЁWithЕ() {
        #expect(sorted(["Ёж", "Ель", "Еда", "Жук"], "ru") == ["Еда", "Ёж", "Ель", "Жук"])
        #expect(Collation(language: LanguageTag("ru")).initial("Ёлка") == "Е")
        #expect(Collation(language: LanguageTag("kk")).initial("Ёлка") == "Ё")
    }

    @Test func caseDoesNotMatterAndWordsComeFirst() {
        #expect(sorted(["Берелі", "Берел қорымы", "берел"], "kk") == ["берел", "Берел қорымы", "Берелі"])
        #expect(sorted(["apple", "Zebra", "Éclair"], "en") == ["apple", "Éclair", "Zebra"])
    }

    /// Ties decided as CLDR and ICU decide them (docs/format.md, "Alphabetical order").
    @Test func tiesAreBrokenAsICUBreaksThem() {
        #expect(sorted(["Берел", "берел"], "kk") == ["берел", "Берел"])
        #expect(sorted(["Ақ-Орда", "Ақ Орда", "Ақ-Мешіт"], "kk") == ["Ақ-Мешіт", "Ақ Орда", "Ақ-Орда"])
        #expect(sorted(["Алашқа", "Алаш Орда", "Алаш (партия)", "Алаш"], "kk") == ["Алаш", "Алаш (партия)", "Алаш Орда", "Алашқа"])
        // A Russian book files a Kazakh letter as its nearest Russian one (Қ as К), after it where all else ties.
        #expect(sorted(["Кыргыз", "Қызылорда", "Кызыл"], "ru") == ["Кызыл", "Қызылорда", "Кыргыз"])
        #expect(sorted(["Қара", "Кара"], "ru") == ["Кара", "Қара"])
        #expect(Collation(language: LanguageTag("ru")).initial("Қызылорда") == "К")
    }

    @Test func digitsAndOtherScriptsHaveTheirPlace() {
        #expect(sorted(["Абай", "1916 жылғы көтеріліс", "Berel"], "kk") == ["1916 жылғы көтеріліс", "Абай", "Berel"])
        #expect(Collation(language: LanguageTag("kk")).initial("1916") == "0–9")
    }
}

@Suite struct DateTextTests {
    static let cases: [(String, String, String, String)] = [
        // EDTF, kk, ru, en
        ("1845-08-10", "1845 жылғы 10 тамыз", "10 августа 1845 г.", "10 August 1845"),
        ("1845-08", "1845 жылғы тамыз", "август 1845 г.", "August 1845"),
        ("1845", "1845 ж.", "1845 г.", "1845"),
        ("1845~", "шамамен 1845 ж.", "ок. 1845 г.", "c. 1845"),
        ("1845?", "1845 ж. (?)", "1845 г. (?)", "1845?"),
        ("184X", "1840-жылдар", "1840-е гг.", "1840s"),
        ("18XX", "XIX ғ.", "XIX в.", "19th century"),
        ("-0399", "б.з.б. 400 ж.", "400 г. до н. э.", "400 BC"),
        ("-03XX", "б.з.б. IV ғ.", "IV в. до н. э.", "4th century BC"),
        ("1941/1945", "1941–1945 жж.", "1941–1945 гг.", "1941–1945"),
        ("1XXX", "II мыңжылдық", "II тыс.", "2nd millennium"),
        ("-184X", "б.з.б. 1850–1841 жж.", "1850–1841 гг. до н. э.", "1850–1841 BC"),
        ("-0399/-0200", "б.з.б. 400–201 жж.", "400–201 гг. до н. э.", "400–201 BC"),
        ("../1917", "1917 жылға дейін", "до 1917 г.", "until 1917"),
        ("1917/..", "1917 жылдан бастап", "с 1917 г.", "from 1917"),
        // ru «ок.», «с», «до» take the genitive; kk «бастап» the ablative, «дейін» the dative.
        ("2004-06~", "шамамен 2004 жылғы маусым", "ок. июня 2004 г.", "c. June 2004"),
        ("186X~", "шамамен 1860-жылдар", "ок. 1860-х гг.", "c. 1860s"),
        ("2004-01-01/..", "2004 жылғы 1 қаңтардан бастап", "с 1 января 2004 г.", "from 1 January 2004"),
        ("../2004-06", "2004 жылғы маусымға дейін", "до июня 2004 г.", "until June 2004"),
        ("2004-21/..", "2004 жылдың көктемінен бастап", "с весны 2004 г.", "from spring 2004"),
        ("../1845-09", "1845 жылғы қыркүйекке дейін", "до сентября 1845 г.", "until September 1845"),
        // One form of the BCE marker, and once for an interval.
        ("-0399-05", "б.з.б. 400 жылғы мамыр", "май 400 г. до н. э.", "May 400 BC"),
        ("-0399-05/-0200", "б.з.б. 400 жылғы мамыр – 201 ж.", "май 400 г. – 201 г. до н. э.", "May 400 – 201 BC"),
        ("1845-08-10/1904-07-06", "1845 жылғы 10 тамыз – 1904 жылғы 6 шілде", "10 августа 1845 г. – 6 июля 1904 г.", "10 August 1845 – 6 July 1904"),
    ]

    @Test(arguments: cases)
    func eachFormInEachLanguage(_ case_: (String, String, String, String)) throws {
        let value = try EDTFValue.parse(case_.0)
        #expect(DateText(language: LanguageTag("kk")).text(value) == case_.1)
        #expect(DateText(language: LanguageTag("ru")).text(value) == case_.2)
        #expect(DateText(language: LanguageTag("en")).text(value) == case_.3)
    }

    @Test func numbersAndCoordinates() {
        #expect(ValueText(language: LanguageTag("kk")).number("12000") == "12\u{00A0}000")
        #expect(ValueText(language: LanguageTag("ru")).number("1000") == "1000")
        #expect(ValueText(language: LanguageTag("en")).number("1000.5") == "1,000.5")
        #expect(ValueText(language: LanguageTag("en")).coordinates(latitude: 49.37, longitude: 86.43) == "49.37°\u{00A0}N, 86.43°\u{00A0}E")
        #expect(ValueText(language: LanguageTag("ru")).coordinates(latitude: 49.37, longitude: -86.4) == "49,37°\u{00A0}с. ш., 86,4°\u{00A0}з. д.")
    }
}
