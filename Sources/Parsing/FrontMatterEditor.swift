import DocumentModel

/// Edits one key of a version file's front matter in place, leaving every
/// other byte as it was (comments, spacing, line endings): for
/// `asyl translations --mark`, which writes `translated-from:`.
public enum FrontMatterEditor {
    public enum Failure: Error, Equatable {
        /// The value runs over more than one line, so where it ends is not plain.
        case valueOverLines(line: Int)
        /// The file has no front matter to add the key to.
        case noFrontMatter
    }

    /// The value `--mark` writes: the source language and its sections' fingerprints.
    public static func translationValue(language: LanguageTag, sections: [BodySection]) -> String {
        let lead = sections.first { $0.anchor == nil }?.print ?? SectionPrinter.print([])
        let marked = sections.compactMap { section in section.anchor.map { "\($0): \(section.print)" } }
        return "{language: \(language.rawValue), lead: \(lead)"
            + (marked.isEmpty ? "" : ", sections: {\(marked.joined(separator: ", "))}") + "}"
    }

    /// The line (1-based) of the front matter's top-level `key:`, whatever its value; nil when it has none.
    public static func line(of key: String, in text: String) -> Int? {
        let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard let first = lines.first, isFence(first),
              let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == Array("...".utf8) })
        else { return nil }
        let prefix = Array((key + ":").utf8)
        return (1..<close).first { lines[$0].starts(with: prefix) }.map { $0 + 1 }
    }

    /// `text` with `key: value` written over the key at `line` (1-based, as
    /// the parser found it), or, when `line` is nil, added as the front
    /// matter's last line. Lines are cut at LF bytes, so a CR before one
    /// stays where it was.
    public static func set(_ key: String, to value: String, in text: String, at line: Int?) throws(Failure) -> String {
        var lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let written = Array("\(key): \(value)".utf8)
        guard let line else {
            guard lines.first.map(isFence) == true,
                  let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == Array("...".utf8) })
            else { throw .noFrontMatter }
            lines.insert(written + (lines[0].last == 0x0D ? [0x0D] : []), at: close)
            return String(decoding: Array(lines.joined(separator: [0x0A])), as: UTF8.self)
        }
        let index = line - 1
        let keyBytes = Array((key + ":").utf8)
        guard lines.indices.contains(index), let start = firstIndex(of: keyBytes, in: lines[index]),
              let end = valueEnd(lines[index], from: start + keyBytes.count)
        else { throw .valueOverLines(line: line) }
        lines[index] = Array(lines[index][..<start]) + written + Array(lines[index][end...])
        return String(decoding: Array(lines.joined(separator: [0x0A])), as: UTF8.self)
    }

    /// `---`, after a byte-order mark on the file's first line.
    private static func isFence(_ line: [UInt8]) -> Bool {
        var trimmed = line.starts(with: [0xEF, 0xBB, 0xBF]) ? line.dropFirst(3) : line[...]
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        return Array(trimmed) == Array("---".utf8)
    }

    private static func firstIndex(of needle: [UInt8], in line: [UInt8]) -> Int? {
        guard line.count >= needle.count else { return nil }
        return (0...(line.count - needle.count)).first { line[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// Where the value after `key:` ends on its line: after the `}` that
    /// closes a flow mapping, or before a comment or the line's end for a
    /// plain value; nil when it goes on to another line.
    private static func valueEnd(_ line: [UInt8], from start: Int) -> Int? {
        let (space, tab, cr, hash) = (UInt8(0x20), UInt8(0x09), UInt8(0x0D), UInt8(ascii: "#"))
        var index = start
        while index < line.count, line[index] == space || line[index] == tab { index += 1 }
        guard index < line.count, line[index] != cr, line[index] != hash else { return nil }
        if line[index] == UInt8(ascii: "{") {
            var depth = 0
            var quote: UInt8?
            for position in index..<line.count {
                let byte = line[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 { return position + 1 }
                }
            }
            return nil
        }
        guard ![UInt8(ascii: "["), UInt8(ascii: "|"), UInt8(ascii: ">")].contains(line[index]) else { return nil }
        var end = index
        for position in index..<line.count {
            let byte = line[position]
            if byte == cr || (byte == hash && line[position - 1] == space) { break }
            if byte != space && byte != tab { end = position + 1 }
        }
        return end
    }
}
