import Diagnostics
import DocumentModel
import NativeBridge

/// Turns cmark-gfm's tree of a version's body into Asyl's blocks and inlines,
/// with wiki-links, citations, figures, footnotes and heading anchors as
/// cases of their own, and every node's range in the file's lines.
struct BodyParser {
    private let path: String
    private let body: String
    /// The body's lines, split on first use; body line 1 is file line `firstLine`.
    private var splitLines: [Substring]?
    private let firstLine: Int
    private var diagnostics: [Diagnostic] = []
    private var anchors = Slug.Deduplicator()
    private var explicitAnchors: Set<String> = []
    private var footnotes: [Footnote] = []
    /// Where each scalar of a body line starts (its byte offsets), made when
    /// a position on that line is first looked for.
    private var scalarStarts: [Int: [Int32]] = [:]
    private var steps = 0

    struct Result {
        var blocks: [Block]
        var footnotes: [Footnote]
        var diagnostics: [Diagnostic]
        /// How many bytes and positions the scan of inlines looked at, after
        /// cmark's own pass: a test holds it linear in the body's length.
        var steps: Int
    }

    static func parse(_ body: String, firstLine: Int, path: String) -> Result {
        var parser = BodyParser(
            path: path, body: body, firstLine: firstLine)
        let document = MarkdownParser.parse(body)
        parser.reserveExplicitAnchors(document)
        let whole = SourceRange(line: firstLine, column: 1)
        var blocks: [Block] = []
        for node in document.children {
            if case .footnoteDefinition(let label) = node.kind {
                let range = parser.range(node, fallback: whole)
                parser.footnotes.append(Footnote(label: label, blocks: parser.blocks(node.children, parent: range), range: range))
            } else {
                blocks += parser.blocks([node], parent: whole)
            }
        }
        parser.reportUnusedFootnoteDefinitions(document)
        return Result(blocks: blocks, footnotes: parser.footnotes, diagnostics: parser.diagnostics, steps: parser.steps)
    }

    private init(path: String, body: String, firstLine: Int) {
        self.path = path
        self.body = body
        self.firstLine = firstLine
    }

    // MARK: Blocks

    private mutating func blocks(_ nodes: [MarkdownNode], parent: SourceRange) -> [Block] {
        var result: [Block] = []
        for node in nodes {
            let range = range(node, fallback: parent)
            switch node.kind {
            case .paragraph:
                if let figure = figure(node, range: range) {
                    result.append(Block(.figure(figure), range: range))
                } else {
                    result.append(Block(.paragraph(inlines(node.children, parent: range)), range: range))
                }
            case .heading(let level):
                if level == 1 {
                    report(.markup, Message(.bodyHeadingLevelOne), range)
                }
                result.append(Block(.heading(heading(node, level: level, range: range)), range: range))
            case .blockQuote:
                result.append(Block(.blockQuote(blocks(node.children, parent: range)), range: range))
            case .list(let ordered, let start, let tight):
                let items = node.children.compactMap { item -> [Block]? in
                    // An item cut at the depth limit is reported where it starts, not dropped unsaid.
                    if case .nestingLimit = item.kind {
                        reportNestingLimit(self.range(item, fallback: range))
                        return nil
                    }
                    return blocks(item.children, parent: self.range(item, fallback: range))
                }
                result.append(Block(.list(List(isOrdered: ordered, start: start, isTight: tight, items: items)), range: range))
            case .item:
                result += blocks(node.children, parent: range)
            case .codeBlock(let info):
                // As CommonMark keeps it: every line ends with its line break, and the info string's first word names the language.
                let language = String(info.prefix { !$0.isWhitespace })
                result.append(Block(.codeBlock(language: language, code: node.literal), range: range))
            case .htmlBlock:
                report(.markup, Message(.bodyRawHTML), range)
            case .thematicBreak:
                result.append(Block(.thematicBreak, range: range))
            case .table(let alignments):
                result.append(Block(.table(table(node, alignments: alignments, range: range)), range: range))
            case .footnoteDefinition(let label):
                footnotes.append(Footnote(label: label, blocks: blocks(node.children, parent: range), range: range))
            case .nestingLimit:
                reportNestingLimit(range)
            case .document, .tableRow, .tableCell, .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis,
                 .strong, .strikethrough, .link, .image, .footnoteReference, .other:
                result.append(Block(.paragraph(inlines([node], parent: range)), range: range))
            }
        }
        return result
    }

    /// A paragraph holding one image and nothing else is a figure.
    private mutating func figure(_ paragraph: MarkdownNode, range: SourceRange) -> Figure? {
        let meaningful = paragraph.children.filter { child in
            !(child.kind == .text && child.literal.allSatisfy(\.isWhitespace)) && child.kind != .softBreak
        }
        guard meaningful.count == 1, case .image(let destination, let title) = meaningful[0].kind else { return nil }
        let alt = inlines(meaningful[0].children, parent: range).plainText
        return Figure(image: MediaReference(path: destination), alt: alt, caption: title.isEmpty ? nil : title)
    }

