import BuildGraph
import Diagnostics
import DocumentModel
import Pipeline
import Resolution
import Testing
import TestSupport

/// The model's types declare what they persist by conforming to `Codable`;
/// the build graph keeps them in `BinaryCoding`.
@Suite struct ModelCodingTests {
    @Test func everyResolvedVersionAndEntryReadsBackAsItWas() throws {
        let fixture = try FixtureProject()
        defer { fixture.remove() }
        let project = try fixture.resolved()
        for entry in project.entries {
            #expect(try BinaryCoding.decode(Entry.self, from: BinaryCoding.encode(entry)) == entry)
        }
        let configuration = project.configuration
        let again = try BinaryCoding.decode(ProjectConfiguration.self, from: BinaryCoding.encode(configuration))
        #expect(again.languages == configuration.languages && again.kinds == configuration.kinds)
    }

    /// A stored value is read by its type's layout: when the layout changes,
    /// the store's format must change, or a store of the last build is misread.
    @Test func theStoreFormatChangesWithTheLayoutOfWhatIsStored() throws {
        let fixture = try FixtureProject()
        defer { fixture.remove() }
        let project = try fixture.resolved()
        var bytes = try BinaryCoding.encode(project.entries)
        bytes += try BinaryCoding.encode(project.entries.map(EntryInterface.init))
        bytes += try BinaryCoding.encode(project.configuration)
        bytes += try BinaryCoding.encode(project.bibliography)
        // Findings are stored with the products that find them.
        bytes += try BinaryCoding.encode(Diagnostic(
            .brokenLink, Message(.checkBrokenLinkNoEntry, ["id": "berl"]), at: SourceLocation(path: "a.kk.md", line: 2, column: 3),
            notes: [.init(Message(.checkDidYouMean, ["suggestion": "berel"]))],
            fix: .init(inserting: "e", at: SourcePosition(line: 2, column: 6))))
        bytes += try BinaryCoding.encode(RecordFile(path: "records/a.csv", kind: "soldier", records: [Record(
            id: RecordID("s-1"), kind: "soldier", path: "records/a.csv", idRange: SourceRange(line: 2, column: 1, length: 3),
            facts: [
                RecordFact(field: "surname", language: LanguageTag("kk"), value: .typed(.text("Жұмабайұлы")), range: SourceRange(line: 2, column: 5)),
                RecordFact(field: "call-up-office", value: .name("Қарқаралы ауданы"), range: SourceRange(line: 2, column: 16)),
                RecordFact(field: "source", value: .citations([CitationItem(key: "tsamo", locator: "д. 1", range: SourceRange(line: 2, column: 30))]),
                           range: SourceRange(line: 2, column: 30)),
            ],
            sameAs: [Located(RecordID("l-1"), range: SourceRange(line: 2, column: 40))])]))
        let layout = Fingerprint.of(bytes).hex
        let pinned = (format: 9, layout: "8455d654ec46e2c8bcd376683c86c19668fe10eb67d41d0ceb6d491c0e45d981")
        #expect(
            (AsylVersion.storeFormat, layout) == pinned,
            "the encoding of stored values changed: bump AsylVersion.storeFormat and pin (\(AsylVersion.storeFormat + 1), \"\(layout)\") here")
    }

    @Test func aDictionaryKeyedByLanguageHasTheSameBytesInAnyOrder() throws {
        var forward = LocalizedText()
        var backward = LocalizedText()
        let texts = [("kk", "Берел"), ("ru", "Берель"), ("en", "Berel"), ("kk-Latn", "Berel")]
        for (tag, text) in texts { forward.values[LanguageTag(tag)] = text }
        for (tag, text) in texts.reversed() { backward.values[LanguageTag(tag)] = text }
        #expect(try BinaryCoding.encode(forward) == BinaryCoding.encode(backward))
        #expect(try BinaryCoding.decode(LocalizedText.self, from: BinaryCoding.encode(forward)) == forward)
    }
}
