import Diagnostics
import Foundation
import Loading
import Testing
import TestSupport

/// YAML mistakes in plain words: each message says what is wrong and what to
/// write, at the line where it is, and its fix, applied, reads cleanly.
@Suite struct YAMLMessageTests {
    static let kk = "entries/monuments/berel.kk.md"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Front matter lines after `kind: monument` (line 2).
        var frontMatter: String
        var words: String
        var line: Int
        var column: Int
        var fixed: Bool = true
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a colon inside a value", frontMatter: "title: Берел: қорым\nregion: \"[[east-kazakhstan]]\"",
             words: "inside a value would start a new key: put the whole value in quotes", line: 3, column: 13),
        Case(name: "a key indented under a value", frontMatter: "title: Берел\n  region: \"[[east-kazakhstan]]\"",
             words: "'region' is indented further than 'title' above it", line: 4, column: 3),
        Case(name: "a key indented less than its mapping", frontMatter: "title: Берел\nlocation:\n  lat: 49.3\n lon: 86.4\nregion: \"[[east-kazakhstan]]\"",
             words: "'lon' starts in column 2, between the keys of two mappings: 'lat' above it starts in column 3", line: 6, column: 2),
        Case(name: "a quote never closed", frontMatter: "title: \"Берел\nregion: \"[[east-kazakhstan]]\"",
             words: "the quote \" that opens this value is never closed", line: 3, column: 8, fixed: false),
        Case(name: "a list never closed", frontMatter: "title: Берел\naliases: [Берел қорымы\nregion: \"[[east-kazakhstan]]\"",
             words: "the list that opens with '[' here is not closed: end it with ']' on the same line", line: 4, column: 10),
        Case(name: "a value continued without indentation", frontMatter: "title: Берел\nsummary: Сақ\nкезеңі\nregion: \"[[east-kazakhstan]]\"",
             words: "this line is read as a key, but has no ':' after it", line: 5, column: 1),
        Case(name: "a tab in the indentation", frontMatter: "\ttitle: Берел\nregion: \"[[east-kazakhstan]]\"",
             words: "a tab in the indentation: YAML indents with spaces only", line: 3, column: 1),
        Case(name: "a character YAML keeps for itself", frontMatter: "title: `Берел`\nregion: \"[[east-kazakhstan]]\"",
             words: "'`' cannot start a value in YAML: put the value in quotes", line: 3, column: 8),
        Case(name: "a list item where a key belongs", frontMatter: "title: Берел\n- қорым\nregion: \"[[east-kazakhstan]]\"",
             words: "a list item where a key of the mapping that starts with 'kind' at line 2 was expected", line: 4, column: 1,
             fixed: false),
    ]

    @Test("a YAML mistake in plain words", arguments: cases)
    func plainWords(_ testCase: Case) throws {
        let text = "---\nkind: monument\n\(testCase.frontMatter)\n---\nМәтін.\n"
        let project = try FixtureProject(files: [Self.kk: text])
        defer { project.remove() }
        let findings = try project.check().diagnostics.filter { $0.rule == .frontMatter }
        #expect(findings.count == 1, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.message.english.contains(testCase.words), "\(finding.message.english)")
        #expect(finding.location.range?.start == SourcePosition(line: testCase.line, column: testCase.column), "\(finding)")
        guard testCase.fixed else {
            // A quote or a list item left open is the editor's to end: where, only they know.
            if testCase.name == "a list item where a key belongs" { #expect(finding.fix == nil) }
            return
        }
        let fix = try #require(finding.fix, "\(finding)")
        let fixed = try FixtureProject(files: [Self.kk: Self.applying(fix, to: text)])
        defer { fixed.remove() }
        #expect(try fixed.check().diagnostics.filter { $0.rule == .frontMatter } == [], "\(Self.applying(fix, to: text))")
    }

    @Test func aTagAndAControlCharacterAreReportedNotDropped() throws {
        let project = try FixtureProject(files: [
            Self.kk: "---\nkind: monument\ntitle: \"Бе\\x07рел\"\nsummary: !!binary aGVsbG8=\nregion: \"[[east-kazakhstan]]\"\n---\n",
        ])
        defer { project.remove() }
        let findings = try project.check().diagnostics.filter { $0.rule == .frontMatter }
        #expect(findings.map(\.message.english) == [
            "a control character (U+0007) in this value cannot be printed: remove it",
            "the YAML tag '!!binary' is not read: Asyl reads every value as text; remove the tag",
        ])
        #expect(findings.map { $0.location.range?.start.line } == [3, 4])
    }

    @Test func aKeyWrittenTwiceIsReportedAtTheSecondAndLeftOut() throws {
        let project = try FixtureProject(files: [
            Self.kk: "---\nkind: monument\ntitle: Берел\nregion: \"[[east-kazakhstan]]\"\ntitle: Берел қорымы\n---\n",
        ])
        defer { project.remove() }
        let findings = try project.check().diagnostics.filter { $0.rule == .frontMatter }
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.message.english == "'title' is written twice in this mapping: this second one is left out")
        #expect(findings.first?.location.range?.start == SourcePosition(line: 5, column: 1))
        #expect(findings.first?.notes.first?.location?.range?.start.line == 3)
        let version = try #require(project.parsed().versions.first { $0.id.rawValue == "berel" && $0.language.rawValue == "kk" })
        #expect(version.title == "Берел")
    }

    @Test func aKeyWrittenTwiceInAListItemIsLeftOutToo() throws {
        let project = try FixtureProject(files: [
            Self.kk: "---\nkind: monument\ntitle: Берел\nregion: \"[[east-kazakhstan]]\"\naliases:\n  - a: 1\n    b: 2\n    a: 3\n---\n",
        ])
        defer { project.remove() }
        let twice = try project.check().diagnostics.filter { $0.message.english.contains("written twice") }
        #expect(twice.count == 1 && twice[0].location.range?.start.line == 8, "\(twice)")
        #expect(twice.first?.notes.first?.location?.range?.start.line == 6)
    }

    @Test func tooManyKeysWrittenTwiceStopTheReadingWithAWord() throws {
        let lines = String(repeating: "title: Берел\n", count: 103)
        let project = try FixtureProject(files: [Self.kk: "---\nkind: monument\n" + lines + "---\n"])
        defer { project.remove() }
        let findings = try project.check().diagnostics.filter { $0.rule == .frontMatter }
        #expect(findings.contains { $0.message.english.hasPrefix("more than 100 keys are written twice") }, "\(findings.suffix(2))")
    }

    // MARK: sources.yaml

    @Test func oneErrorInSourcesYamlIsOneError() throws {
        let project = try FixtureProject()
        defer { project.remove() }
        let sources = try String(contentsOf: project.root.appendingPathComponent("sources.yaml"), encoding: .utf8)
        let broken = Self.replacingFirst("\n  title:", with: "\n title:", in: sources)
        try project.write("sources.yaml", bytes: Array(broken.utf8))
        let findings = try project.check().diagnostics.filter { $0.severity != .note || $0.location.path == "sources.yaml" }
        #expect(findings.map(\.rule) == [.unknownCitation, .config], "\(findings)")
        #expect(findings[0].severity == .note && findings[0].message.english.contains("not checked, because sources.yaml cannot be read"))
        #expect(findings[1].message.english.contains("'title' starts in column 2"))
    }

    @Test func aMisspelledTypeSaysWhichAndKeepsTheSource() throws {
        let project = try FixtureProject()
        defer { project.remove() }
        let sources = try String(contentsOf: project.root.appendingPathComponent("sources.yaml"), encoding: .utf8)
        try project.write("sources.yaml", bytes: Array(Self.replacingFirst("type: book", with: "type: bok", in: sources).utf8))
        let findings = try project.check().diagnostics.filter { $0.severity != .note }
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.message.english.hasPrefix("unknown type 'bok' for source") == true)
        #expect(findings.first?.message.english.contains("did you mean 'book'?") == true)
        #expect(findings.first?.fix?.replacement == "book")
    }

    @Test func aDuplicateSourceIsReportedAtItsLineAndOnlyItIsDropped() throws {
        let project = try FixtureProject(appending: ["sources.yaml": "samashev-2011:\n  type: book\n  title: Екінші\n"])
        defer { project.remove() }
        let findings = try project.check().diagnostics.filter { $0.severity != .note }
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?.message.english == "'samashev-2011' is written twice in this mapping: this second one is left out")
        #expect((findings.first?.location.range?.start.line ?? 0) > 1)
    }

    @Test func aMissingOrLinkedSourcesYamlSaysWhich() throws {
        let missing = try FixtureProject(files: ["sources.yaml": nil])
        defer { missing.remove() }
        let found = try missing.check().diagnostics.filter { $0.severity != .note }
        #expect(found.map(\.message.english) == ["there is no sources.yaml, so no citation can be checked: make one beside asyl.yaml (it may be empty)"])
        let linked = try FixtureProject(files: ["sources.yaml": nil])
        defer { linked.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-sources-\(UUID().uuidString).yaml")
        try Data("x:\n  type: book\n  title: X\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: linked.root.appendingPathComponent("sources.yaml"), withDestinationURL: outside)
        let link = try linked.check().diagnostics.filter { $0.severity != .note }
        #expect(link.count == 1 && link[0].message.english.hasPrefix("sources.yaml is a symbolic link to a file outside the tree"), "\(link)")
    }

    static func replacingFirst(_ text: String, with replacement: String, in whole: String) -> String {
        guard let range = whole.range(of: text) else { return whole }
        return whole.replacingCharacters(in: range, with: replacement)
    }

    /// The text with a fix applied (columns in Unicode scalars).
    static func applying(_ fix: Diagnostic.Fix, to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        let start = fix.start, end = fix.end
        let before = lines[start.line - 1].prefix(start.column - 1)
        let after = lines[end.line - 1].dropFirst(end.column - 1)
        lines.replaceSubrange((start.line - 1)...(end.line - 1), with: [Array(before) + Array(fix.replacement.unicodeScalars) + Array(after)])
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }
}
