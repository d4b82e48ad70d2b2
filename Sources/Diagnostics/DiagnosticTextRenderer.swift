/// Prints findings the way compilers do, so editors' tools can jump to them:
///
///     entries/monuments/berel.kk.md:12:7: error: no entry has the id 'berl' [broken-link]
///        12 | Берел [[berl]] қорымы
///           |       ^~~~~~~~
///     entries/monuments/berel.kk.md:12:7: note: did you mean 'berel'?
public struct DiagnosticTextRenderer: Sendable {
    /// Gives the text of a line of a file (1-based), if the file is text.
    public typealias LineLookup = @Sendable (_ path: String, _ line: Int) -> Substring?

    public var colour: Bool
    /// The language of the report's words and messages; rule ids stay as they are.
    public var language: InterfaceLanguage
    /// Source lines longer than this are shown as a window around the column.
    public var maximumLineWidth = 120
    private let line: LineLookup

    public init(colour: Bool, language: InterfaceLanguage = .english, lines: @escaping LineLookup) {
        self.colour = colour
        self.language = language
        self.line = lines
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = heading(diagnostic.location, severity: diagnostic.severity, diagnostic.message.text(in: language))
        out += style(" [\(diagnostic.rule.rawValue)]", .dim) + "\n"
        out += excerpt(diagnostic.location)
        out += fixed(diagnostic)
        for note in diagnostic.notes {
            out += heading(note.location ?? diagnostic.location, severity: .note, note.message.text(in: language)) + "\n"
            if note.location != nil { out += excerpt(note.location!) }
        }
        return out
    }

    public func summary(_ counts: DiagnosticCounts, files: Int) -> String {
        let text = Message(.reportSummary, [
            "errors": Self.count(.error, counts.errors), "warnings": Self.count(.warning, counts.warnings),
            "notes": Self.count(.note, counts.notes), "files": files,
        ]).text(in: language)
        return counts.errors > 0 ? style(text, .bold) : text
    }

    /// "3 errors", "1 warning", "240 notes".
    private static func count(_ severity: Severity, _ n: Int) -> Message {
        switch severity {
        case .error: Message(.countErrors, ["n": n])
        case .warning: Message(.countWarnings, ["n": n])
        case .note: Message(.countNotes, ["n": n])
        }
    }

    /// One line per rule, errors first: how many of each severity it found,
    /// and how many of them the report left out.
    ///
    ///     broken-link   3 errors
    ///     orphan      240 notes (220 not shown)
    public func ruleSummary(_ diagnostics: [Diagnostic], hidden: [Rule: Int]) -> String {
        var counts: [Rule: [Severity: Int]] = [:]
        for diagnostic in diagnostics { counts[diagnostic.rule, default: [:]][diagnostic.severity, default: 0] += 1 }
        func word(_ severity: Severity, _ n: Int) -> String { Self.count(severity, n).text(in: language) }
        let rows = counts.map { rule, severities in
            (rule, Severity.allCases.compactMap { severity in severities[severity].map { word(severity, $0) } })
        }.sorted { a, b in
            let (first, second) = (counts[a.0]!.keys.min()!, counts[b.0]!.keys.min()!)
            return first != second ? first < second : a.0 < b.0
        }
        let width = rows.map(\.0.rawValue.count).max() ?? 0
        return rows.map { rule, words in
            let name = rule.rawValue + String(repeating: " ", count: width - rule.rawValue.count)
            let left = hidden[rule].map { " " + Message(.ruleSummaryHidden, ["hidden": $0]).text(in: language) } ?? ""
            return "  \(style(name, .dim)) \(words.joined(separator: ", "))\(left)\n"
        }.joined()
    }

    private func heading(_ location: SourceLocation, severity: Severity, _ message: String) -> String {
        var place = location.path
        if let start = location.range?.start { place += ":\(start.line):\(start.column)" }
        let (kind, word): (Style, MessageKey) = switch severity {
        case .error: (.red, .severityError)
        case .warning: (.yellow, .severityWarning)
        case .note: (.cyan, .severityNote)
        }
        return style(place + ":", .bold) + " " + style(Message(word).text(in: language) + ":", kind) + " " + style(message, .bold)
    }

    private func excerpt(_ location: SourceLocation) -> String {
        guard let range = location.range, range.start.line > 0,
              let source = line(location.path, range.start.line)
        else { return "" }
        let scalars = Array(source.unicodeScalars)
        let caretIndex = min(max(range.start.column - 1, 0), scalars.count)
        let width = max(1, min(range.widthOnFirstLine ?? 1, scalars.count - caretIndex))
        // Very long lines (a pasted book in one paragraph) are cut to a window.
        let first = scalars.count > maximumLineWidth ? max(0, caretIndex - maximumLineWidth / 2) : 0
        let last = min(scalars.count, first + maximumLineWidth)
        var shown = String(String.UnicodeScalarView(scalars[first..<last].map { $0 == "\t" ? " " : $0 }))
        if first > 0 { shown = "…" + shown }
        if last < scalars.count { shown += "…" }
        let gutter = String(range.start.line)
        let pad = String(repeating: " ", count: gutter.count)
        let lead = String(repeating: " ", count: caretIndex - first + (first > 0 ? 1 : 0))
        let mark = "^" + String(repeating: "~", count: max(0, min(width, last - caretIndex) - 1))
        return " \(gutter) | \(shown)\n \(pad) | \(lead)\(style(mark, .green))\n"
    }

    /// The line as the finding's fix leaves it, under the excerpt:
    ///
    ///        12 | Берел [[berel қорымы
    ///           |       ^~~~~~~
    ///           = fix: Берел [[berel]] қорымы
    private func fixed(_ diagnostic: Diagnostic) -> String {
        guard let fix = diagnostic.fix, fix.start.line == fix.end.line, fix.start.line > 0,
              let source = line(diagnostic.location.path, fix.start.line)
        else { return "" }
        var scalars = Array(source.unicodeScalars)
        let from = min(max(fix.start.column - 1, 0), scalars.count)
        let to = min(max(fix.end.column - 1, from), scalars.count)
        scalars.replaceSubrange(from..<to, with: Array(fix.replacement.unicodeScalars))
        let first = scalars.count > maximumLineWidth ? max(0, from - maximumLineWidth / 2) : 0
        let last = min(scalars.count, first + maximumLineWidth)
        var shown = String(String.UnicodeScalarView(scalars[first..<last].map { $0 == "\t" ? " " : $0 }))
        if first > 0 { shown = "…" + shown }
        if last < scalars.count { shown += "…" }
        let pad = String(repeating: " ", count: String(fix.start.line).count)
        return " \(pad) = " + style(Message(.fixLabel).text(in: language), .green) + " \(shown)\n"
    }

    private enum Style: String {
        case bold = "1", dim = "2", red = "1;31", yellow = "1;33", cyan = "1;36", green = "1;32"
    }

    private func style(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
