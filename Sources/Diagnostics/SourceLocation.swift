/// A place in a source file, as editors count: lines from 1, columns from 1 in
/// Unicode scalars (so «Ә» is one column, not two UTF-8 bytes).
public struct SourcePosition: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A span of one file; `end` is inclusive of the last scalar's column.
public struct SourceRange: Hashable, Sendable, Codable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = max(start, end)
    }

    public init(line: Int, column: Int, length: Int = 1) {
        self.init(
            start: SourcePosition(line: line, column: column),
            end: SourcePosition(line: line, column: column + max(length, 1) - 1))
    }

    /// The whole of a one-line range's width, for the caret underline.
    public var widthOnFirstLine: Int? {
        start.line == end.line ? end.column - start.column + 1 : nil
    }
}

/// A range in a named file. `path` is relative to the source tree's root,
/// with `/` separators, exactly as findings print it.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var path: String
    public var range: SourceRange?

    public init(path: String, range: SourceRange? = nil) {
        self.path = path
        self.range = range
    }

    public init(path: String, line: Int, column: Int, length: Int = 1) {
        self.init(path: path, range: SourceRange(line: line, column: column, length: length))
    }
}
