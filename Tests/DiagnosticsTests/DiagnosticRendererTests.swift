import Diagnostics
import Testing

@Suite struct DiagnosticRendererTests {
    let diagnostic = Diagnostic(
        .brokenLink, Message(.checkBrokenLinkNoEntry, ["id": "berl"]),
        at: SourceLocation(path: "entries/berel.kk.md", line: 12, column: 7, length: 8),
        notes: [.init(Message(.checkDidYouMean, ["suggestion": "berel"]))])
    static let x = Message(.checkOrphan, ["id": "x"])

    @Test func textLooksLikeACompilersWithACaretUnderTheColumn() {
        let renderer = DiagnosticTextRenderer(colour: false) { _, line in line == 12 ? "Қорым [[berl]] бар" : nil }
        #expect(renderer.render(diagnostic) == """
            entries/berel.kk.md:12:7: error: no entry has the id 'berl' [broken-link]
             12 | Қорым [[berl]] бар
                |       ^~~~~~~~
            entries/berel.kk.md:12:7: note: did you mean 'berel'?

            """)
    }

    @Test func longLinesAreShownAsAWindowAroundTheColumn() {
        let long = String(repeating: "а", count: 5000) + "[[x]]" + String(repeating: "б", count: 5000)
        let renderer = DiagnosticTextRenderer(colour: false) { _, _ in Substring(long) }
        let finding = Diagnostic(.brokenLink, Self.x, at: SourceLocation(path: "a.md", line: 1, column: 5001, length: 5))
        let lines = renderer.render(finding).split(separator: "\n")
        #expect(lines[1].count < 140)
        let caretColumn = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let linkColumn = lines[1].firstIndex(of: "[").map { lines[1].distance(from: lines[1].startIndex, to: $0) }
        #expect(caretColumn == linkColumn)
    }

    @Test func colourOnlyWhenAsked() {
        let plain = DiagnosticTextRenderer(colour: false) { _, _ in nil }
        let coloured = DiagnosticTextRenderer(colour: true) { _, _ in nil }
        #expect(!plain.render(diagnostic).contains("\u{1B}["))
        #expect(coloured.render(diagnostic).contains("\u{1B}[1;31merror:"))
    }

    /// The report in Kazakh: its words and the message; the place and the rule id as they are.
    @Test func textIsInTheLanguageAsked() {
        let renderer = DiagnosticTextRenderer(colour: false, language: .kazakh) { _, line in line == 12 ? "Қорым [[berl]] бар" : nil }
        let text = renderer.render(diagnostic)
        let heading = Message(.severityError).text(in: .kazakh) + ": " + diagnostic.message.text(in: .kazakh)
        #expect(text.hasPrefix("entries/berel.kk.md:12:7: \(heading) [broken-link]\n"))
        #expect(heading != "error: no entry has the id 'berl'")
        #expect(renderer.summary(DiagnosticCounts([diagnostic]), files: 3) != "1 error, 0 warnings, 0 notes in 3 files")
        #expect(DiagnosticJSONRenderer.render([diagnostic]).contains(#""message": "no entry has the id 'berl'""#))
    }

    @Test func summaryCountsEachSeverity() {
        let renderer = DiagnosticTextRenderer(colour: false) { _, _ in nil }
        let counts = DiagnosticCounts([diagnostic, Diagnostic(.orphan, Self.x, at: SourceLocation(path: "a"))])
        #expect(renderer.summary(counts, files: 3) == "1 error, 0 warnings, 1 note in 3 files")
    }

    @Test func jsonHasTheShapeOfFormatSection6() {
        let json = DiagnosticJSONRenderer.render([diagnostic])
        #expect(json == """
            {"findings": [
              {"rule": "broken-link", "severity": "error", "file": "entries/berel.kk.md", "line": 12, "column": 7, "message": "no entry has the id 'berl'"}
            ], "counts": {"error": 1, "warning": 0, "note": 0}}

            """)
    }

    /// A fix shows the line as it leaves it, and is a `fix` in JSON and `fixes` in SARIF.
    @Test func aFixIsShownInEveryForm() {
        let finding = Diagnostic(
            .markup, Message(.bodyLinkUnclosedAfterID, ["id": "berel"]), at: SourceLocation(path: "entries/a.kk.md", line: 3, column: 7, length: 7),
            fix: .init(inserting: "]]", at: SourcePosition(line: 3, column: 14)))
        let renderer = DiagnosticTextRenderer(colour: false) { _, line in line == 3 ? "Қорым [[berel бар" : nil }
        #expect(renderer.render(finding) == """
            entries/a.kk.md:3:7: error: '[[berel' has no ']]': the link is printed as it is written [markup]
             3 | Қорым [[berel бар
               |       ^~~~~~~
               = fix: Қорым [[berel]] бар

            """)
        #expect(DiagnosticJSONRenderer.render([finding]).contains(
            #""fix": {"line": 3, "column": 14, "endLine": 3, "endColumn": 14, "replacement": "]]"}"#))
        let sarif = DiagnosticSARIFRenderer.render([finding], toolVersion: "0", sourceRoot: "/tree")
        #expect(sarif.contains(#""fixes": [{"#))
        #expect(sarif.contains(#""deletedRegion": {"startLine": 3, "startColumn": 14, "endLine": 3, "endColumn": 14}, "insertedContent": {"text": "]]"}"#))
    }

    @Test func jsonEscapesControlCharactersAndKeepsUnicode() {
        #expect(JSONText.string("«Ә»\n\"\\\u{1}") == "\"«Ә»\\n\\\"\\\\\\u0001\"")
    }

    @Test func severityPolicyTurnsRulesOffOrChangesThem() {
        let orphan = Diagnostic(.orphan, Self.x, at: SourceLocation(path: "a"))
        let policy = SeverityPolicy([.brokenLink: .severity(.warning), .orphan: .off])
        let result = policy.apply(to: [diagnostic, orphan])
        #expect(result.count == 1)
        #expect(result[0].severity == .warning)
    }

    @Test func findingsSortByFileLineColumnRule() {
        let a = Diagnostic(.orphan, Self.x, at: SourceLocation(path: "a.md", line: 2, column: 1))
        let b = Diagnostic(.brokenLink, Self.x, at: SourceLocation(path: "a.md", line: 10, column: 1))
        let c = Diagnostic(.brokenLink, Self.x, at: SourceLocation(path: "b.md", line: 1, column: 1))
        #expect([c, b, a].sorted(by: Diagnostic.reportOrder) == [a, b, c])
    }

    @Test func nearMissSuggestsCloseWordsOnly() {
        #expect(NearMiss.closest(to: "berl", in: ["berel", "botai"]) == "berel")
        #expect(NearMiss.closest(to: "xyz", in: ["berel", "botai"]) == nil)
    }
}
