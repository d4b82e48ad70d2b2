import BuildGraph
import DocumentModel
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
