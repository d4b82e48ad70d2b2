import Diagnostics
import Yams

/// libyaml's errors in the words of someone who writes YAML by hand: what is
/// wrong on which line, what to write instead, and the change where it is
/// plain. "mapping values are not allowed in this context" becomes "a ':'
/// inside a value needs the value in quotes", with the quoted line.
struct YAMLErrorExplainer {
    /// The YAML text's lines, without their line breaks.
    let lines: [[Unicode.Scalar]]
    let path: String
    let lineOffset: Int
    let rule: Rule

    init(text: String, path: String, lineOffset: Int, rule: Rule) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Array((line.last == "\r" ? line.dropLast() : line).unicodeScalars)
        }
        self.path = path
        self.lineOffset = lineOffset
        self.rule = rule
    }

    func diagnostic(problem: String, at mark: Mark, context: YamlError.Context?) -> Diagnostic {
        let line = mark.line
        let column = max(mark.column, 1)
        switch (problem, context?.text) {
        case ("mapping values are not allowed in this context", _):
            return colonInValue(line: line, column: column)
        case ("did not find expected key", "while parsing a block mapping"?):
            return misindentedKey(line: line, column: column, mapping: context!.mark)
        case ("could not find expected ':'", "while scanning a simple key"?):
            return keyWithoutColon(line: context!.mark.line, column: max(context!.mark.column, 1))
        case ("found unexpected end of stream", "while scanning a quoted scalar"?):
            return unclosedQuote(line: context!.mark.line, column: max(context!.mark.column, 1))
        case ("did not find expected ',' or ']'", "while parsing a flow sequence"?):
            return unclosed("[", "]", Message(.yamlListNotClosed), line: context!.mark.line, column: max(context!.mark.column, 1))
        case ("did not find expected ',' or '}'", "while parsing a flow mapping"?):
            return unclosed("{", "}", Message(.yamlMappingNotClosed), line: context!.mark.line, column: max(context!.mark.column, 1))
        default:
            if character(line, column) == "\t" || problem.contains("tab") {
                return tab(line: line, column: column)
            }
            if problem == "found character that cannot start any token", let character = character(line, column) {
                return reservedStart(character, line: line, column: column)
            }
            let notes = context.map { context in
                [Diagnostic.Note(Message(.yamlProblemContext, ["context": context.text, "line": context.mark.line + lineOffset]))]
            }
            return finding(Message(.yamlInvalidProblem, ["problem": problem]), line: line, column: column, notes: notes ?? [])
        }
    }

    // MARK: The mistakes people make

    /// `title: Абай: жолы`: the second `: ` would start a key.
    private func colonInValue(line: Int, column: Int) -> Diagnostic {
        guard let value = value(on: line), value.start < column - 1 else {
            // `  place-type: city` under `title: Алматы`: read as the rest of the title.
            let here = indentation(line)
            if let above = lineWithText(above: line),
               indentation(above) < here, self.value(on: above) != nil {
                let key = word(line, from: here)
                let parent = word(above, from: indentation(above))
                return finding(
                    Message(.yamlKeyReadAsValue, ["key": key, "parent": parent]),
                    line: line, column: here + 1,
                    fix: reindenting(line, from: here, to: indentation(above)))
            }
            return finding(Message(.yamlColonStartsNoKey), line: line, column: column)
        }
        let text = String(String.UnicodeScalarView(lines[line - 1][value.start..<value.end]))
        let quoted = Self.quoted(text)
        return finding(
            Message(.yamlColonInValue),
            line: line, column: column,
            fix: fix(line: line, from: value.start, to: value.end, with: quoted))
    }

    /// A key indented differently from the other keys of its mapping.
    private func misindentedKey(line: Int, column: Int, mapping: Mark) -> Diagnostic {
        let here = indentation(line)
        let expected = max(mapping.column, 1) - 1
        let first = word(mapping.line, from: expected)
        let text = lines[safe: line - 1] ?? []
        if text.dropFirst(here).starts(with: ["-", " "]) || text.dropFirst(here) == ["-"] {
            return finding(
                Message(.yamlListItemForKey, ["first": first, "line": mapping.line + lineOffset]),
                line: line, column: column)
        }
        // `title: "Берел` and then `region: "[[…]]"`: the quote ran on and closed in the next value.
        if let open = (mapping.line...line).first(where: { opensQuoteItDoesNotClose($0) }) {
            return unclosedQuote(line: open, column: (valueStart(on: open) ?? 0) + 1)
        }
        let key = word(line, from: here)
        guard here != expected else {
            return finding(Message(.yamlLineNotKey, ["first": first, "line": mapping.line + lineOffset]), line: line, column: column)
        }
        // Between the keys just above and the mapping's: most often one of those above, a space short.
        if let above = lineWithText(above: line),
           indentation(above) > here, here > expected {
            let sibling = word(above, from: indentation(above))
            return finding(
                Message(.yamlKeyBetweenMappings, [
                    "key": key, "column": here + 1, "sibling": sibling, "siblingColumn": indentation(above) + 1,
                    "first": first, "firstColumn": expected + 1,
                ]),
                line: line, column: here + 1,
                fix: reindenting(line, from: here, to: indentation(above)))
        }
        return finding(
            Message(.yamlKeyMisindented, [
                "key": key, "column": here + 1, "first": first, "line": mapping.line + lineOffset, "firstColumn": expected + 1,
            ]),
            line: line, column: here + 1,
            fix: reindenting(line, from: here, to: expected))
    }

    /// A line read as the start of a key that never gets its `:`, most
    /// often a value continued on the next line without indentation.
    private func keyWithoutColon(line: Int, column: Int) -> Diagnostic {
        let here = indentation(line)
        let above = lineWithText(above: line)
        let under = above.map { indentation($0) + 2 } ?? 2
        return finding(
            Message(.yamlKeyWithoutColon),
            line: line, column: column,
            fix: here < under ? reindenting(line, from: here, to: under) : nil)
    }

    private func unclosedQuote(line: Int, column: Int) -> Diagnostic {
        let quote = character(line, column) ?? "\""
        let text = lines[safe: line - 1] ?? []
        let end = lastNonSpace(text)
        let closable = !text[min(column, text.count)...].contains(quote) && end > column
        return finding(
            Message(.yamlQuoteNotClosed, ["quote": String(quote)]),
            line: line, column: column,
            fix: closable ? fix(line: line, from: end, to: end, with: String(quote)) : nil)
    }

    /// `message` says which (a list or a mapping) is not closed.
    private func unclosed(_ open: Unicode.Scalar, _ close: Unicode.Scalar, _ message: Message, line: Int, column: Int) -> Diagnostic {
        let text = lines[safe: line - 1] ?? []
        let end = lastNonSpace(text)
        let closable = !text[min(column, text.count)...].contains(close) && !text[min(column, text.count)...].contains(open)
        return finding(
            message,
            line: line, column: column,
            fix: closable ? fix(line: line, from: end, to: end, with: String(close)) : nil)
    }

    private func tab(line: Int, column: Int) -> Diagnostic {
        let text = lines[safe: line - 1] ?? []
        let leading = text.prefix { $0 == " " || $0 == "\t" }.count
        guard leading >= column - 1 else {
            return finding(Message(.yamlTab), line: line, column: column)
        }
        let above = lineWithText(above: line)
        let width = above.map { indentation($0) } ?? 0
        return finding(
            Message(.yamlTabInIndentation),
            line: line, column: column,
            fix: reindenting(line, from: leading, to: width))
    }

    /// `title: @abai` or `` title: `Абай` ``: a character YAML keeps for itself.
    private func reservedStart(_ character: Unicode.Scalar, line: Int, column: Int) -> Diagnostic {
        guard let value = value(on: line), value.start == column - 1 else {
            return finding(Message(.yamlReservedStart, ["character": String(character)]), line: line, column: column)
        }
        let text = String(String.UnicodeScalarView(lines[line - 1][value.start..<value.end]))
        return finding(
            Message(.yamlReservedStart, ["character": String(character)]), line: line, column: column,
            fix: fix(line: line, from: value.start, to: value.end, with: Self.quoted(text)))
    }

    // MARK: Reading the lines

    /// Where the value of `key: value` on a line is (0-based scalar offsets),
    /// up to a comment; nil when the line has no key or no value.
    private func value(on line: Int) -> (start: Int, end: Int)? {
        guard let text = lines[safe: line - 1] else { return nil }
        var index = indentation(line)
        if text.dropFirst(index).starts(with: ["-", " "]) { index += 2 }
        while index < text.count, text[index] != ":" || (index + 1 < text.count && text[index + 1] != " ") {
            index += 1
        }
        guard index < text.count else { return nil }
        var start = index + 1
        while start < text.count, text[start] == " " { start += 1 }
        var end = text.count
        for offset in start..<text.count where text[offset] == "#" && offset > start && text[offset - 1] == " " {
            end = offset
            break
        }
        while end > start, text[end - 1] == " " { end -= 1 }
        guard start < end, !["\"", "'", "[", "{", "|", ">"].contains(text[start]) else { return nil }
        return (start, end)
    }

    /// Where the value of `key: value` starts on a line (0-based), quoted or not.
    private func valueStart(on line: Int) -> Int? {
        guard let text = lines[safe: line - 1] else { return nil }
        var index = indentation(line)
        while index + 1 < text.count, !(text[index] == ":" && text[index + 1] == " ") { index += 1 }
        guard index + 1 < text.count else { return nil }
        index += 1
        while index < text.count, text[index] == " " { index += 1 }
        return index < text.count ? index : nil
    }

    /// A value that opens a quote and does not close it on its line.
    private func opensQuoteItDoesNotClose(_ line: Int) -> Bool {
        guard let start = valueStart(on: line), let text = lines[safe: line - 1], ["\"", "'"].contains(text[start]) else { return false }
        let quote = text[start]
        var index = start + 1
        while index < text.count {
            if quote == "\"", text[index] == "\\" { index += 2; continue }
            if text[index] == quote { return false }
            index += 1
        }
        return true
    }

    /// The nearest line above `line` with anything but spaces and tabs on it.
    private func lineWithText(above line: Int) -> Int? {
        (1..<line).reversed().first { !(lines[safe: $0 - 1] ?? []).allSatisfy { $0 == " " || $0 == "\t" } }
    }

    private func indentation(_ line: Int) -> Int { (lines[safe: line - 1] ?? []).prefix { $0 == " " }.count }

    private func character(_ line: Int, _ column: Int) -> Unicode.Scalar? { lines[safe: line - 1]?[safe: column - 1] }

    /// The key or first word at `offset` of a line.
    private func word(_ line: Int, from offset: Int) -> String {
        let text = (lines[safe: line - 1] ?? []).dropFirst(offset).prefix { $0 != ":" && $0 != " " }
        return String(String.UnicodeScalarView(text))
    }

    private func lastNonSpace(_ text: [Unicode.Scalar]) -> Int {
        var end = text.count
        while end > 0, text[end - 1] == " " { end -= 1 }
        return end
    }

    /// A double-quoted YAML string of `text`.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // MARK: Findings, in the file's lines

    /// The line's first `width` characters of indentation made `spaces` spaces.
    private func reindenting(_ line: Int, from width: Int, to spaces: Int) -> Diagnostic.Fix {
        fix(line: line, from: 0, to: width, with: String(repeating: " ", count: spaces))
    }

    private func fix(line: Int, from start: Int, to end: Int, with text: String) -> Diagnostic.Fix {
        Diagnostic.Fix(
            replacing: SourcePosition(line: line + lineOffset, column: start + 1),
            upTo: SourcePosition(line: line + lineOffset, column: end + 1), with: text)
    }

    private func finding(
        _ message: Message, line: Int, column: Int, notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil
    ) -> Diagnostic {
        Diagnostic(rule, message, at: SourceLocation(path: path, line: line + lineOffset, column: column), notes: notes, fix: fix)
    }
}
