/// What a cataloguer reads of an edition besides its title and entries
/// (docs/format.md, "Publication details"): who made it, what it is about,
/// which series it is a volume of, its ISBNs, its date and its cover.
/// Only the outline of a book (package, title page, imprint, cover) prints
/// these, so no chunk is made from them.
public struct PublicationDetails: Hashable, Sendable, Codable {
    /// The e-book's ISBN per language (`isbn:`), as written.
    public var isbn: LocalizedText
    /// The print book's ISBN per language (`print-isbn:`), as written.
    public var printISBN: LocalizedText
    public var contributors: [Contributor]
    public var description: LocalizedText
    public var rights: LocalizedText
    /// The series the edition is a volume of; empty: the project's title.
    public var series: LocalizedText
    /// Its number in the series; nil: the edition is not a volume of one.
    public var volume: Int?
    /// When it is published, as written (`2024`, `2024-05`, `2024-05-17`); nil: the build's day.
    public var published: String?
    /// The project's own cover image per language (a path in the tree); none: Asyl makes one.
    public var cover: LocalizedText
    /// What the imprint of the printed book adds (`udc`, `bbk`, `print-run`, `paper-format`, `printer`).
    public var printing: PrintingDetails

    public init(
        isbn: LocalizedText = LocalizedText(), printISBN: LocalizedText = LocalizedText(), contributors: [Contributor] = [],
        description: LocalizedText = LocalizedText(), rights: LocalizedText = LocalizedText(),
        series: LocalizedText = LocalizedText(), volume: Int? = nil, published: String? = nil, cover: LocalizedText = LocalizedText(),
        printing: PrintingDetails = PrintingDetails()
    ) {
        self.isbn = isbn
        self.printISBN = printISBN
        self.contributors = contributors
        self.description = description
        self.rights = rights
        self.series = series
        self.volume = volume
        self.published = published
        self.cover = cover
        self.printing = printing
    }

    /// Each of its texts, with whether it is written in a language (and so
    /// may be transliterated) or is a code or a path, the same in any script.
    public mutating func visitTexts(_ visit: (inout LocalizedText, LocalizedText.Nature) -> Void) {
        visit(&isbn, .code)
        visit(&printISBN, .code)
        visit(&cover, .code)
        visit(&description, .prose)
        visit(&rights, .prose)
        visit(&series, .prose)
        visit(&printing.printer, .prose)
        for index in contributors.indices { visit(&contributors[index].name, .prose) }
    }
}

/// The lines of a printed book's imprint that a library and the press read
/// (the «шығу деректері» / «выходные данные»): its classification codes,
/// print run, sheet format and printer. Each is the same in every language
/// but the printer's name.
public struct PrintingDetails: Hashable, Sendable, Codable {
    /// Universal Decimal Classification (УДК, kk ӘОЖ), as written: `94(574)(031)`.
    public var udc: String?
    /// Library-Bibliographic Classification (ББК, kk КБЖ), as written: `63.3(5Қаз)я2`.
    public var bbk: String?
    /// Copies printed.
    public var printRun: Int?
    public var paperFormat: PaperFormat?
    /// The printing house, per language.
    public var printer: LocalizedText

    public init(
        udc: String? = nil, bbk: String? = nil, printRun: Int? = nil, paperFormat: PaperFormat? = nil,
        printer: LocalizedText = LocalizedText()
    ) {
        self.udc = udc
        self.bbk = bbk
        self.printRun = printRun
        self.paperFormat = paperFormat
        self.printer = printer
    }
}

/// The press sheet in centimetres and the fraction of it a page is:
/// `70×100/16` is a 70 × 100 cm sheet folded to sixteenths.
public struct PaperFormat: Hashable, Sendable, Codable {
    public var width: Int
    public var height: Int
    public var fraction: Int

    public init(width: Int, height: Int, fraction: Int) {
        self.width = width
        self.height = height
        self.fraction = fraction
    }

    /// `70×100/16` (or with `x`, or the `1/16` Russian imprints write); nil if it is not one.
    public init?(parsing text: String) {
        guard let match = text.wholeMatch(of: /([1-9][0-9]{1,2}) ?[×xXхХ] ?([1-9][0-9]{1,2}) ?(?:\/|1\/)([1-9][0-9]?)/),
              let width = Int(match.1), let height = Int(match.2), let fraction = Int(match.3)
        else { return nil }
        self.init(width: width, height: height, fraction: fraction)
    }
}

