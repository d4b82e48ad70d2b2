import Localisation
import Testing

@Suite struct KazakhHyphenationTests {
    /// Words with their syllables as Kazakh spelling rules divide them.
    static let words: [(String, String)] = [
        ("балалар", "ба-ла-лар"), ("қазақстан", "қа-зақс-тан"), ("мұражай", "мұ-ра-жай"), ("ескерткіш", "ес-керт-кіш"),
        ("таулар", "тау-лар"), ("кітапхана", "кі-тап-ха-на"), ("алматы", "ал-ма-ты"), ("өзендер", "ө-зен-дер"),
        ("облысы", "об-лы-сы"), ("жазушылар", "жа-зу-шы-лар"), ("киіз", "киіз"), ("ауылы", "ауы-лы"),
    ]

    @Test(arguments: words)
    func syllableBoundaries(_ pair: (String, String)) {
        let hyphenated = KazakhHyphenation.insertSoftHyphens(pair.0)
        // Breaks that would leave one letter alone are not offered.
        let expected = pair.1.split(separator: "-").map(String.init)
        var allowed = [String]()
        var current = ""
        for (index, part) in expected.enumerated() {
            current += part
            let restCount = expected[(index + 1)...].joined().count
            if index == expected.count - 1 || (current.count >= 2 && restCount >= 2) {
                allowed.append(current)
                current = ""
            }
        }
        if !current.isEmpty { allowed[allowed.count - 1] += current }
        #expect(hyphenated.split(separator: "\u{00AD}").map(String.init) == allowed, "\(pair.0)")
    }

    @Test func shortWordsAndOtherScriptsAreLeftAlone() {
        #expect(KazakhHyphenation.insertSoftHyphens("ауыл") == "ауыл")
        #expect(KazakhHyphenation.insertSoftHyphens("Berel, 1865") == "Berel, 1865")
        #expect(KazakhHyphenation.insertSoftHyphens("«Абай жолы»") == "«Абай жолы»")
    }
}
