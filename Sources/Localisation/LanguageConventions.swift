import DocumentModel

/// How each language writes what Asyl generates: one row per language, and
/// the code that is truly per language (collation, date grammar,
/// transliteration, hyphenation) registered in it. Adding a language means
/// adding a row here and a file to `styles/l10n/`; nothing else asks which
/// language it is.
public struct LanguageConventions: Sendable {
    /// Which grammar dates are written in (`DateText`).
    public enum DateForms: Sendable { case kazakh, russian, english }

    public struct Quotes: Sendable {
        public var open: String
        public var close: String
        public var innerOpen: String
        public var innerClose: String
    }

    public var tag: LanguageTag
    /// Upper case, in order: what `Collation` sorts by.
    public var alphabet: [Character]
    /// Letters sorted as another letter of the alphabet (Russian Ё as Е;
    /// Kazakh letters in a Russian headword as their nearest Russian letter).
    public var collationEquivalents: [Character: Character]
    /// Pairs i/İ and ı/I, which general case mapping does not (Kazakh Latin).
    public var dottedAndDotlessI: Bool
    public var dateForms: DateForms
    public var quotes: Quotes
    /// For a hyphen between spaces (`Абай — ақын`; en `Abai – poet`).
    public var spacedDash: String
    /// Between thousands: a no-break space or a comma.
    public var thousandsSeparator: String
    /// Whether four-digit numbers are grouped too (`1,000`; kk and ru write `1000`).
    public var groupsFourDigits: Bool
    public var decimalSeparator: String
    /// North, south, east, west after a coordinate.
    public var compassPoints: (north: String, south: String, east: String, west: String)
    /// Text generated in the source language's forms, written in this one's
    /// script (kk-Latn: Kazakh forms, transliterated); nil for a language of its own.
    public var writeGenerated: (@Sendable (String) -> String)?
    /// Soft hyphens at syllable boundaries, for print, where a paged-media
    /// engine has no patterns for the language; nil when it has them.
    public var printHyphenation: (@Sendable (String) -> String)?

    /// The row of `tag`, else of its primary language (`en-GB` → `en`), else `other`'s.
    public static func of(_ tag: LanguageTag) -> LanguageConventions {
        if let row = table[tag.rawValue] { return row }
        let primary = tag.rawValue.split(separator: "-").first.map(String.init) ?? tag.rawValue
        var row = table[primary] ?? other
        row.tag = tag
        return row
    }

    static let kazakh = LanguageConventions(
        tag: LanguageTag("kk"), alphabet: Collation.kazakhAlphabet, collationEquivalents: [:], dottedAndDotlessI: false,
        dateForms: .kazakh, quotes: Quotes(open: "«", close: "»", innerOpen: "„", innerClose: "“"), spacedDash: "—",
        thousandsSeparator: "\u{00A0}", groupsFourDigits: false, decimalSeparator: ",",
        compassPoints: ("с. е.", "о. е.", "ш. б.", "б. б."), writeGenerated: nil,
        printHyphenation: KazakhHyphenation.insertSoftHyphens)

    static let russian = LanguageConventions(
        tag: LanguageTag("ru"), alphabet: Collation.russianAlphabet.filter { $0 != "Ё" },
        collationEquivalents: ["Ё": "Е", "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И"],
        dottedAndDotlessI: false, dateForms: .russian, quotes: kazakh.quotes, spacedDash: "—", thousandsSeparator: "\u{00A0}",
        groupsFourDigits: false, decimalSeparator: ",", compassPoints: ("с. ш.", "ю. ш.", "в. д.", "з. д."), writeGenerated: nil,
        printHyphenation: nil)

    static let english = LanguageConventions(
        tag: LanguageTag("en"), alphabet: Collation.englishAlphabet, collationEquivalents: [:], dottedAndDotlessI: false,
        dateForms: .english, quotes: Quotes(open: "“", close: "”", innerOpen: "‘", innerClose: "’"), spacedDash: "–",
        thousandsSeparator: ",", groupsFourDigits: true, decimalSeparator: ".", compassPoints: ("N", "S", "E", "W"),
        writeGenerated: nil, printHyphenation: nil)

    /// A language with no row of its own: the Latin alphabet's order and English
    /// dates, with the quotes, dashes and number forms of most of Europe and
    /// Central Asia («», a spaced em dash, `12 000,5`), until it is given a row.
    static let other: LanguageConventions = {
        var row = english
        row.tag = LanguageTag("und")
        row.quotes = kazakh.quotes
        row.spacedDash = "—"
        row.thousandsSeparator = "\u{00A0}"
        row.groupsFourDigits = false
        row.decimalSeparator = ","
        return row
    }()

    /// Kazakh in the Latin alphabet of 2021, made from the Kazakh versions (docs/kazakh-latin.md).
    static let kazakhLatin: LanguageConventions = {
        var row = kazakh
        row.tag = LanguageTag("kk-Latn")
        row.alphabet = KazakhLatin.alphabet
        row.dottedAndDotlessI = true
        row.writeGenerated = KazakhLatin.transliterate
        row.printHyphenation = nil
        return row
    }()

    private static let table: [String: LanguageConventions] = [
        "kk": kazakh, "ru": russian, "en": english, "kk-Latn": kazakhLatin,
    ]
}
