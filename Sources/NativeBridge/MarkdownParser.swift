import CCmarkGFM
import Foundation

/// Parses CommonMark with GitHub's tables, strikethrough, autolinks and
/// footnotes. The only file that calls cmark-gfm: its tree is converted into
/// `MarkdownNode` values and freed before `parse` returns.
public enum MarkdownParser {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm adds the extensions' special characters (`~`, `:`, `w`) to a
    /// global table while it parses a document's inlines, and takes them out
    /// when it is done (github/cmark-gfm#176): two documents finished at once
    /// would lose each other's strikethroughs and autolinks. Block parsing, the
    /// larger part, still runs on every core.
    private static let inlines = NSLock()

    public static func parse(_ text: String) -> MarkdownNode {
        _ = registered
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS
        guard let parser = cmark_parser_new(options) else {
            return MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = inlines.withLock({ cmark_parser_finish(parser) }) else {
            return MarkdownNode(kind: .document, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
        }
        defer { cmark_node_free(root) }
        let columns = ColumnMap(utf8: utf8)
        return convert(root, columns, depth: 0)
    }

    /// Deeper trees are cut here, as a `nestingLimit` node: no encyclopedia
    /// nests quotes or lists a hundred deep, and recursion must stay bounded.
    public static let maximumDepth = 100

    private static func convert(_ node: OpaquePointer, _ columns: ColumnMap, depth: Int) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        if depth >= maximumDepth, child != nil {
            let start = columns.position(
                line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
            return MarkdownNode(kind: .nestingLimit, start: start, end: start)
        }
        while let current = child {
            children.append(convert(current, columns, depth: depth + 1))
            child = cmark_node_next(current)
        }
        let start = columns.position(
            line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
        let end = columns.position(
            line: Int(cmark_node_get_end_line(node)), byteColumn: Int(cmark_node_get_end_column(node)))
        var kind = kind(of: node)
        // cmark-gfm keeps footnote labels private (a reference's literal is its
        // number); read them from the source at the node's position.
        switch kind {
        case .footnoteReference:
            kind = .footnoteReference(label: columns.footnoteLabel(
                line: start.line, byteColumn: Int(cmark_node_get_start_column(node))))
        case .footnoteDefinition:
            kind = .footnoteDefinition(label: columns.footnoteLabel(line: start.line, byteColumn: 1))
        default:
            break
        }
        return MarkdownNode(
            kind: kind, literal: string(cmark_node_get_literal(node)),
            start: start, end: end, children: children)
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition(label: "")
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: "")
        default:
            // Extension nodes have no fixed enum value in the public headers; their names do.
            let name = string(cmark_node_get_type_string(node))
            switch name {
            case "table": return .table(alignments: alignments(of: node))
            case "table_header": return .tableRow(isHeader: true)
            case "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .other(name)
            }
        }
    }

    private static func alignments(of table: OpaquePointer) -> [MarkdownNode.TableAlignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(table))
        guard let raw = cmark_gfm_extensions_get_table_alignments(table) else {
            return Array(repeating: .none, count: count)
        }
        return (0..<count).map { index in
            switch raw[index] {
            case UInt8(ascii: "l"): .left
            case UInt8(ascii: "c"): .center
            case UInt8(ascii: "r"): .right
            default: .none
            }
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

/// Turns cmark-gfm's 1-based UTF-8 byte columns into 1-based scalar columns.
private struct ColumnMap {
    private let utf8: [UInt8]
    private var lineStarts: [Int] = [0]
    /// For each byte, its scalar's 1-based column on its line (one pass, so
    /// every node's conversion is a look-up, however long the paragraph).
    private var columnOfByte: [Int32]

    init(utf8: [UInt8]) {
        self.utf8 = utf8
        columnOfByte = Array(repeating: 1, count: utf8.count + 1)
        var column: Int32 = 0
        for (index, byte) in utf8.enumerated() {
            if byte & 0xC0 != 0x80 { column += 1 }
            columnOfByte[index] = column
            if byte == UInt8(ascii: "\n") {
                lineStarts.append(index + 1)
                column = 0
            }
        }
        columnOfByte[utf8.count] = column + 1
    }

    /// The label of the first `[^label]` at or after a byte column of a line
    /// (cmark's columns count bytes): read from there, so a line of many
    /// references costs each only its own label.
    func footnoteLabel(line: Int, byteColumn: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let end = line < lineStarts.count ? lineStarts[line] : utf8.count
        var index = min(lineStarts[line - 1] + max(byteColumn - 1, 0), end)
        while index + 1 < end, utf8[index] != UInt8(ascii: "[") || utf8[index + 1] != UInt8(ascii: "^") { index += 1 }
        guard index + 1 < end else { return "" }
        var labelEnd = index + 2
        while labelEnd < end, utf8[labelEnd] != UInt8(ascii: "]") { labelEnd += 1 }
        return String(decoding: utf8[(index + 2)..<labelEnd], as: UTF8.self)
    }

    func position(line: Int, byteColumn: Int) -> MarkdownNode.Position {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else {
            return .init(line: 0, column: 0)
        }
        // An end position names the last byte of its scalar, which maps to that scalar too.
        let index = min(lineStarts[line - 1] + byteColumn - 1, utf8.count)
        return .init(line: line, column: Int(columnOfByte[index]))
    }
}
