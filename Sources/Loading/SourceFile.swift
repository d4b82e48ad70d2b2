/// A text file of the source tree, read and checked to be UTF-8.
public struct SourceFile: Hashable, Sendable {
    /// Relative to the tree's root, with `/` separators.
    public var path: String
    /// The text with line ends made `\n` and a leading byte-order mark removed.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The text of a line (1-based), without its line end. (Searched as
    /// bytes: a report quotes thousands of lines.)
    public func line(_ number: Int) -> Substring? {
        guard number >= 1 else { return nil }
        let bytes = text.utf8
        var start = bytes.startIndex
        for _ in 1..<number {
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = bytes.index(after: newline)
        }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        return text[start..<end]
    }
}

/// The name of a version file, `ID.LANG.md`, taken apart.
public struct VersionFileName: Hashable, Sendable {
    public var id: String
    public var language: String

    /// Nil when the name is not of the form `ID.LANG.md` with a valid ID.
    public init?(_ fileName: String) {
        guard fileName.hasSuffix(".md") else { return nil }
        let parts = fileName.dropLast(3).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        else { return nil }
        id = String(parts[0])
        language = String(parts[1])
    }
}
