import Crypto
import Foundation
import NativeBridge
import Packaging
import Synchronization

/// What earlier builds made, kept under `OUT/.cache`: each EPUB member as it
/// is stored in the zip, under a hash of everything it was made from (the
/// serialised XML of a chunk, the stylesheets, the part, the tool's version).
/// An unchanged chunk is then neither transformed nor compressed again, and
/// the book is still byte-identical to a clean build, because a member is a
/// function of what its key hashes.
///
/// Nothing read from the cache is trusted: a record carries a SHA-256 of its
/// contents, and one that does not match, or cannot be read, is deleted and
/// made again. Caches of other versions of Asyl are deleted unread.
final class RenderCache: Sendable {
    /// The folder of this version's records; nil when caching is off.
    private let folder: URL?
    /// Hashed into every key: the tool's version and the stylesheets' fingerprint.
    private let salt: [UInt8]
    private let used = Mutex<Set<String>>([])

    static let format = "1"
    private static let magic = Array("ASYLZC01".utf8)

    /// `root`: OUT/.cache; nil turns caching off. `styles`: every folder whose
    /// files the stylesheets may read.
    init(root: URL?, toolVersion: String, styles: [URL]) {
        let name = "render-\(toolVersion)-\(Self.format)"
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8))
        hasher.update(data: Array(NativeLibraries.fingerprint.utf8))
        for folder in styles {
            for (path, bytes) in Self.files(under: folder) {
                hasher.update(data: Array(path.utf8) + [0])
                hasher.update(data: bytes)
            }
        }
        salt = Array(hasher.finalize())
        guard let root else {
            folder = nil
            return
        }
        let mine = root.appendingPathComponent(name)
        // Other versions' records are never read; they go (and nothing else in the folder).
        for other in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        where other.hasPrefix("render-") && other != name {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(other))
        }
        do {
            try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
            folder = mine
        } catch {
            folder = nil  // A build without a cache is slower, not wrong.
        }
    }

    /// A record a build counted on is not in the cache (it was deleted or damaged).
    struct Missing: Error {
        var key: String
    }

    /// Where this version of Asyl keeps its records for the build folder `output`.
    static func folder(in output: URL) -> URL {
        output.appendingPathComponent(".cache").appendingPathComponent("render-\(AsylVersion.string)-\(format)")
    }

    /// Where this version's records are; nil when caching is off.
    var location: URL? { folder }

    /// The tool, the libraries and the stylesheets, as hashed into every key.
    var fingerprint: [UInt8] { salt }

    /// The member stored under `key`, if the cache holds it intact.
    func stored(_ key: String) -> ZIPMember? {
        // Keys come from the build record too: only what `key(_:)` makes names a file.
        guard let folder, key.utf8.count == 64, key.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        used.withLock { _ = $0.insert(key) }
        let file = folder.appendingPathComponent(key)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        if let member = Self.decode([UInt8](data)) { return member }
        try? FileManager.default.removeItem(at: file)
        return nil
    }

    /// The key of whatever is made from `parts`.
    func key(_ parts: [UInt8]...) -> String {
        var hasher = SHA256()
        hasher.update(data: salt)
        for part in parts {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The member stored under `key`, or the one `make` makes (then stored).
    func member(_ key: String, make: () throws -> ZIPMember) rethrows -> ZIPMember {
        used.withLock { _ = $0.insert(key) }
        guard let folder else { return try make() }
        let file = folder.appendingPathComponent(key)
        if let data = FileManager.default.contents(atPath: file.path) {
            if let member = Self.decode([UInt8](data)) { return member }
            try? FileManager.default.removeItem(at: file)
        }
        let member = try make()
        let temporary = folder.appendingPathComponent(".\(key).\(ProcessInfo.processInfo.processIdentifier).tmp")
        if (try? Data(Self.encode(member)).write(to: temporary)) != nil {
            if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        }
        return member
    }

    /// Deletes the records this run did not use: called after a build of
    /// every edition, language and format, when they are all out of date.
    func pruneUnused() {
        guard let folder else { return }
        let keep = used.withLock { $0 }.union([BuildRecord.fileName])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where !keep.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    // MARK: Records

    /// magic, SHA-256 of the payload, payload: method, CRC-32, size, path length, path, data.
    static func encode(_ member: ZIPMember) -> [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(member.data.count + member.path.utf8.count + 18)
        payload.appendLittleEndian(UInt64(member.method.rawValue), bytes: 2)
        payload.appendLittleEndian(UInt64(member.crc32), bytes: 4)
        payload.appendLittleEndian(UInt64(member.uncompressedSize), bytes: 8)
        payload.appendLittleEndian(UInt64(member.path.utf8.count), bytes: 4)
        payload += Array(member.path.utf8)
        payload += member.data
        return magic + Array(SHA256.hash(data: payload)) + payload
    }

    static func decode(_ record: [UInt8]) -> ZIPMember? {
        let header = magic.count + SHA256.byteCount
        guard record.count >= header + 18, Array(record[..<magic.count]) == magic else { return nil }
        let payload = record[header...]
        guard Array(SHA256.hash(data: payload)) == Array(record[magic.count..<header]) else { return nil }
        var cursor = payload.startIndex
        func read(_ count: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<count { value |= UInt64(record[cursor + index]) << (8 * UInt64(index)) }
            cursor += count
            return value
        }
        guard let method = ZIPMember.Method(rawValue: UInt16(read(2))) else { return nil }
        let crc = UInt32(read(4))
        // Sizes a ZIP without ZIP64 can hold, so no later arithmetic can overflow.
        let size = read(8)
        let pathLength = Int(read(4))
        guard size <= UInt64(UInt32.max), pathLength <= record.endIndex - cursor else { return nil }
        let path = String(decoding: record[cursor..<cursor + pathLength], as: UTF8.self)
        cursor += pathLength
        let data = Array(record[cursor...])
        guard method == .deflated || data.count == Int(size) else { return nil }
        return ZIPMember(path: path, method: method, crc32: crc, uncompressedSize: Int(size), data: data)
    }

    /// Every regular file under a folder, by relative path, in sorted order.
    private static func files(under folder: URL) -> [(String, [UInt8])] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [(String, [UInt8])] = []
        while let path = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            found.append((path, [UInt8](data)))
        }
        return found.sorted { $0.0 < $1.0 }
    }
}

extension [UInt8] {
    fileprivate mutating func appendLittleEndian(_ value: UInt64, bytes: Int) {
        for index in 0..<bytes { append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }
}
