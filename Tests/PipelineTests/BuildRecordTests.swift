import BuildGraph
import Crypto
import Diagnostics
import DocumentModel
import Foundation
import Loading
import Localisation
import Resolution
import TestSupport
import Testing

@testable import Pipeline

@Suite struct BuildRecordTests {
    let record = BuildRecord(
        request: Array(repeating: 7, count: 32),
        files: [
            .init(path: "asyl.yaml", stamp: FileStamp(size: 120, modified: 1_763_769_600_123_456_789, changed: 5, inode: 42),
                  exports: [], summary: []),
            .init(path: "entries/berel.kk.md", stamp: FileStamp(size: 3000, modified: 1, changed: 2, inode: 3),
                  exports: Array(repeating: 0xAB, count: 32), summary: [1, 2, 3]),
        ],
        entries: [.init(id: EntryID("berel"), kind: "monument", versions: [
            .init(language: LanguageTag("kk"), title: "Берел қорымы", anchors: ["research", "qoryq-murazhai"]),
        ])],
        findings: [Diagnostic(
            .factConflict, "`born` differs", at: SourceLocation(path: "entries/a.ru.md", line: 4, column: 1, length: 4),
            notes: [.init("the reference value is here", at: SourceLocation(path: "entries/a.kk.md", line: 4, column: 1)),
                    .init("no place")])],
        coverage: [Coverage(edition: "asyl-mura", language: LanguageTag("en"), entries: 1, missing: [EntryID("botai")])],
        books: [.init(
            edition: "asyl-mura", language: LanguageTag("kk"), format: .print, destination: "/tmp/out/print-kk",
            chunks: [.init(file: "letter-01.xhtml", letter: "Б", entries: [EntryID("berel")], sizes: [3200])],
            members: [.init(path: "index.html", key: QueryKey(kind: "print-piece", argument: "asyl-mura kk print index.html"))])],
        fileCount: 2)

    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aRecordReadsBackAsWritten() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        record.write(to: folder)
        let read = try #require(BuildRecord.read(from: folder))
        #expect(read.request == record.request)
        #expect(read.files.map(\.path) == record.files.map(\.path))
        #expect(read.files.map(\.stamp) == record.files.map(\.stamp))
        #expect(read.files.map(\.exports) == record.files.map(\.exports))
        #expect(read.files.map(\.summary) == record.files.map(\.summary))
        #expect(read.entries[0].versions[0].title == "Берел қорымы")
        #expect(read.entries[0].versions[0].anchors == ["research", "qoryq-murazhai"])
        #expect(read.findings == record.findings)
        #expect(read.coverage[0].missing == [EntryID("botai")])
        #expect(read.books[0].format == .print)
        #expect(read.books[0].chunks[0].sizes == [3200])
        #expect(read.books[0].members[0].key == record.books[0].members[0].key)
        #expect(read.fileCount == 2)
        #expect(read.targets[EntryID("berel")]?.titles[LanguageTag("kk")] == "Берел қорымы")
    }

    @Test func aDamagedOrTruncatedRecordIsIgnored() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        record.write(to: folder)
        let file = folder.appendingPathComponent(BuildRecord.fileName)
        let bytes = try [UInt8](Data(contentsOf: file))
        for index in [0, 12, 50, bytes.count / 2, bytes.count - 1] {
            var damaged = bytes
            damaged[index] ^= 0x01
            try Data(damaged).write(to: file)
            #expect(BuildRecord.read(from: folder) == nil, "byte \(index)")
        }
        try Data(bytes.dropLast()).write(to: file)
        #expect(BuildRecord.read(from: folder) == nil)
        // Correctly hashed but cut short inside the payload: still refused, not trusted.
        let payload = Array(bytes[40..<(bytes.count - 3)])
        try Data(Array("ASYLBR01".utf8) + Array(SHA256.hash(data: payload)) + payload).write(to: file)
        #expect(BuildRecord.read(from: folder) == nil)
        BuildRecord.remove(from: folder)
        #expect(BuildRecord.read(from: folder) == nil)
    }

    @Test func aWellHashedRecordWithImpossibleValuesIsIgnored() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var huge = record
        huge.books[0].chunks[0].sizes = [Int.max]
        var empty = record
        empty.entries[0].versions = []
        var twice = record
        twice.books[0].members.append(twice.books[0].members[0])
        var unsorted = record
        unsorted.files.reverse()
        var farOff = record
        farOff.findings[0].location = SourceLocation(path: "entries/a.ru.md", line: -5, column: Int.min)
        for forged in [huge, empty, twice, unsorted, farOff] {
            forged.write(to: folder)
            #expect(BuildRecord.read(from: folder) == nil)
        }
        record.write(to: folder)
        #expect(BuildRecord.read(from: folder) != nil)
    }

    @Test func integersAndStringsRoundTripAndMalformedInputThrows() throws {
        var writer = ByteWriter()
        let numbers = [0, 1, 127, 128, 300, Int.max, -1, Int.min]
        numbers.forEach { writer.integer($0) }
        writer.string("Әліппе")
        writer.optional(nil as String?) { $0.string($1) }
        var reader = ByteReader(writer.bytes)
        #expect(try numbers.map { _ in try reader.integer() } == numbers)
        #expect(try reader.string() == "Әліппе")
        #expect(try reader.optional { reader throws(ByteReader.Malformed) in try reader.string() } == nil)
        #expect(reader.isAtEnd)
        // A length longer than what is left, and an integer that never ends.
        var long = ByteReader([0x05, 0x41])
        #expect(throws: ByteReader.Malformed.self) { try long.string() }
        var endless = ByteReader(Array(repeating: 0xFF, count: 11))
        #expect(throws: ByteReader.Malformed.self) { try endless.integer() }
    }
}

@Suite struct VersionSummaryTests {
    @Test func aSummaryReadsBackAsTheVersionWithoutItsBody() throws {
        let fixture = try FixtureProject()
        defer { fixture.remove() }
        let versions = try fixture.resolved().entries.flatMap(\.versions)
        #expect(versions.count == 6)
        var writer = ByteWriter()
        versions.forEach { VersionSummary.encode($0, &writer) }
        var reader = ByteReader(writer.bytes)
        for version in versions {
            let summary = try VersionSummary.decode(&reader)
            #expect(summary.body.isEmpty && summary.footnotes.isEmpty)
            #expect(summary.bodySummary == VersionSummary.summary(of: version))
            // What plans, outlines and checks across entries read is the same.
            #expect(summary.title == version.title && summary.titleRange == version.titleRange)
            #expect(summary.kind == version.kind && summary.categories == version.categories)
            #expect(summary.sort == version.sort && summary.aliases == version.aliases && summary.summary == version.summary)
            #expect(summary.citedSources == version.citedSources)
            #expect(summary.sectionAnchors == version.sectionAnchors)
            #expect(summary.linkedEntries == version.linkedEntries)
            #expect(summary.images == version.images)
            #expect(summary.estimatedSize == version.estimatedSize)
            #expect(summary.facts.count == version.facts.count)
            for (read, written) in zip(summary.facts, version.facts) {
                #expect(read.field == written.field && read.range == written.range)
                #expect(read.value.sameValue(as: written.value), "\(written.field)")
            }
        }
        #expect(reader.isAtEnd)
    }
}
