import Diagnostics
import Testing
import TestSupport

/// `asyl check` on a tree with records files (the `records` fixture): what the
/// rows name resolves against the entries' titles and aliases and the
/// sources, and people recorded twice are found across spellings.
@Suite struct RecordCheckTests {
    @Test func theFixtureChecksCleanButForOnePossibleDuplicate() throws {
        let project = try FixtureProject(base: "records")
        defer { project.remove() }
        let findings = try project.findings()
        // Places named only by records are no orphans, and the source they cite is used.
        #expect(findings.map(\.rule) == ["possible-duplicate"])
        #expect(findings.first.map { "\($0.path):\($0.line):\($0.column)" } == "records/loss-reports.csv:2:1")
        #expect(try project.check().fileCount == 8)
    }

    @Test func aSettledPairIsNotReportedAndAnUnknownPlaceIsWithItsFix() throws {
        let project = try FixtureProject(base: "records", files: [
            "records/loss-reports.csv": """
                id,surname,given-name,patronymic,born,call-up-office,rank,fate,died,source,same-as,not-same-as
                l-0001,Жумабаев,А.,,1916,Каркаралинский район,private,killed,1942-09-14,"tsamo-58-18001, д. 123",s-0001,
                l-0002,Ахметов,Н.,,1921,Каркаралнский район,sergeant,missing,1943,,,s-0002

                """,
        ])
        defer { project.remove() }
        let report = try project.check()
        #expect(report.diagnostics.map(\.rule) == [.recordReference])
        let finding = try #require(report.diagnostics.first)
        #expect(finding.location.range?.start.line == 3 && finding.location.range?.start.column == 25)
        #expect(finding.fix?.replacement == "Каркаралинский район")
    }

    @Test func rowsOfTwoFilesWithOneIdAreReported() throws {
        let project = try FixtureProject(base: "records", files: [
            "records/more.csv": "id,surname\ns-0002,Басқа\n",
        ])
        defer { project.remove() }
        let findings = try project.findings().filter { $0.rule != "possible-duplicate" }
        #expect(findings.map { "\($0.rule) \($0.path):\($0.line)" } == ["duplicate-record records/more.csv:2"])
    }
}
