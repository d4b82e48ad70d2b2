import Diagnostics
import Foundation
import Pipeline
import Testing
import TestSupport

@Suite struct CheckActionTests {
    @Test func findingsAreSortedAndStable() throws {
        let project = try FixtureProject(files: [
            "entries/places/east-kazakhstan.ru.md": "---\ntitle: ВКО\n---\n[[b]] [[a]]\n\n[[c]]\n",
            "entries/monuments/berel.ru.md": "---\ntitle: Берель\n---\n[[z]]\n",
        ])
        defer { project.remove() }
        let first = try project.check().diagnostics
        #expect(first == first.sorted(by: Diagnostic.reportOrder))
        #expect(first.map { "\($0.location.path):\($0.location.range!.start.line):\($0.location.range!.start.column)" }.prefix(4) == [
            "entries/monuments/berel.ru.md:4:1", "entries/places/east-kazakhstan.ru.md:4:1",
            "entries/places/east-kazakhstan.ru.md:4:7", "entries/places/east-kazakhstan.ru.md:6:1",
        ])
        #expect(try project.check().diagnostics == first)
    }

    @Test func aFIFOWhereAVersionFileBelongsIsReportedNotWaitedOn() throws {
        let project = try FixtureProject()
        defer { project.remove() }
        let path = "entries/places/karaganda.kk.md"
        #expect(mkfifo(project.root.appendingPathComponent(path).path, 0o644) == 0)
        let findings = try project.check().diagnostics.filter { $0.location.path == path }
        #expect(findings.map(\.rule) == [.unreadableFile])
    }

    @Test func translationMatrixListsWhatIsMissing() throws {
        let project = try FixtureProject(files: ["entries/places/east-kazakhstan.en.md": nil])
        defer { project.remove() }
        let matrix = try project.check().translations
        #expect(matrix.rows.map(\.versions) == [2, 2, 1])
        #expect(matrix.rows[2].missing.map(\.rawValue) == ["east-kazakhstan"])
        #expect(matrix.json == "{\"entries\": 2, \"languages\": {\"kk\": {\"versions\": 2, \"missing\": []}, \"ru\": {\"versions\": 2, \"missing\": []}, \"en\": {\"versions\": 1, \"missing\": [\"east-kazakhstan\"]}}}")
    }
}
