import Testing
import TestSupport

/// Rules that look across entries: each with a case that finds and one that must not.
@Suite struct CheckerTests {
    static let kk = "entries/monuments/berel.kk.md"

    func findings(_ files: [String: String?]) throws -> [Finding] {
        let project = try FixtureProject(files: files)
        defer { project.remove() }
        return try project.findings()
    }

    func person(born: String, died: String) -> [String: String?] {
        ["entries/people/abai.kk.md": "---\nkind: person\ntitle: Абай\nborn: \(born)\ndied: \(died)\n---\n[[berel]]\n"]
    }

    @Test func diedBeforeBorn() throws {
        let found = try findings(person(born: "1845-08-10", died: "1804"))
        #expect(found.contains { $0.matches("impossible-date", "entries/people/abai.kk.md", 5, 1) }, "\(found)")
    }

    @Test func lifespanOverAHundredAndTwentyYears() throws {
        let found = try findings(person(born: "1700", died: "1845"))
        #expect(found.contains { $0.matches("impossible-date", "entries/people/abai.kk.md", 5, 1) })
    }

    @Test(arguments: [("1845~", "1845"), ("184X", "1846"), ("1845-08-10", "1845-08-10"), ("1845?", "1904"), ("1840/1850", "1845"), ("18XX", "1920")])
    func uncertainDatesRaiseNoFalseAlarm(_ dates: (String, String)) throws {
        let found = try findings(person(born: dates.0, died: dates.1))
        #expect(!found.contains { $0.rule == "impossible-date" }, "\(found)")
    }

    @Test func intervalEndingBeforeItStarts() throws {
        let found = try findings([Self.kk: "---\nkind: monument\ntitle: Берел\nregion: \"[[east-kazakhstan]]\"\nperiod: \"1950/1940\"\n---\n"])
        #expect(found.contains { $0.matches("impossible-date", Self.kk, 5, 1) })
    }

    @Test func placesInsideEachOtherAreACycle() throws {
        let found = try findings([
            "entries/places/east-kazakhstan.kk.md": "---\nkind: place\ntitle: ШҚО\npart-of: \"[[altai]]\"\n---\n[[berel]]\n",
            "entries/places/altai.kk.md": "---\nkind: place\ntitle: Алтай\npart-of: \"[[east-kazakhstan]]\"\n---\n[[east-kazakhstan]]\n",
        ])
        let cycles = found.filter { $0.rule == "link-cycle" }
        #expect(cycles.count == 1)
        #expect(cycles.first?.matches("link-cycle", "entries/places/altai.kk.md", 4, 1) == true, "\(found)")
        #expect(cycles.first?.message.contains("altai → east-kazakhstan → altai") == true)
        #expect(try findings([:]).allSatisfy { $0.rule != "link-cycle" })
    }

    @Test func untranslatedLinkIsAWarningInTheLinkingVersion() throws {
        let found = try findings(["entries/places/east-kazakhstan.en.md": nil])
        #expect(found.contains { $0.matches("untranslated-link", "entries/monuments/berel.en.md", 6, 33) }, "\(found)")
        #expect(try findings([:]).allSatisfy { $0.rule != "untranslated-link" })
    }

    @Test func aLinkToADraftIsAWarningUnlessItComesFromADraft() throws {
        let draft = "---\nkind: place\ntitle: East Kazakhstan Region\ndraft: true\n---\nThe region holds [[berel]].\n"
        let found = try findings(["entries/places/east-kazakhstan.en.md": draft])
        #expect(found.contains { $0.matches("link-to-draft", "entries/monuments/berel.en.md", 6, 33) }, "\(found)")
        let both = try findings([
            "entries/places/east-kazakhstan.en.md": draft,
            "entries/monuments/berel.en.md": "---\nkind: monument\ntitle: Berel\ndraft: true\n---\n[[east-kazakhstan]]\n",
        ])
        #expect(both.allSatisfy { $0.rule != "link-to-draft" }, "\(both)")
    }

    @Test func orphanAndUnusedSourceAreNotes() throws {
        let project = try FixtureProject(files: ["entries/places/lonely.kk.md": "---\nkind: place\ntitle: Жалғыз\n---\n"])
        defer { project.remove() }
        let report = try project.check()
        let orphan = report.diagnostics.first { $0.rule == .orphan }
        #expect(orphan?.location.path == "entries/places/lonely.kk.md")
        #expect(orphan?.severity == .note)
        let extra = try FixtureProject(appending: ["sources.yaml": "unused-2000:\n  type: book\n  title: Ешкім сілтемейтін кітап\n"])
        defer { extra.remove() }
        let unused = try extra.findings()
        #expect(unused.contains { $0.matches("unused-source", "sources.yaml", 15, 1) }, "\(unused)")
        #expect(unused.filter { $0.rule == "unused-source" }.count == 1)
    }

    @Test func severityOverridesFromAsylYaml() throws {
        let project = try FixtureProject(
            files: ["entries/places/east-kazakhstan.en.md": nil],
            appending: ["asyl.yaml": "checks: {untranslated-link: error}\n"])
        defer { project.remove() }
        let report = try project.check()
        #expect(report.diagnostics.contains { $0.rule == .untranslatedLink && $0.severity == .error })
        #expect(report.failed(strict: false))
    }

    @Test func strictFailsOnWarnings() throws {
        let project = try FixtureProject(files: ["entries/places/east-kazakhstan.en.md": nil])
        defer { project.remove() }
        let report = try project.check()
        #expect(!report.failed(strict: false))
        #expect(report.failed(strict: true))
    }
}