extension LocalizedText {
    /// Whether a text is written in a language or is the same in every script.
    public enum Nature: Sendable {
        case prose
        /// An ISBN, a path: never transliterated.
        case code
    }
}

/// A person who made a book, with what they did (`contributors:`).
public struct Contributor: Hashable, Sendable, Codable {
    /// "Family, Given" in each language, as sources.yaml writes names.
    public var name: LocalizedText
    public var role: ContributorRole
    /// The languages whose books name them; empty: every language.
    public var languages: [LanguageTag]

    public init(name: LocalizedText, role: ContributorRole, languages: [LanguageTag] = []) {
        self.name = name
        self.role = role
        self.languages = languages
    }
}

/// What a contributor did, with its MARC relator code.
public enum ContributorRole: String, Hashable, Sendable, CaseIterable, Codable {
    case editorInChief = "editor-in-chief"
    case editor
    case compiler
    case translator
    case reviewer

    /// The MARC relator code (id.loc.gov/vocabulary/relators).
    public var relator: String {
        switch self {
        case .editorInChief, .editor: "edt"
        case .compiler: "com"
        case .translator: "trl"
        case .reviewer: "rev"
        }
    }

    /// Whether the book is theirs (`dc:creator`) rather than their help in it (`dc:contributor`).
    /// A work under editorial direction is the editors' and compilers'.
    public var isCreator: Bool {
        switch self {
        case .editorInChief, .editor, .compiler: true
        case .translator, .reviewer: false
        }
    }
}

/// An ISBN-13 as written (`978-601-7431-03-7`): 13 digits after hyphens and
/// spaces between them are taken out, prefix 978 or 979, and a check digit
/// that agrees with the others.
public struct ISBN: Hashable, Sendable {
    /// The 13 digits.
    public let digits: String

    public enum Problem: Error, Hashable, Sendable {
        /// Not 13 digits (with hyphens or spaces between them).
        case notThirteenDigits
        /// An ISBN-10, and the ISBN-13 it is.
        case isbn10(thirteen: String)
        case prefix
        case checkDigit(expected: Character)
    }

    public static func parse(_ text: String) -> Result<ISBN, Problem> {
        let separators: Set<Character> = ["-", " "]
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let digits = String(trimmed.filter { !separators.contains($0) })
        let wellFormed = !trimmed.isEmpty && !separators.contains(trimmed.first!) && !separators.contains(trimmed.last!)
            && !trimmed.contains("--") && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x") }
        guard wellFormed else { return .failure(.notThirteenDigits) }
        if digits.count == 10, let thirteen = thirteen(fromTen: digits) { return .failure(.isbn10(thirteen: thirteen)) }
        guard digits.count == 13, digits.allSatisfy(\.isNumber) else { return .failure(.notThirteenDigits) }
        guard digits.hasPrefix("978") || digits.hasPrefix("979") else { return .failure(.prefix) }
        let expected = checkDigit(digits.prefix(12))
        guard digits.last == expected else { return .failure(.checkDigit(expected: expected)) }
        return .success(ISBN(digits: digits))
    }

    private init(digits: String) { self.digits = digits }

    /// The ISBN-13 check digit of twelve digits: weights 1 and 3 in turn.
    static func checkDigit(_ twelve: Substring) -> Character {
        let sum = twelve.enumerated().reduce(0) { sum, pair in sum + pair.element.wholeNumberValue! * (pair.offset.isMultiple(of: 2) ? 1 : 3) }
        return Character(String((10 - sum % 10) % 10))
    }

    /// The ISBN-13 of a valid ISBN-10 (978, its first nine digits, a new check digit); nil if it is not one.
    static func thirteen(fromTen ten: String) -> String? {
        let values = ten.map { $0 == "X" || $0 == "x" ? 10 : $0.wholeNumberValue ?? -1 }
        guard values.prefix(9).allSatisfy({ (0...9).contains($0) }), (0...10).contains(values[9]) else { return nil }
        let sum = values.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) }
        guard sum.isMultiple(of: 11) else { return nil }
        let twelve = "978" + ten.prefix(9)
        return twelve + String(checkDigit(Substring(twelve)))
    }
}
