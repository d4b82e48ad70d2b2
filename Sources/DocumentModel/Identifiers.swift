/// An entry's identifier: lowercase ASCII letters, digits and `-`, taken from
/// its file name and stable forever (it becomes the URL and the EPUB anchor).
public struct EntryID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, Codable, CodingKeyRepresentable {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (a: EntryID, b: EntryID) -> Bool { a.rawValue < b.rawValue }

    /// Whether the text has the form an ID must have.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }
}

/// A BCP 47 language tag as listed under `languages` (`kk`, `ru`, `en`, `kk-Latn`).
public struct LanguageTag: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, Codable,
    CodingKeyRepresentable
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (a: LanguageTag, b: LanguageTag) -> Bool { a.rawValue < b.rawValue }

    /// Letters, digits and `-`, starting with a letter: enough to tell a tag
    /// from a typo without a registry of every subtag.
    public static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}

/// Text given once per language: titles, labels, names.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var values: [LanguageTag: String]

    public init(_ values: [LanguageTag: String] = [:]) { self.values = values }

    public subscript(language: LanguageTag) -> String? { values[language] }

    /// The text in `language`, else in the first of `fallbacks` that has it.
    public func text(in language: LanguageTag, fallbacks: [LanguageTag]) -> String? {
        values[language] ?? fallbacks.lazy.compactMap { values[$0] }.first
    }
}
