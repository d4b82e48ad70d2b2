import DocumentModel
import Foundation
import Parsing
import Testing
import TestSupport

/// `outdated-translation`: a translation marked with its source's
/// fingerprints is compared with the source as it is now.
@Suite struct TranslationCheckTests {
    static let kk = "entries/monuments/berel.kk.md"
    static let ru = "entries/monuments/berel.ru.md"

    /// The base fixture with berel.ru.md marked as translated from berel.kk.md as it is, then `after` applied.
    func findings(after: [String: String?] = [:], editing: ((String) -> String)? = nil) throws -> [Finding] {
        let base = try FixtureProject()
        let kk = try #require(try base.parsed().versions.first { $0.path == Self.kk })
        let russian = try String(contentsOf: base.root.appendingPathComponent(Self.ru), encoding: .utf8)
        let kazakh = try String(contentsOf: base.root.appendingPathComponent(Self.kk), encoding: .utf8)
        base.remove()
        let mark = FrontMatterEditor.translationValue(language: LanguageTag("kk"), sections: kk.sections)
        var files: [String: String?] = [Self.ru: try FrontMatterEditor.set("translated-from", to: mark, in: russian, at: nil)]
        if let editing { files[Self.kk] = editing(kazakh) }
        files.merge(after) { _, new in new }
        let project = try FixtureProject(files: files)
        defer { project.remove() }
        return try project.findings().filter { $0.rule == "outdated-translation" }
    }

    @Test func anUnchangedSourceRaisesNothing() throws {
        #expect(try findings() == [])
        // White space is no change.
        #expect(try findings(editing: { $0.replacingOccurrences(of: "Қазба жұмыстары[^1]", with: "Қазба\n   жұмыстары[^1]") }) == [])
    }

    @Test func aChangedSectionIsNamedAtTheTranslationsKey() throws {
        let found = try findings(editing: { $0.replacingOccurrences(of: "бөлімінде айтылады", with: "бөлімінде толық айтылады") })
        #expect(found.count == 1)
        #expect(found.first?.matches("outdated-translation", Self.ru, 5, 1) == true, "\(found)")
        #expect(found.first?.message.contains("changed: «Зерттелуі»") == true, "\(found)")
    }

    @Test func newAndRemovedSectionsAreNamed() throws {
        let found = try findings(editing: {
            $0.replacingOccurrences(of: "## Зерттелуі {#research}", with: "## Зерттеу тарихы {#history}") + "\n## Қазіргі жағдайы\n\nҚорғалады.\n"
        })
        let message = try #require(found.first?.message)
        #expect(message.contains("new: «Зерттеу тарихы», «Қазіргі жағдайы»"), "\(message)")
        #expect(message.contains("removed: #research"), "\(message)")
    }

    @Test func aSourceVersionRemovedIsReported() throws {
        let found = try findings(after: [
            Self.kk: nil,
            "entries/monuments/berel.en.md": "---\nkind: monument\ntitle: Berel\nregion: \"[[east-kazakhstan]]\"\n---\nText.\n",
        ])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("which the entry no longer has") == true, "\(found)")
    }
}
