import Testing
import TestSupport

/// The checks a web edition brings: ids that are a language's folder, issued
/// plaque addresses that would no longer resolve, and `redirect-from`.
@Suite struct WebCheckTests {
    static let site = """
          - id: site
            languages: [kk]
            formats: [web]
            web: {base-url: "https://example.kz/"}

        """

    func findings(_ files: [String: String?], web: Bool = true, redirect: String? = nil) throws -> [Finding] {
        let project = try FixtureProject(files: files, appending: web ? ["asyl.yaml": Self.site] : [:])
        defer { project.remove() }
        if let redirect {
            let path = "entries/monuments/berel.kk.md"
            let berel = try String(contentsOf: project.root.appendingPathComponent(path), encoding: .utf8)
            try project.write(path, bytes: Array(berel.replacingOccurrences(
                of: "kind: monument\n", with: "kind: monument\nredirect-from: [\(redirect)]\n").utf8))
        }
        return try project.findings()
    }

    static let folderID = "entries/places/kk.kk.md"
    static let entry = "---\nkind: place\ntitle: Орыс\n---\n[[berel]]\n"

    @Test func anIdThatIsALanguageFolderIsRefusedOnlyWithAWebEdition() throws {
        let found = try findings([Self.folderID: Self.entry])
        #expect(found.contains { $0.matches("reserved-id", Self.folderID, 0) }, "\(found)")
        #expect(try !findings([Self.folderID: Self.entry], web: false).contains { $0.rule == "reserved-id" })
    }

    @Test func anIssuedAddressMustResolve() throws {
        let lock = "https://example.kz/berel/\nhttps://example.kz/gone/\nhttps://other.example.kz/berel/\n"
        let found = try findings(["plaques.lock": lock]).filter { $0.rule == "issued-address" }
        #expect(found.map(\.line) == [2, 3], "\(found)")
    }

    @Test func aRedirectKeepsAnIssuedAddress() throws {
        let found = try findings(["plaques.lock": "https://example.kz/gone/\n"], redirect: "gone")
        #expect(!found.contains { $0.rule == "issued-address" }, "\(found)")
    }

    @Test func aRedirectCannotTakeAnEntrysId() throws {
        let found = try findings([:], redirect: "east-kazakhstan")
        #expect(found.contains { $0.rule == "front-matter" && $0.message.contains("an entry that exists") }, "\(found)")
    }
}