    private mutating func heading(_ node: MarkdownNode, level: Int, range: SourceRange) -> Heading {
        var content = inlines(node.children, parent: range)
        var explicit: String?
        if let last = content.last, case .text(let text) = last.kind,
           let (anchor, kept, closed) = Self.explicitAnchor(in: text).map({ ($0.anchor, $0.kept, true) })
               ?? Self.unclosedAnchor(in: text).map({ ($0.anchor, $0.kept, false) }) {
            if !closed {
                // `## Зерттелуі {#research`: read as the fix makes it, so no brace reaches a book.
                let written = lines()[safe: range.start.line - firstLine].map(String.init)
                let after = written.flatMap { $0.range(of: "{#" + anchor, options: .backwards) }
                    .map { written![..<$0.upperBound].unicodeScalars.count + 1 }
                diagnostics.append(Diagnostic(
                    .markup, Message(.bodyAnchorUnclosed, ["anchor": anchor]), at: SourceLocation(path: path, range: last.range),
                    fix: after.map { Diagnostic.Fix(inserting: "}", at: SourcePosition(line: range.start.line, column: $0)) }))
            }
            if !Self.isValidAnchor(anchor) {
                report(.markup, Message(.bodyAnchorInvalid, ["anchor": anchor]), last.range)
            } else if explicitAnchors.contains(anchor) {
                report(.markup, Message(.bodyAnchorDuplicate, ["anchor": anchor]), last.range)
            } else {
                explicit = anchor
                explicitAnchors.insert(anchor)
            }
            if kept.isEmpty { content.removeLast() } else { content[content.count - 1].kind = .text(kept) }
        }
        let anchor: String
        if let explicit {
            anchor = explicit
        } else {
            anchor = anchors.unique(Slug.make(content.plainText))
        }
        return Heading(level: level, content: content, anchor: anchor, hasExplicitAnchor: explicit != nil)
    }

    /// Explicit anchors are the ones other languages link to: a slug never takes
    /// one, even from a heading that comes before it.
    private mutating func reserveExplicitAnchors(_ node: MarkdownNode) {
        if case .heading = node.kind, let last = node.children.last, last.kind == .text,
           let (anchor, _) = Self.explicitAnchor(in: last.literal) ?? Self.unclosedAnchor(in: last.literal), Self.isValidAnchor(anchor) {
            anchors.reserve(anchor)
        }
        node.children.forEach { reserveExplicitAnchors($0) }
    }

    /// `Зерттелуі {#research` → ("research", "Зерттелуі"): an anchor left open at the heading's end.
    static func unclosedAnchor(in text: String) -> (anchor: String, kept: String)? {
        // Every heading is asked: a byte scan first, Foundation's search only where a brace is.
        guard text.utf8.contains(UInt8(ascii: "{")), let brace = text.range(of: "{#", options: .backwards), !text[brace.upperBound...].contains("}") else { return nil }
        let anchor = String(text[brace.upperBound...]).trimmingWhitespace
        guard !anchor.isEmpty, !anchor.contains(where: \.isWhitespace) else { return nil }
        return (anchor, String(text[..<brace.lowerBound]).trimmingWhitespace)
    }

    /// `Зерттелуі {#research}` → ("research", "Зерттелуі").
    static func explicitAnchor(in text: String) -> (anchor: String, kept: String)? {
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasSuffix("}"), let brace = trimmed.lastIndex(of: "{"),
              trimmed[trimmed.index(after: brace)...].hasPrefix("#") else { return nil }
        let open = brace..<trimmed.index(brace, offsetBy: 2)
        let anchor = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        guard !anchor.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" }) else { return nil }
        return (anchor, String(trimmed[..<open.lowerBound]).trimmingWhitespace)
    }

