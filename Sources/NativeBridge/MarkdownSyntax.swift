/// A CommonMark + GFM syntax tree as plain Swift values: what cmark-gfm
/// parsed, before Asyl gives it meaning. Positions are 1-based lines and
/// 1-based columns in Unicode scalars of the text that was parsed.
public struct MarkdownNode: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case footnoteDefinition(label: String)
        case table(alignments: [TableAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case text
        case softBreak
        case lineBreak
        case code
        case htmlInline
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(destination: String, title: String)
        case footnoteReference(label: String)
        /// Anything this build of cmark-gfm knows and Asyl does not (a custom node).
        case other(String)
        /// Content nested deeper than `MarkdownParser.maximumDepth`, left out.
        case nestingLimit
    }

    public enum TableAlignment: Hashable, Sendable {
        case none, left, center, right
    }

    public var kind: Kind
    /// Text of text, code, HTML and code-block nodes.
    public var literal: String
    public var start: Position
    public var end: Position
    public var children: [MarkdownNode]

    /// A line and a column; `(0, 0)` where cmark-gfm records no position
    /// (soft breaks, some autolinks).
    public struct Position: Hashable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public var isKnown: Bool { line > 0 }
    }

    public init(kind: Kind, literal: String = "", start: Position, end: Position, children: [MarkdownNode] = []) {
        self.kind = kind
        self.literal = literal
        self.start = start
        self.end = end
        self.children = children
    }
}
