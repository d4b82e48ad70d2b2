import Crypto
import Foundation
import Packaging
import Testing

@testable import Pipeline

@Suite struct RenderCacheTests {
    let member = ZIPMember(path: "EPUB/letter-01.xhtml", bytes: Array(String(repeating: "Әліппе ", count: 300).utf8))

    @Test func aRecordReadsBackAsTheMemberItStores() {
        #expect(RenderCache.decode(RenderCache.encode(member)) == member)
    }

    @Test func aDamagedRecordIsRefused() {
        let record = RenderCache.encode(member)
        for index in [0, 9, 45, record.count / 2, record.count - 1] {
            var damaged = record
            damaged[index] ^= 0x20
            #expect(RenderCache.decode(damaged) == nil, "byte \(index)")
        }
        #expect(RenderCache.decode(Array(record.dropLast())) == nil)
        #expect(RenderCache.decode([]) == nil)
    }

    @Test func aWellHashedRecordWithImpossibleSizesIsRefused() {
        // method stored, CRC 0, size 2^63, path length 0, no data: hashed correctly, still refused.
        var payload: [UInt8] = [0, 0, 0, 0, 0, 0]
        payload += [0, 0, 0, 0, 0, 0, 0, 0x80] + [0, 0, 0, 0]
        let record = Array("ASYLZC01".utf8) + Array(SHA256.hash(data: payload)) + payload
        #expect(RenderCache.decode(record) == nil)
        // A stored member whose data is shorter than its size.
        var short = RenderCache.encode(ZIPMember(path: "a", bytes: [1, 2, 3], compress: false))
        short.removeLast()
        let body = Array(short[40...])
        #expect(RenderCache.decode(Array("ASYLZC01".utf8) + Array(SHA256.hash(data: body)) + body) == nil)
    }

    @Test func keysDependOnEveryPartAndOnTheStylesheets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-cache-\(UUID().uuidString)")
        let styles = folder.appendingPathComponent("styles")
        try FileManager.default.createDirectory(at: styles, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<xsl:stylesheet/>".utf8).write(to: styles.appendingPathComponent("epub.xsl"))
        let cache = RenderCache(root: nil, toolVersion: "1", styles: [styles])
        #expect(cache.key([1, 2], [3]) != cache.key([1], [2, 3]))
        #expect(cache.key([1, 2], [3]) == cache.key([1, 2], [3]))
        try Data("<xsl:stylesheet version='1.0'/>".utf8).write(to: styles.appendingPathComponent("epub.xsl"))
        let changed = RenderCache(root: nil, toolVersion: "1", styles: [styles])
        #expect(changed.key([1, 2], [3]) != cache.key([1, 2], [3]))
        #expect(RenderCache(root: nil, toolVersion: "2", styles: [styles]).key([1]) != changed.key([1]))
    }

    @Test func anotherVersionsCacheIsDeletedAndADamagedRecordRemade() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let foreign = root.appendingPathComponent("render-0.0.1-1")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        let cache = RenderCache(root: root, toolVersion: "9.9", styles: [])
        #expect(!FileManager.default.fileExists(atPath: foreign.path))
        let key = cache.key([7])
        var made = 0
        _ = cache.member(key) { made += 1; return member }
        #expect(cache.member(key) { made += 1; return member } == member)
        #expect(made == 1)
        let record = root.appendingPathComponent("render-9.9-\(RenderCache.format)").appendingPathComponent(key)
        var bytes = try [UInt8](Data(contentsOf: record))
        bytes[bytes.count - 3] ^= 1
        try Data(bytes).write(to: record)
        #expect(cache.member(key) { made += 1; return member } == member)
        #expect(made == 2)
    }
}