    static func isValidAnchor(_ anchor: String) -> Bool {
        guard let first = anchor.first, first.isASCII, first.isLetter else { return false }
        return anchor.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    private mutating func table(_ node: MarkdownNode, alignments: [MarkdownNode.TableAlignment], range: SourceRange) -> Table {
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in node.children {
            let rowRange = self.range(row, fallback: range)
            let cells = row.children.map { cell in inlines(cell.children, parent: self.range(cell, fallback: rowRange)) }
            if case .tableRow(true) = row.kind { header = cells } else { rows.append(cells) }
            reportCellsBeyondTheHeader(of: rowRange.start, columns: alignments.count)
        }
        let mapped: [Table.Alignment] = alignments.map {
            switch $0 {
            case .none: .none
            case .left: .left
            case .center: .center
            case .right: .right
            }
        }
        return Table(alignments: mapped, header: header, rows: rows)
    }

    /// GitHub tables drop the cells of a row beyond the header's count
    /// without a word; counted here from the source line (cmark keeps none).
    private mutating func reportCellsBeyondTheHeader(of row: SourcePosition, columns: Int) {
        // From where the row starts: after a quote's `>` or a list item's marker.
        guard let line = lines()[safe: row.line - firstLine] else { return }
        let text = String.UnicodeScalarView(line.unicodeScalars.dropFirst(row.column - 1))
        var cells: [Int] = []
        var start = 0
        var escaped = false
        var offset = 0
        for scalar in text {
            // As GitHub reads a row, a pipe splits cells even inside a code span; only `\|` does not.
            if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "|" {
                cells.append(start)
                start = offset + 1
            }
            offset += 1
        }
        cells.append(start)
        // A leading and a trailing pipe open and close the row; they start no cell.
        let trimmed = text.drop { $0 == " " }
        if trimmed.first == "|" { cells.removeFirst() }
        if text.reversed().drop(while: { $0 == " " }).first == "|" { cells.removeLast() }
        guard cells.count > columns else { return }
        report(.markup, Message(.bodyTableRowCellsBeyondHeader, ["cells": cells.count, "columns": columns]),
               SourceRange(line: row.line, column: row.column + cells[columns]))
    }

    // MARK: Inlines

    /// An inline before wiki-links and citations are found: text still to be
    /// scanned, a finished inline, or a cmark link that may be `[[x]]` in disguise.
    private enum Piece {
        case text(String, start: SourcePosition)
        case done(Inline)
        case link(MarkdownNode, SourceRange)
    }

    private mutating func inlines(_ nodes: [MarkdownNode], parent: SourceRange) -> [Inline] {
        var pieces: [Piece] = []
        // cmark splits text at every bracket; runs are joined here, in one buffer.
        var run: (text: String, start: SourcePosition)?
        func flush() {
            if let finished = run { pieces.append(.text(finished.text, start: finished.start)) }
            run = nil
        }
        for node in nodes {
            let range = range(node, fallback: parent)
            switch node.kind {
            case .text:
                if run == nil { run = ("", range.start) }
                run!.text += node.literal
            case .link:
                flush()
                pieces.append(.link(node, range))
            default:
                if let inline = inline(node, range: range) {
                    flush()
                    pieces.append(.done(inline))
                }
            }
        }
        flush()
        return resolveSyntax(pieces)
    }

    private mutating func inline(_ node: MarkdownNode, range: SourceRange) -> Inline? {
        switch node.kind {
        case .softBreak: return Inline(.softBreak, range: range)
        case .lineBreak: return Inline(.lineBreak, range: range)
        case .code: return Inline(.code(node.literal), range: range)
        case .emphasis: return Inline(.emphasis(inlines(node.children, parent: range)), range: range)
        case .strong: return Inline(.strong(inlines(node.children, parent: range)), range: range)
        case .strikethrough: return Inline(.strikethrough(inlines(node.children, parent: range)), range: range)
        case .image(let destination, let title):
            let alt = inlines(node.children, parent: range).plainText
            return Inline(.image(MediaReference(path: destination), alt: alt, title: title), range: range)
        case .footnoteReference(let label):
            return Inline(.footnoteReference(label: label), range: range)
        case .htmlInline:
            report(.markup, Message(.bodyRawHTML), range)
            return nil
        case .link(let destination, let title):
            if Self.isRelativeMarkdownLink(destination) {
                report(.markup, Message(.bodyLinkToMarkdownFile), range)
            } else if !WebAddress.isFollowable(destination) {
                report(.markup, Message(.bodyLinkNotWeb, ["destination": destination]), range)
            }
            return Inline(
                .externalLink(url: WebAddress.percentEncoded(destination), title: title, content: inlines(node.children, parent: range)),
                range: range)
        case .text: return Inline(.text(node.literal), range: range)
        case .nestingLimit:
            reportNestingLimit(range)
            return nil
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak,
             .footnoteDefinition, .table, .tableRow, .tableCell, .other:
            return nil
        }
    }

    static func isRelativeMarkdownLink(_ destination: String) -> Bool {
        guard !destination.contains("://"), !destination.hasPrefix("mailto:") else { return false }
        let path = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return path.lowercased().hasSuffix(".md")
    }

    /// Finds `[[…]]` across pieces, then citations and stray footnote marks in the text left.
    /// Iterative, with the rest of a text piece carried as a substring, so a
    /// paragraph with many links costs time in proportion to its length.
    private mutating func resolveSyntax(_ pieces: [Piece]) -> [Inline] {
        var out: [Inline] = []
        var index = 0
        /// What is left of `pieces[index]` after a link that ended inside it.
        var carry: (text: Substring, start: SourcePosition)?
        /// The piece known to hold no `]]` after where the scan is in it: an
        /// unclosed `[[` there does not look again, nor in later pieces that have none.
        var closerless: Int?
        let laterCloser = piecesWithCloserAfter(pieces)
        while index < pieces.count {
            let text: Substring
            let start: SourcePosition
            if let carried = carry {
                (text, start) = carried
                carry = nil
            } else {
                switch pieces[index] {
                case .done(let inline):
                    out.append(inline)
                    index += 1
                    continue
                case .link(let node, let range):
                    out.append(inline(node, range: range)!)
                    index += 1
                    continue
                case .text(let whole, let wholeStart):
                    (text, start) = (Substring(whole), wholeStart)
                }
            }
            // `[` link `]`: a reference definition matched the inside of `[[x]]`.
            if text.hasSuffix("["), index + 2 < pieces.count, case .link(let node, let linkRange) = pieces[index + 1],
               case .text(let after, let afterStart) = pieces[index + 2], after.hasPrefix("]") {
                out += scanText(text.dropLast(), start: start)
                let inner = node.children.map(\.literal).joined()
                let begin = SourcePosition(line: linkRange.start.line, column: max(1, linkRange.start.column - 1))
                let end = SourcePosition(line: afterStart.line, column: afterStart.column)
                out.append(wikiLink(inner: [.text(inner, start: linkRange.start)], range: SourceRange(start: begin, end: end)))
                index += 2
                carry = (Substring(after).dropFirst(), advance(afterStart, by: 1))
                continue
            }
            guard let open = find("[[", in: text) else {
                out += scanText(text, start: start)
                index += 1
                continue
            }
            let before = text[..<open.lowerBound]
            let openColumn = before.scalarCount
            let afterOpen = text[open.upperBound...]
            let linkStart = locate("[[", near: advance(start, by: openColumn))
            // Look for `]]`: in this text, or in a later text piece at this level.
            var inner: [Piece] = []
            var closing: (index: Int, remainder: Substring, remainderStart: SourcePosition, end: SourcePosition)?
            if closerless != index, let close = find("]]", in: afterOpen) {
                let innerText = afterOpen[..<close.lowerBound]
                inner = [.text(String(innerText), start: advance(linkStart, by: 2))]
                let consumed = openColumn + 2 + innerText.scalarCount
                closing = (index, afterOpen[close.upperBound...], advance(start, by: consumed + 2), advance(start, by: consumed + 1))
            } else {
                closerless = index
                if laterCloser[index], !afterOpen.isEmpty { inner = [.text(String(afterOpen), start: advance(linkStart, by: 2))] }
                var look = index + 1
                while look < pieces.count, closing == nil, laterCloser[index] {
                    if case .text(let later, let laterStart) = pieces[look], let close = find("]]", in: later) {
                        let innerText = later[..<close.lowerBound]
                        if !innerText.isEmpty { inner.append(.text(String(innerText), start: laterStart)) }
                        let consumed = innerText.scalarCount
                        closing = (look, Substring(later)[close.upperBound...], advance(laterStart, by: consumed + 2),
                                   advance(laterStart, by: consumed + 1))
                    } else {
                        inner.append(pieces[look])
                        look += 1
                    }
                }
            }
            guard let closing else {
                // Read as the fix would make it, or without the `[[`: no bracket of it reaches a book.
                out += scanText(before, start: start)
                let kept = reportUnclosedLink(after: afterOpen, at: linkStart)
                if let id = kept.id {
                    out.append(wikiLink(inner: [.text(id, start: advance(linkStart, by: 2))],
                                        range: SourceRange(start: linkStart, end: advance(linkStart, by: 1 + id.unicodeScalars.count))))
                }
                let rest = afterOpen.dropFirst(kept.consumed)
                carry = (rest, advance(linkStart, by: 2 + afterOpen[..<rest.startIndex].unicodeScalars.count))
                continue
            }
            out += scanText(before, start: start)
            out.append(wikiLink(inner: inner, range: SourceRange(start: linkStart, end: closing.end)))
            index = closing.index
            carry = (closing.remainder, closing.remainderStart)
        }
        return mergeText(out)
    }

    /// For each piece, whether a text piece after it holds `]]`.
    private mutating func piecesWithCloserAfter(_ pieces: [Piece]) -> [Bool] {
        var after = [Bool](repeating: false, count: pieces.count)
        var seen = false
        for index in pieces.indices.reversed() {
            after[index] = seen
            if case .text(let text, _) = pieces[index], find("]]", in: text) != nil { seen = true }
        }
        return after
    }

    /// `range(ofASCII:)`, counting the bytes it looks at as steps.
    private mutating func find<Text: StringProtocol>(_ needle: StaticString, in text: Text) -> Range<Text.Index>? {
        let found = text.range(ofASCII: needle)
        steps += found.map { text.utf8.distance(from: text.startIndex, to: $0.upperBound) } ?? text.utf8.count
        return found
    }

    /// `[[` with no `]]` after it in its paragraph, with a fix when an entry
    /// id follows it: `[[berel` gets `]]` after the id, `[[berel]` its second
    /// bracket. Returns how the text is read: a link to `id` when there is a
    /// fix, and how many characters after `[[` it takes (the id and its one
    /// bracket, or an id and `|` before a link's text).
    private mutating func reportUnclosedLink(after text: Substring, at start: SourcePosition) -> (id: String?, consumed: Int) {
        let id = text.prefix { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        let end = advance(start, by: 2 + id.unicodeScalars.count)
        let next = text.dropFirst(id.count).first
        let message: Message
        var fix: Diagnostic.Fix?
        if !id.isEmpty, next == "]" {
            message = Message(.bodyLinkClosedByOneBracket, ["id": id])
            fix = Diagnostic.Fix(inserting: "]", at: end)
        } else if !id.isEmpty, next.map({ $0.isWhitespace || $0.isPunctuation && !"|#-".contains($0) }) ?? true {
            message = Message(.bodyLinkUnclosedAfterID, ["id": id])
            fix = Diagnostic.Fix(inserting: "]]", at: end)
        } else {
            message = Message(.bodyLinkUnclosed)
        }
        let range = SourceRange(start: start, end: SourcePosition(line: end.line, column: end.column - 1))
        diagnostics.append(Diagnostic(.markup, message, at: SourceLocation(path: path, range: range), fix: fix))
        if fix != nil { return (String(id), id.count + (next == "]" ? 1 : 0)) }
        return (nil, next == "|" ? id.count + 1 : 0)
    }

    /// Builds a wiki-link from what stood between `[[` and `]]`.
    private mutating func wikiLink(inner: [Piece], range: SourceRange) -> Inline {
        var target = ""
        var content: [Piece]?
        if case .text(let first, let start)? = inner.first, let bar = first.firstIndex(of: "|") {
            target = String(first[..<bar])
            let after = String(first[first.index(after: bar)...])
            let afterStart = advance(start, by: target.scalarCount + 1)
            content = (after.isEmpty ? [] : [.text(after, start: afterStart)]) + inner.dropFirst()
        } else if inner.count == 1, case .text(let only, _) = inner[0] {
            target = only
        } else {
            report(.markup, Message(.bodyLinkTargetFormatted), range)
            target = inner.compactMap { if case .text(let t, _) = $0 { t } else { nil } }.joined()
        }
        target = target.trimmingWhitespace
        var section: String?
        if let hash = target.firstIndex(of: "#") {
            section = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        let text: [Inline]? = content.map { pieces in
            pieces.compactMap { piece in
                switch piece {
                case .text(let string, let start):
                    Inline(.text(string), range: SourceRange(line: start.line, column: start.column, length: string.scalarCount))
                case .done(let inline): inline
                case .link(let node, let range): inline(node, range: range)
                }
            }
        }
        if let text, text.plainText.allSatisfy(\.isWhitespace) {
            report(.markup, Message(.bodyLinkTextEmpty, ["target": target]), range)
        }
        return Inline(.wikiLink(WikiLink(target: EntryID(target), section: section, content: text)), range: range)
    }

    /// Plain text with citations `[@key, locator]` taken out, and `[^x]` that
    /// cmark left as text (a footnote without a definition) reported.
    private mutating func scanText(_ text: Substring, start: SourcePosition) -> [Inline] {
        guard !text.isEmpty else { return [] }
        reportStrayClosers(text, start: start)
        guard text.containsASCII(UInt8(ascii: "[")) else { return withoutStrayClosers([textInline(String(text), start: start)]) }
        // Walk the UTF-8 bytes: brackets are ASCII, so their indices slice the
        // string directly; scalar counts give the columns.
        var out: [Inline] = []
        let utf8 = text.utf8
        var index = utf8.startIndex
        var scalar = 0
        var plainStart = index
        var plainStartScalar = 0
        func isLead(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
        steps += utf8.count
        while index != utf8.endIndex {
            guard utf8[index] == UInt8(ascii: "[") else {
                if isLead(utf8[index]) { scalar += 1 }
                index = utf8.index(after: index)
                continue
            }
            // A bracket run with no bracket inside: `[^label]` or `[… @key …]`.
            var close = utf8.index(after: index)
            var insideScalars = 0
            while close != utf8.endIndex, utf8[close] != UInt8(ascii: "]"), utf8[close] != UInt8(ascii: "[") {
                if isLead(utf8[close]) { insideScalars += 1 }
                close = utf8.index(after: close)
            }
            guard close != utf8.endIndex, utf8[close] == UInt8(ascii: "]") else {
                // A citation left open is read as the fix would make it, or without its `[`.
                if let unclosed = reportUnclosedCitation(text[utf8.index(after: index)..<close], at: advance(start, by: scalar)) {
                    if index > plainStart {
                        out.append(textInline(String(text[plainStart..<index]), start: advance(start, by: plainStartScalar)))
                    }
                    var taken = 1
                    if let key = unclosed.key, let items = citationItems("@" + key, start: unclosed.range.start) {
                        out.append(Inline(.citation(items), range: unclosed.range))
                        taken += 1 + key.unicodeScalars.count
                    }
                    plainStart = utf8.index(index, offsetBy: taken)
                    plainStartScalar = scalar + taken
                } else if let label = reportUnclosedFootnote(text[utf8.index(after: index)..<close], at: advance(start, by: scalar)) {
                    // Printed without the half-written marker: `бар[^1 мұнда` reads `бар мұнда`.
                    if index > plainStart {
                        out.append(textInline(String(text[plainStart..<index]), start: advance(start, by: plainStartScalar)))
                    }
                    plainStart = utf8.index(index, offsetBy: 2 + label.utf8.count)
                    plainStartScalar = scalar + 2 + label.unicodeScalars.count
                }
                scalar += 1 + insideScalars
                index = close
                continue
            }
            let inside = text[utf8.index(after: index)..<close]
            let isFootnote = inside.hasPrefix("^") && inside.count > 1 && !inside.contains(where: \.isWhitespace)
            let next = utf8.index(after: close)
            guard isFootnote || inside.containsASCII(UInt8(ascii: "@")) else {
                // `![Сурет](media/plan.svg "Тақырып`: cmark leaves a link or image it cannot close as text.
                if next != utf8.endIndex, utf8[next] == UInt8(ascii: "("),
                   let skipped = reportUnclosedDestination(text[next...], at: advance(start, by: scalar + 2 + insideScalars)) {
                    // Printed as its text (an image as its alt), without the address and the title;
                    // what follows them is read on (a citation after it is still one).
                    let opener = index > utf8.startIndex && utf8[utf8.index(before: index)] == UInt8(ascii: "!")
                        ? utf8.index(before: index) : index
                    if opener > plainStart {
                        out.append(textInline(String(text[plainStart..<opener]), start: advance(start, by: plainStartScalar)))
                    }
                    out.append(textInline(String(inside), start: advance(start, by: scalar + 1)))
                    scalar += 2 + insideScalars + skipped.scalars
                    index = utf8.index(next, offsetBy: skipped.bytes)
                    plainStart = index
                    plainStartScalar = scalar
                    continue
                }
                scalar += 2 + insideScalars
                index = next
                continue
            }
            let matchStart = locate(isFootnote ? StaticString("[^") : StaticString("["), near: advance(start, by: scalar))
            let matchRange = SourceRange(line: matchStart.line, column: matchStart.column, length: insideScalars + 2)
            if isFootnote {
                report(.markup, Message(.bodyFootnoteUndefined, ["label": inside.dropFirst()]), matchRange)
            } else if let items = citationItems(String(inside), start: matchStart) {
                if index > plainStart {
                    out.append(textInline(String(text[plainStart..<index]), start: advance(start, by: plainStartScalar)))
                }
                out.append(Inline(.citation(items), range: matchRange))
                plainStart = next
                plainStartScalar = scalar + 2 + insideScalars
            }
            scalar += 2 + insideScalars
            index = next
        }
        if plainStart != utf8.endIndex {
            out.append(textInline(String(text[plainStart...]), start: advance(start, by: plainStartScalar)))
        }
        return withoutStrayClosers(out)
    }

    /// A `]]` that closes no link is reported (`reportStrayClosers`), and no book prints it.
    private func withoutStrayClosers(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            guard case .text(let string) = inline.kind, string.range(ofASCII: "]]") != nil else { return inline }
            return Inline(.text(string.replacingOccurrences(of: "]]", with: "")), range: inline.range)
        }
    }

    /// `]]` left in text: no `[[` opened a link it could close.
    private mutating func reportStrayClosers(_ text: Substring, start: SourcePosition) {
        var rest = text
        var scalars = 0
        while let close = find("]]", in: rest) {
            scalars += rest[..<close.lowerBound].unicodeScalars.count
            let at = locate("]]", near: advance(start, by: scalars))
            report(.markup, Message(.bodyLinkStrayCloser), SourceRange(line: at.line, column: at.column, length: 2))
            scalars += 2
            rest = rest[close.upperBound...]
        }
    }

    /// `[text](url` or `![alt](path "title` with no `)` in the text cmark
    /// gave back: the fix closes the title's quote, if open, and the parenthesis.
    /// Returns what of `rest` a book keeps (the words after the address,
    /// unless they are a title); nil when `rest` is closed after all.
    /// Returns how much of `rest` the address and its title take (from its
    /// `(`), which a book leaves out; nil when `rest` is closed after all.
    private mutating func reportUnclosedDestination(_ rest: Substring, at estimate: SourcePosition) -> (bytes: Int, scalars: Int)? {
        guard !rest.containsASCII(UInt8(ascii: ")")) else { return nil }
        let at = locate("](", near: SourcePosition(line: estimate.line, column: max(1, estimate.column - 1)))
        let opensTitle = rest.filter { $0 == "\"" }.count % 2 == 1
        let line = lines()[safe: at.line - firstLine]
        let end = line.map { $0.unicodeScalars.reversed().drop { $0 == " " }.count } ?? 0
        let onOneLine = line.map { $0.contains(String(rest).trimmingWhitespace) } ?? false
        let address = rest.dropFirst().prefix { !$0.isWhitespace }
        let afterAddress = String(rest.dropFirst(1 + address.count)).trimmingWhitespace
        // The `)` goes right after the address, or after a title left open to the line's end.
        let fix: Diagnostic.Fix? = switch (afterAddress.isEmpty || !afterAddress.hasPrefix("\""), opensTitle) {
        case (true, _) where onOneLine && !address.isEmpty:
            Diagnostic.Fix(inserting: ")", at: SourcePosition(line: at.line, column: at.column + 2 + address.unicodeScalars.count))
        case (false, true) where onOneLine && end > 0:
            Diagnostic.Fix(inserting: "\")", at: SourcePosition(line: at.line, column: end + 1))
        default:
            nil
        }
        diagnostics.append(Diagnostic(
            .markup, Message(.bodyDestinationUnclosed),
            at: SourceLocation(path: path, range: SourceRange(line: at.line, column: at.column + 1, length: 1)), fix: fix))
        var taken = rest.prefix(1) + rest.dropFirst().prefix { !$0.isWhitespace }
        let afterTaken = rest.dropFirst(taken.count)
        let spaces = afterTaken.prefix { $0 == " " }
        if afterTaken.dropFirst(spaces.count).first == "\"" {
            // A title, up to its closing quote or, left open, to the end.
            let title = afterTaken.dropFirst(spaces.count + 1)
            let closing = title.firstIndex(of: "\"").map { title[...$0] } ?? title[...]
            taken += spaces + "\"" + closing
        }
        return (taken.utf8.count, taken.unicodeScalars.count)
    }

    /// `[^label` with no `]`: the fix closes it after the label.
    /// Returns the label, or nil when `inside` is no footnote reference.
    private mutating func reportUnclosedFootnote(_ inside: Substring, at estimate: SourcePosition) -> Substring? {
        guard inside.hasPrefix("^") else { return nil }
        let label = inside.dropFirst().prefix { !$0.isWhitespace && $0 != "]" }
        guard !label.isEmpty else { return nil }
        let start = locate("[^", near: estimate)
        let end = advance(start, by: 2 + label.unicodeScalars.count)
        diagnostics.append(Diagnostic(
            .markup, Message(.bodyFootnoteReferenceUnclosed, ["label": label]),
            at: SourceLocation(path: path, range: SourceRange(start: start, end: SourcePosition(line: end.line, column: end.column - 1))),
            fix: Diagnostic.Fix(inserting: "]", at: end)))
        return label
    }

    /// `[@key` with no `]` on its line; with a fix when nothing but the key
    /// follows. Returns where it is and, with a fix, its key; nil if `inside` is no citation.
    private mutating func reportUnclosedCitation(_ inside: Substring, at estimate: SourcePosition) -> (range: SourceRange, key: String?)? {
        guard inside.hasPrefix("@"), let first = inside.dropFirst().first, first.isLetter || first.isNumber else { return nil }
        let key = inside.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "_:.-".contains($0)) }
        let start = locate("[", near: estimate)
        let end = advance(start, by: 2 + key.unicodeScalars.count)
        let rest = inside.dropFirst(1 + key.count)
        let onlyKey = rest.allSatisfy(\.isWhitespace)
        let message = Message(onlyKey ? .bodyCitationUnclosed : .bodyCitationUnclosedBeforeLocator, ["key": key])
        let range = SourceRange(start: start, end: SourcePosition(line: end.line, column: end.column - 1))
        diagnostics.append(Diagnostic(
            .markup, message, at: SourceLocation(path: path, range: range),
            fix: onlyKey ? Diagnostic.Fix(inserting: "]", at: end) : nil))
        return (range, onlyKey ? String(key) : nil)
    }

    /// `@a; @b, 12-б.` → items; nil when it is not a citation (`[a@b.c]`).
    private func citationItems(_ inside: String, start: SourcePosition) -> [CitationItem]? {
        var items: [CitationItem] = []
        var offset = 1
        for part in inside.split(separator: ";", omittingEmptySubsequences: false) {
            let leading = part.prefix { $0.isWhitespace }.scalarCount
            let trimmed = part.trimmingWhitespaceSubstring
            guard trimmed.hasPrefix("@") else { return nil }
            // Pandoc's keys: letters, digits and inner `_:.-`, ending in a letter or digit.
            var key = trimmed.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "_:.-".contains($0)) }
            while let last = key.last, !(last.isLetter || last.isNumber) { key = key.dropLast() }
            guard let first = key.first, first.isLetter || first.isNumber else { return nil }
            let afterKey = trimmed.dropFirst(1 + key.count)
            var locator: String?
            if let comma = afterKey.firstIndex(of: ",") {
                guard afterKey[..<comma].allSatisfy(\.isWhitespace) else { return nil }
                let text = String(afterKey[afterKey.index(after: comma)...]).trimmingWhitespace
                locator = text.isEmpty ? nil : text
            } else if !afterKey.allSatisfy(\.isWhitespace) {
                return nil
            }
            let keyStart = advance(start, by: offset + leading)
            items.append(CitationItem(
                key: String(key), locator: locator,
                range: SourceRange(line: keyStart.line, column: keyStart.column, length: key.count + 1)))
            offset += part.scalarCount + 1
        }
        return items.isEmpty ? nil : items
    }

    private func textInline(_ text: String, start: SourcePosition) -> Inline {
        Inline(.text(text), range: SourceRange(line: start.line, column: start.column, length: text.scalarCount))
    }

    private func mergeText(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        // A run of text is joined in one buffer, not copied once per piece.
        var run: (text: String, range: SourceRange)?
        for inline in inlines {
            if case .text(let text) = inline.kind {
                if run == nil { run = ("", inline.range) }
                run!.text += text
                run!.range.end = inline.range.end
                continue
            }
            if let finished = run { out.append(Inline(.text(finished.text), range: finished.range)) }
            run = nil
            out.append(inline)
        }
        if let finished = run { out.append(Inline(.text(finished.text), range: finished.range)) }
        return out
    }

    // MARK: Positions

    private func advance(_ position: SourcePosition, by scalars: Int) -> SourcePosition {
        SourcePosition(line: position.line, column: position.column + scalars)
    }

    /// cmark's text has escapes and entities decoded, so an offset into it can
    /// miss the source column; find `needle` on the source line from there.
    private mutating func lines() -> [Substring] {
        if let splitLines { return splitLines }
        let split = body.lines
        splitLines = split
        return split
    }

    private mutating func locate(_ needle: StaticString, near estimate: SourcePosition) -> SourcePosition {
        let lines = lines()
        let bodyLine = estimate.line - firstLine
        guard bodyLine >= 0, bodyLine < lines.count else { return estimate }
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let line = lines[bodyLine]
        let starts = scalarStarts[bodyLine] ?? {
            var made: [Int32] = []
            for (offset, byte) in line.utf8.enumerated() where byte & 0xC0 != 0x80 { made.append(Int32(offset)) }
            steps += line.utf8.count
            scalarStarts[bodyLine] = made
            return made
        }()
        var looked = 0
        let column = line.utf8.withContiguousStorageIfAvailable {
            Self.nearestMatch(of: pattern, in: $0, starts: starts, near: estimate.column - 1, looked: &looked)
        } ?? Array(line.utf8).withUnsafeBufferPointer {
            Self.nearestMatch(of: pattern, in: $0, starts: starts, near: estimate.column - 1, looked: &looked)
        }
        steps += looked
        return column.map { SourcePosition(line: estimate.line, column: $0 + 1) } ?? estimate
    }

    /// The 0-based scalar column nearest `guess` where the ASCII `pattern`
    /// starts in a line's bytes, given where each scalar starts; usually the
    /// guess is right, and the search spreads out from it when it is not.
    private static func nearestMatch(
        of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, starts: [Int32], near guess: Int,
        looked: inout Int
    ) -> Int? {
        func matches(_ scalar: Int) -> Bool {
            looked += 1
            let offset = Int(starts[scalar])
            guard offset + pattern.count <= bytes.count else { return false }
            for index in pattern.indices where bytes[offset + index] != pattern[index] { return false }
            return true
        }
        if guess >= 0, guess < starts.count, matches(guess) { return guess }
        for distance in 1..<max(starts.count, 1) {
            let after = guess + distance, before = guess - distance
            if after >= 0, after < starts.count, matches(after) { return after }
            if before >= 0, before < starts.count, matches(before) { return before }
            if after >= starts.count && before < 0 { break }
        }
        return nil
    }

    private func range(_ node: MarkdownNode, fallback: SourceRange) -> SourceRange {
        guard node.start.isKnown else { return fallback }
        let start = SourcePosition(line: node.start.line + firstLine - 1, column: node.start.column)
        let end = node.end.isKnown
            ? SourcePosition(line: node.end.line + firstLine - 1, column: max(node.end.column, 1)) : start
        return SourceRange(start: start, end: end)
    }

    // MARK: Footnotes

    /// cmark drops definitions nobody references; find them in the source lines.
    private mutating func reportUnusedFootnoteDefinitions(_ document: MarkdownNode) {
        guard body.range(ofASCII: "[^") != nil else { return }
        let lines = lines()
        let defined = Set(footnotes.map { $0.label.lowercased() })
        var codeLines: Set<Int> = []
        func collectCode(_ node: MarkdownNode) {
            if case .codeBlock = node.kind, node.start.isKnown {
                for line in node.start.line...max(node.start.line, node.end.line) { codeLines.insert(line) }
            }
            node.children.forEach(collectCode)
        }
        collectCode(document)
        for (index, line) in lines.enumerated() where !codeLines.contains(index + 1) {
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3 else { continue }
            let rest = line.dropFirst(indent)
            guard rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]"),
                  rest[rest.index(after: close)...].hasPrefix(":") else { continue }
            let label = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])
            guard !label.isEmpty, !label.contains(where: \.isWhitespace) else { continue }
            if !defined.contains(label.lowercased()) {
                report(.markup, Message(.bodyFootnoteUnreferenced, ["label": label]),
                       SourceRange(line: index + firstLine, column: indent + 1, length: label.count + 3))
            }
        }
    }

    private mutating func reportNestingLimit(_ range: SourceRange) {
        let levels = MarkdownParser.maximumDepth
        report(.markup, Message(.bodyNestingTooDeep, ["levels": levels, "lists": levels / 2 - 1]), range)
    }

    private mutating func report(_ rule: Rule, _ message: Message, _ range: SourceRange) {
        diagnostics.append(Diagnostic(rule, message, at: SourceLocation(path: path, range: range)))
    }
}

extension Substring {
    var trimmingWhitespaceSubstring: Substring {
        var slice = self
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return slice
    }
}
