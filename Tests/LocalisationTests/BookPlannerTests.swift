import DocumentModel
import Localisation
import Resolution
import Testing
import TestSupport

@Suite struct BookPlannerTests {
    func plan(_ selection: Selection, _ language: String = "kk", files: [String: String?] = [:]) throws -> BookPlan {
        let fixture = try FixtureProject(files: [
            "entries/people/abai.kk.md": "---\nkind: person\ntitle: Абай\nborn: 1845-08-10\ncategories: [archaeology]\n---\n[[berel]]\n",
            "entries/monuments/shymkala.kk.md": "---\nkind: monument\ntitle: Шымқала\nregion: \"[[east-kazakhstan]]\"\n---\n[[berel]]\n",
        ].merging(files) { $1 })
        defer { fixture.remove() }
        let project = try fixture.resolved()
        let edition = Edition(id: "e", title: LocalizedText(), languages: [LanguageTag(language)], selection: selection,
                              formats: [.epub], location: .init(path: "asyl.yaml"))
        return BookPlanner.plan(
            project.entries.map(EntryOutline.init),
            sizes: Dictionary(uniqueKeysWithValues: project.entries.map { ($0.id, EntryOutline.sizes(of: $0)) }),
            places: PlaceHierarchy(project.entries), edition: edition, language: LanguageTag(language), includeDrafts: false)
    }

    func ids(_ plan: BookPlan) -> [String] { plan.entries.map(\.entry.id.rawValue) }

    @Test func selectionKeysCombineWithAndValuesWithOr() throws {
        // Шығыс before Шымқала: Ғ comes before М in the Kazakh alphabet.
        #expect(ids(try plan(Selection())) == ["abai", "berel", "east-kazakhstan", "shymkala"])
        #expect(ids(try plan(Selection(kinds: ["monument"]))) == ["berel", "shymkala"])
        #expect(ids(try plan(Selection(kinds: ["monument", "person"]))) == ["abai", "berel", "shymkala"])
        #expect(ids(try plan(Selection(kinds: ["monument"], categories: ["saka"]))) == ["berel"])
        #expect(ids(try plan(Selection(categories: ["archaeology"]))) == ["abai", "berel"])
        #expect(ids(try plan(Selection(ids: [EntryID("abai"), EntryID("berel")]))) == ["abai", "berel"])
    }

    @Test func regionsSelectEverythingThatLiesInThem() throws {
        #expect(ids(try plan(Selection(regions: [EntryID("east-kazakhstan")]))) == ["berel", "east-kazakhstan", "shymkala"])
        let circle = try plan(Selection(regions: [EntryID("east-kazakhstan")]), files: [
            "entries/places/east-kazakhstan.kk.md": "---\nkind: place\ntitle: ШҚО\npart-of: \"[[altai]]\"\n---\n",
            "entries/places/altai.kk.md": "---\nkind: place\ntitle: Алтай\npart-of: \"[[east-kazakhstan]]\"\n---\n",
        ])
        #expect(ids(circle) == ["altai", "berel", "east-kazakhstan", "shymkala"])
    }

    @Test func entriesWithoutTheLanguageAreLeftOutAndCounted() throws {
        let english = try plan(Selection(), "en")
        #expect(ids(english) == ["berel", "east-kazakhstan"])
        #expect(english.missing.map(\.rawValue) == ["abai", "shymkala"])
    }

    @Test func draftsAreLeftOutAndCountedApart() throws {
        let book = try plan(Selection(), files: [
            "entries/monuments/shymkala.kk.md": "---\nkind: monument\ntitle: Шымқала\ndraft: true\nregion: \"[[east-kazakhstan]]\"\n---\n",
        ])
        #expect(!ids(book).contains("shymkala"))
        #expect(book.drafts.map(\.rawValue) == ["shymkala"] && book.missing.isEmpty)
    }

    @Test func chunksFollowLettersAndStayUnderTheBudget() throws {
        let book = try plan(Selection())
        #expect(book.letters.map(\.letter) == ["А", "Б", "Ш"])
        #expect(book.chunks.map(\.file) == ["letter-01.xhtml", "letter-02.xhtml", "letter-03.xhtml"])
        #expect(book.file(of: EntryID("shymkala")) == "letter-03.xhtml")
    }

    @Test func aLetterIsCutBeforeAChunkWouldPassTheBudget() {
        let budget = BookPlanner.chunkBudget
        #expect(BookPlanner.cut([10, 20, 30]) == [0..<3])
        #expect(BookPlanner.cut([budget / 2, budget / 2, 1]) == [0..<2, 2..<3])
        // An entry larger than the budget gets a chunk of its own, and is never cut from itself.
        #expect(BookPlanner.cut([budget * 2, 5, budget]) == [0..<1, 1..<2, 2..<3])
        #expect(BookPlanner.cut([7]) == [0..<1])
    }
}
