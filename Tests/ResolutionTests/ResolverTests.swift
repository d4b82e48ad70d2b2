import DocumentModel
import Loading
import Resolution
import Testing
import TestSupport

@Suite struct ResolverTests {
    func resolved(_ files: [String: String?] = [:]) throws -> ResolvedProject {
        let project = try FixtureProject(files: files)
        defer { project.remove() }
        return try project.resolved()
    }

    func links(_ version: Version) -> [WikiLink] {
        var found: [WikiLink] = []
        version.forEachInline { if case .wikiLink(let link) = $0.kind { found.append(link) } }
        return found
    }

    @Test func entriesAreAssembledFromTheirVersionsInLanguageOrder() throws {
        let project = try resolved()
        #expect(project.entries.map(\.id.rawValue) == ["berel", "east-kazakhstan"])
        let berel = try #require(project[EntryID("berel")])
        #expect(berel.versions.map(\.language.rawValue) == ["kk", "ru", "en"])
        #expect(berel.kind == "monument")
        #expect(berel.categories == ["archaeology", "saka"])
        // Facts written once, in kk, apply to the entry, in the kind's field order.
        #expect(berel.facts.map(\.field) == ["region", "location", "period", "heritage"])
    }

    @Test func linksResolveToTitleAndAnchorInTheLinksLanguage() throws {
        let berel = try #require(try resolved()[EntryID("berel")])
        let kk = links(berel.versions[0])
        #expect(kk[0].resolution == .resolved(ResolvedLink(
            target: EntryID("east-kazakhstan"), anchor: nil, title: "Шығыс Қазақстан облысы", language: .init("kk"))))
        #expect(kk[1].resolution == .resolved(ResolvedLink(
            target: EntryID("east-kazakhstan"), anchor: "history", title: "Шығыс Қазақстан облысы", language: .init("kk"))))
        let ru = links(berel.versions[1])
        #expect(ru[0].resolution.title == "Восточно-Казахстанская область")
    }

    @Test func aLinkToAnEntryWithoutThisLanguageNamesTheFallback() throws {
        let project = try resolved(["entries/places/east-kazakhstan.en.md": nil])
        let en = try #require(project[EntryID("berel")]?.version(.init("en")))
        #expect(links(en)[0].resolution == .untranslated(ResolvedLink(
            target: EntryID("east-kazakhstan"), anchor: nil, title: "Шығыс Қазақстан облысы", language: .init("kk"))))
    }

    @Test func aSectionOfAnUntranslatedTargetIsStillChecked() throws {
        let project = try resolved(["entries/places/east-kazakhstan.en.md": nil,
                                    "entries/monuments/berel.en.md": "---\ntitle: Berel\n---\n[[east-kazakhstan#history]] [[east-kazakhstan#histry]]\n"])
        let en = try #require(project[EntryID("berel")]?.version(.init("en")))
        let found = links(en).map(\.resolution)
        #expect(found[0] == .untranslated(ResolvedLink(
            target: EntryID("east-kazakhstan"), anchor: "history", title: "Шығыс Қазақстан облысы", language: .init("kk"))))
        #expect(found[1] == .broken(.noSuchSection("histry", suggestion: "history")))
    }

    @Test func brokenLinksCarryASuggestion() throws {
        let project = try resolved(["entries/places/east-kazakhstan.ru.md": "---\ntitle: ВКО\n---\n[[berl]] [[berel#reserch]]\n"])
        let ru = try #require(project[EntryID("east-kazakhstan")]?.version(.init("ru")))
        let found = links(ru).map(\.resolution)
        #expect(found[0] == .broken(.noSuchEntry(suggestion: EntryID("berel"))))
        #expect(found[1] == .broken(.noSuchSection("reserch", suggestion: "research")))
    }

    @Test func factLinksAreResolvedAndKindChecked() throws {
        let berel = try #require(try resolved()[EntryID("berel")])
        guard case .link(let region)? = berel.facts.first?.value else { Issue.record("no region"); return }
        #expect(region.resolution.title == "Шығыс Қазақстан облысы")
        let wrong = try resolved(["entries/monuments/berel.kk.md": "---\nkind: monument\ntitle: Берел\nregion: \"[[berel]]\"\n---\n"])
        guard case .link(let link)? = wrong[EntryID("berel")]?.facts.first?.value else { Issue.record("no region"); return }
        #expect(link.resolution == .broken(.wrongKind(actual: "monument", allowed: ["place"])))
    }

    @Test func citationsAreNumberedPerVersionInOrderOfFirstUse() throws {
        let berel = try #require(try resolved()[EntryID("berel")])
        #expect(berel.versions[0].citedSources == ["samashev-2011", "tsga-rk-f1137"])
        #expect(berel.versions[1].citedSources == ["samashev-2011", "tsga-rk-f1137"])
        var numbers: [Int] = []
        berel.versions[0].forEachInline { inline in
            guard case .citation(let items) = inline.kind else { return }
            for item in items { if case .source(let number) = item.resolution { numbers.append(number) } }
        }
        #expect(numbers == [1, 2])
    }

    @Test func mediaPathsResolveToFilesInTheTree() throws {
        let berel = try #require(try resolved()[EntryID("berel")])
        #expect(berel.versions[0].images.map(\.reference.resolution) == [.file(path: "media/plan.png", mediaType: "image/png")])
    }

    @Test func backlinksListEveryLinkingVersion() throws {
        let project = try resolved()
        #expect(project[EntryID("east-kazakhstan")]?.backlinks == ["kk", "ru", "en"].map { Backlink(source: EntryID("berel"), language: .init($0)) }.sorted())
        #expect(project[EntryID("berel")]?.backlinks.map(\.source.rawValue) == ["east-kazakhstan", "east-kazakhstan", "east-kazakhstan"])
    }

    @Test func theReferenceValueIsTheFirstLanguagesAndConflictsAreRecorded() throws {
        let project = try resolved(["entries/monuments/berel.en.md": "---\ntitle: Berel\nperiod: \"-0399/-0200\"\nheritage: republican\n---\n",
                                    "entries/monuments/berel.ru.md": "---\ntitle: Берель\nperiod: \"-0400\"\n---\n"])
        #expect(project.conflicts.count == 1)
        #expect(project.conflicts.first?.path == "entries/monuments/berel.ru.md")
        #expect(project.conflicts.first?.reference.language.rawValue == "kk")
    }

    @Test func someVersionsResolvedWithTheWholeIndexLinkAsTheWholeProjectDoes() throws {
        let fixture = try FixtureProject()
        defer { fixture.remove() }
        let whole = try fixture.resolved()
        let parsed = try fixture.parsed()
        // Berel alone, as an incremental build reads it: its links reach what the whole index holds.
        let part = Resolver.resolve(
            versions: parsed.versions.filter { $0.id == EntryID("berel") }, configuration: parsed.configuration,
            bibliography: parsed.bibliography, files: try SourceTreeLoader().load(fixture.root).allFiles, targets: whole.targets)
        #expect(part.entries.map(\.id) == [EntryID("berel")])
        #expect(part[EntryID("berel")] == whole[EntryID("berel")].map { entry in
            var entry = entry
            entry.backlinks = []
            return entry
        })
    }

    @Test func theIndexNamesATargetInTheBooksLanguageOrItsFirstVersions() throws {
        var index = try resolved(["entries/places/east-kazakhstan.en.md": nil]).targets
        let id = EntryID("east-kazakhstan")
        #expect(index.link(to: id, in: LanguageTag("ru"))?.title == "Восточно-Казахстанская область")
        guard case .untranslated(let fallback)? = index.link(to: id, in: LanguageTag("en")) else {
            Issue.record("an entry without an en version is linked as untranslated")
            return
        }
        #expect(fallback.title == "Шығыс Қазақстан облысы")
        #expect(fallback.language == LanguageTag("kk"))
        #expect(index.link(to: EntryID("nowhere"), in: LanguageTag("kk")) == nil)
        index.derive(LanguageTag("kk-Latn"), from: LanguageTag("kk"), { $0.uppercased() })
        #expect(index.link(to: id, in: LanguageTag("kk-Latn"))?.title == "ШЫҒЫС ҚАЗАҚСТАН ОБЛЫСЫ")
    }
}
