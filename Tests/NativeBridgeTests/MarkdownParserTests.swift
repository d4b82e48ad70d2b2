import NativeBridge
import Dispatch
import Synchronization
import Testing

@Suite struct MarkdownParserTests {
    @Test func columnsCountUnicodeScalarsNotBytes() {
        let document = MarkdownParser.parse("Әбу *қала* бар\n")
        let paragraph = document.children[0]
        let emphasis = paragraph.children[1]
        #expect(emphasis.kind == .emphasis)
        // «Әбу » is four scalars (eight UTF-8 bytes): the emphasis starts at column 5.
        #expect(emphasis.start == .init(line: 1, column: 5))
        #expect(emphasis.end == .init(line: 1, column: 10))
    }

    @Test func footnoteLabelsAreReadFromTheSource() {
        let document = MarkdownParser.parse("Мәтін[^ескерту] мен[^b].\n\n[^ескерту]: Бір.\n\n[^b]: Екі.\n")
        let references = document.children[0].children.compactMap { node -> String? in
            if case .footnoteReference(let label) = node.kind { label } else { nil }
        }
        #expect(references == ["ескерту", "b"])
        let definitions = document.children.compactMap { node -> String? in
            if case .footnoteDefinition(let label) = node.kind { label } else { nil }
        }
        #expect(definitions == ["ескерту", "b"])
    }

    @Test func tablesKeepAlignmentAndHeader() {
        let document = MarkdownParser.parse("| a | b |\n|---:|:---|\n| 1 | 2 |\n")
        guard case .table(let alignments) = document.children[0].kind else {
            Issue.record("no table: \(document.children[0].kind)")
            return
        }
        #expect(alignments == [.right, .left])
        #expect(document.children[0].children[0].kind == .tableRow(isHeader: true))
    }

    @Test func wikiLinksArriveAsText() {
        let document = MarkdownParser.parse("See [[berel]].\n")
        #expect(document.children[0].children.map(\.literal).joined() == "See [[berel]].")
    }

    @Test func strikethroughAndAutolinks() {
        let document = MarkdownParser.parse("~~old~~ https://example.org\n")
        let kinds = document.children[0].children.map(\.kind)
        #expect(kinds.contains(.strikethrough))
        #expect(kinds.contains(.link(destination: "https://example.org", title: "")))
    }

    @Test func documentsParsedAtOnceKeepTheirExtensions() {
        // cmark-gfm keeps the extensions' special characters in a global table (see MarkdownParser.inlines).
        let count = 2000
        let found = Mutex([Bool](repeating: false, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let kinds = MarkdownParser.parse("~~old~~ https://example.org/\(index) and ~~more~~\n").children[0].children.map(\.kind)
            let both = kinds.contains(.strikethrough)
                && kinds.contains(.link(destination: "https://example.org/\(index)", title: ""))
            found.withLock { $0[index] = both }
        }
        #expect(found.withLock { $0.allSatisfy { $0 } })
    }
}
