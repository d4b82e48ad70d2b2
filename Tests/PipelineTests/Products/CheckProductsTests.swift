import Checking
import Diagnostics
import DocumentModel
import Foundation
import Testing
import TestSupport

@testable import Pipeline

@Suite struct CheckProductsTests {
    /// The graph's check and the stages run over the whole project find the same.
    @Test func theGraphFindsWhatTheWholeProjectStagesFind() throws {
        let project = try FixtureProject(files: ["entries/monuments/berel.ru.md": "---\ntitle: Берель\n---\n[[nope]] [@nokey]\n"])
        defer { project.remove() }
        let parsed = try project.parsed()
        let whole = parsed.diagnostics + Checker.check(try project.resolved())
        let graph = try project.check().raw
        func key(_ finding: Diagnostic) -> String { "\(finding.rule) \(finding.location) \(finding.message)" }
        #expect(graph.map(key).sorted() == whole.map(key).sorted())
    }

    /// With a store, a check after an edit finds what a fresh one would (the counts are tested in Integration).
    @Test func aCheckWithAStoreAfterAnEditFindsWhatAFreshOneFinds() throws {
        let project = try FixtureProject()
        defer { project.remove() }
        let out = project.root.deletingLastPathComponent().appendingPathComponent("out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let action = CheckAction(source: project.root, buildFolder: out)
        let first = try action.run()
        #expect(try action.run().raw.map(\.message) == first.raw.map(\.message))
        let path = "entries/monuments/berel.kk.md"
        let url = project.root.appendingPathComponent(path)
        try Data((try String(contentsOf: url, encoding: .utf8) + "\n[[no-such-entry]]\n").utf8).write(to: url)
        let edited = try action.run()
        #expect(edited.raw.contains { $0.rule == .brokenLink && $0.location.path == path })
        #expect(edited.raw.filter { $0.location.path != path }.map(\.message) == first.raw.filter { $0.location.path != path }.map(\.message))
    }

    /// Shards are FNV-1a of the id: the same on every machine and run (values worked out by hand).
    @Test func anEntrysShardIsTheSameOnEveryRun() {
        #expect(CheckProducts.shard(of: EntryID("berel")) == 223)
        #expect(CheckProducts.shard(of: EntryID("abai-kunanbaiuly")) == 8)
        #expect(ShardMembers(argument: "256") == nil && ShardMembers(argument: "3")?.shard == 3)
    }
}
