import Foundation
import Testing
@testable import Messages

/// Every message Asyl's code makes names the values its English template
/// uses, no more and no fewer: a value missing would be shown as `{name}`
/// to the editor, one too many is a translation the catalogues never say.
@Suite struct MessageUsesTests {
    /// `Message(.key)` and `Message(.key, ["name": …, …])` as the sources write them.
    struct Use: CustomStringConvertible {
        var file: String
        var key: String
        /// The names of the dictionary literal's entries; nil when the values are not given as a literal.
        var names: Set<String>?
        var description: String { "\(file): Message(.\(key))" }
    }

    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    static func uses() throws -> [Use] {
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return try files.flatMap { file in
            let text = Array(try String(contentsOf: file, encoding: .utf8))
            return uses(in: text, file: file.lastPathComponent)
        }
    }

    /// Finds each `Message(.` and reads to its closing parenthesis, keeping
    /// the names that open an entry of its dictionary at the literal's own depth.
    static func uses(in text: [Character], file: String) -> [Use] {
        let opening = Array("Message(.")
        var found: [Use] = []
        var index = 0
        while index + opening.count <= text.count {
            guard Array(text[index..<index + opening.count]) == opening, index == 0 || !text[index - 1].isLetter else {
                index += 1
                continue
            }
            var cursor = index + opening.count
            var key = ""
            while cursor < text.count, text[cursor].isLetter || text[cursor].isNumber {
                key.append(text[cursor])
                cursor += 1
            }
            while cursor < text.count, text[cursor] == " " { cursor += 1 }
            var names: Set<String>? = []
            if cursor < text.count, text[cursor] == "," {
                cursor += 1
                while cursor < text.count, text[cursor].isWhitespace { cursor += 1 }
                names = cursor < text.count && text[cursor] == "[" ? dictionaryNames(text, from: cursor) : nil
            }
            found.append(Use(file: file, key: key, names: names))
            index = cursor
        }
        return found
    }

    /// The string keys of the dictionary literal that opens at `start`.
    static func dictionaryNames(_ text: [Character], from start: Int) -> Set<String> {
        var names: Set<String> = []
        var depth = 0
        var cursor = start
        while cursor < text.count {
            switch text[cursor] {
            case "[", "(": depth += 1
            case "]", ")":
                depth -= 1
                if depth == 0 { return names }
            case "\"":
                var end = cursor + 1
                while end < text.count, text[end] != "\"" { end += text[end] == "\\" ? 2 : 1 }
                if depth == 1, end + 1 < text.count, text[end + 1] == ":" { names.insert(String(text[cursor + 1..<end])) }
                cursor = end
            default: break
            }
            cursor += 1
        }
        return names
    }

    @Test func everyUseNamesTheValuesOfItsTemplate() throws {
        let english = MessageCatalogue(language: .english, text: try #require(MessageCatalogue.shippedText(.english)))
        let uses = try Self.uses()
        #expect(uses.count > 300, "the scan found the sources' messages")
        for use in uses {
            let template = try #require(english.templates[use.key], "\(use): no such key in en.messages")
            guard let names = use.names else { continue }
            #expect(names == template.placeholders, "\(use)")
        }
    }

    @Test func theScanReadsNestedValuesAtTheirOwnDepth() {
        let text = Array(#"x = Message(.checkDidYouMean, ["suggestion": Message(.checkX, ["inner": 1]).text, "n": f("a": 2)])"#)
        let uses = Self.uses(in: text, file: "t.swift")
        #expect(uses.map(\.key) == ["checkDidYouMean", "checkX"])
        #expect(uses.first?.names == ["suggestion", "n"])
        #expect(uses.last?.names == ["inner"])
    }
}
