import Diagnostics

/// RFC 4180 rows from UTF-8 bytes, one at a time, each field with the line
/// and column (in Unicode scalars) where it starts. Written here because the
/// CSV readers of the mirror (SwiftCSV, CSV.swift) give no positions, and a
/// finding in an archive's spreadsheet must point at its cell.
///
/// Lenient where RFC 4180 is strict and nothing is lost: `\n`, `\r\n` and `\r`
/// all end a line, a last line may lack its end. What would lose or change
/// text is a problem with its position: a quote inside a field not in quotes,
/// text after a closing quote, a quote never closed.
struct CSVTokenizer {
    struct Field: Sendable {
        var text: String
        /// Where the field starts: its opening quote, if it has one.
        var position: SourcePosition
        var isQuoted: Bool

        /// Where the value's first character is.
        var valuePosition: SourcePosition {
            isQuoted ? SourcePosition(line: position.line, column: position.column + 1) : position
        }

        /// The field without the white space around its value, starting where its value does.
        var trimmed: Field {
            let leading = text.prefix { $0.isWhitespace && $0 != "\n" }
            guard !leading.isEmpty || text.last?.isWhitespace == true else { return self }
            var copy = self
            copy.text = text.trimmingWhitespace
            copy.position.column += leading.unicodeScalars.count
            return copy
        }

        /// The value's first line, for an underline.
        var range: SourceRange {
            let firstLine = text.prefix { $0 != "\n" }.unicodeScalars.count
            return SourceRange(line: valuePosition.line, column: valuePosition.column, length: firstLine)
        }
    }

    struct Row: Sendable {
        var fields: [Field]
        /// Where the row's line ends (for a finding about a missing field).
        var end: SourcePosition
    }

    enum Problem: Sendable {
        case quoteInUnquotedField
        case textAfterClosingQuote
        case quoteNotClosed
    }

    private let bytes: [UInt8]
    private let separator: UInt8
    private var offset = 0
    private var line = 1
    private var column = 1
    private(set) var problems: [(problem: Problem, position: SourcePosition)] = []

    init(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.separator = separator
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private var here: SourcePosition { SourcePosition(line: line, column: column) }

    /// Moves past one byte, counting columns by scalars (continuation bytes count for nothing).
    private mutating func advance() {
        let byte = bytes[offset]
        offset += 1
        if byte == Self.newline {
            line += 1
            column = 1
        } else if byte == Self.carriageReturn {
            if offset < bytes.count, bytes[offset] == Self.newline { offset += 1 }
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private func isLineEnd(_ byte: UInt8) -> Bool { byte == Self.newline || byte == Self.carriageReturn }

    /// The next row, or nil at the end of the input. A blank line is a row of one empty field.
    mutating func nextRow() -> Row? {
        guard offset < bytes.count else { return nil }
        var fields: [Field] = []
        while true {
            fields.append(field())
            guard offset < bytes.count else { return Row(fields: fields, end: here) }
            let byte = bytes[offset]
            if byte == separator {
                // The next field, empty if the separator ends the input.
                advance()
                continue
            }
            // A line end.
            let end = here
            advance()
            return Row(fields: fields, end: end)
        }
    }

    private mutating func field() -> Field {
        let start = here
        guard offset < bytes.count, bytes[offset] == Self.quote else {
            let begin = offset
            var sawQuote = false
            while offset < bytes.count, bytes[offset] != separator, !isLineEnd(bytes[offset]) {
                if bytes[offset] == Self.quote, !sawQuote {
                    sawQuote = true
                    problems.append((.quoteInUnquotedField, here))
                }
                advance()
            }
            return Field(text: String(decoding: bytes[begin..<offset], as: UTF8.self), position: start, isQuoted: false)
        }
        advance()
        var text: [UInt8] = []
        while true {
            guard offset < bytes.count else {
                problems.append((.quoteNotClosed, start))
                return Field(text: String(decoding: text, as: UTF8.self), position: start, isQuoted: true)
            }
            let byte = bytes[offset]
            if byte == Self.quote {
                advance()
                if offset < bytes.count, bytes[offset] == Self.quote {
                    text.append(Self.quote)
                    advance()
                    continue
                }
                break
            }
            // Line ends inside quotes are kept as `\n`.
            if isLineEnd(byte) {
                text.append(Self.newline)
            } else {
                text.append(byte)
            }
            advance()
        }
        if offset < bytes.count, bytes[offset] != separator, !isLineEnd(bytes[offset]) {
            problems.append((.textAfterClosingQuote, here))
            let begin = offset
            while offset < bytes.count, bytes[offset] != separator, !isLineEnd(bytes[offset]) { advance() }
            text += bytes[begin..<offset]
        }
        return Field(text: String(decoding: text, as: UTF8.self), position: start, isQuoted: true)
    }
}
