import FileSystem
import Foundation

/// Where the build graph keeps values between runs: `OUT/.cache/graph-VERSION/`,
/// content-addressed. A value's name is the fingerprint of its key and of
/// what it was made from, and the file carries both: a read checks the
/// file's own hash, that the key is the one asked for, and that key and
/// inputs hash to the file's name. So a record that is damaged, cut short,
/// swapped with another or copied over one is not used; what is missing,
/// a folder or a symbolic link in a value's place, reads as no value, and
/// nothing is followed. The graph then makes the value again.
///
/// Every file the store writes begins with its mark (`ASYLGV01`), and the
/// folder holds a mark file: only marked files and folders are ever deleted.
public final class Store: Sendable {
    /// The folder of this version's values; nil for an empty store (`--no-cache`), which keeps nothing.
    public let folder: String?

    /// The folder, as a URL.
    public var location: URL? { folder.map { URL(fileURLWithPath: $0) } }

    static let magic = Array("ASYLGV01".utf8)
    static let markFile = ".asyl-store"
    static let markText = "Asyl build store: made by asyl build and asyl check; safe to delete.\n"
    /// Values larger than this are not kept (no product of a book comes near it).
    static let maximumSize = 512 * 1024 * 1024

    /// An empty store, which keeps nothing.
    public init() { folder = nil }

    /// The store under `root` (OUT/.cache) for this version of Asyl; stores of
    /// other versions there are deleted, and so are the render caches of
    /// versions before the store. When the folder cannot be made, the store
    /// is empty: a build without it is slower, not wrong.
    public init(root: URL, version: String) {
        let name = Self.folderName(version: version)
        let mine = root.appendingPathComponent(name).path
        for (other, kind) in FileSystem.list(root.path) where kind == .directory && other != name {
            let path = root.path + "/" + other
            if other.hasPrefix("graph-"), FileSystem.kind(of: path + "/" + Self.markFile) == .file {
                Self.removeMarked(path)
            } else if other.hasPrefix("render-") {
                Self.removeLegacy(path)
            }
        }
        guard FileSystem.makeFolder(mine) else {
            folder = nil
            return
        }
        if FileSystem.kind(of: mine + "/" + Self.markFile) != .file {
            try? FileSystem.writeAtomically(Array(Self.markText.utf8), to: mine + "/" + Self.markFile)
        }
        folder = FileSystem.kind(of: mine + "/" + Self.markFile) == .file ? mine : nil
    }

    /// Deletes this store: its marked files, then its folder and `root` if they are left empty.
    public func removeAll() {
        guard let folder else { return }
        Self.removeMarked(folder)
        FileSystem.remove(URL(fileURLWithPath: folder).deletingLastPathComponent().path)
    }

    /// Where the store of `version` is under `root`, without making or changing anything.
    public static func location(root: URL, version: String) -> URL { root.appendingPathComponent(folderName(version: version)) }

    private static func folderName(version: String) -> String { "graph-\(version)" }

    /// The name a value made for `key` from `inputs` has in the store.
    public static func name(key: QueryKey, inputs: Fingerprint) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine("value")
        hasher.combine(key.kind)
        hasher.combine(key.argument)
        hasher.combine(inputs)
        return hasher.finalize()
    }

    /// The value stored for `key` made from `inputs`, if the store holds it intact.
    public func read(_ key: QueryKey, inputs: Fingerprint) -> [UInt8]? {
        guard let folder else { return nil }
        let name = Self.name(key: key, inputs: inputs)
        guard let bytes = FileSystem.readRegularFile(path(name, in: folder), limit: Self.maximumSize) else { return nil }
        guard let record = Self.decode(bytes), record.key == key, record.inputs == inputs,
              Self.name(key: record.key, inputs: record.inputs) == name
        else { return nil }
        return record.value
    }

    /// Keeps `value` for `key` made from `inputs`; false when it could not be
    /// written (then the next run makes it again).
    @discardableResult
    public func write(_ value: [UInt8], key: QueryKey, inputs: Fingerprint) -> Bool {
        guard let folder, value.count <= Self.maximumSize else { return false }
        let name = Self.name(key: key, inputs: inputs)
        let shard = folder + "/" + String(name.hex.prefix(2))
        guard FileSystem.makeFolder(shard) else { return false }
        return (try? FileSystem.writeAtomically(Self.encode(Record(key: key, inputs: inputs, value: value)), to: path(name, in: folder)))
            != nil
    }

    /// Deletes every value not named in `live`, and what crashed runs left; marked files only.
    public func prune(keeping live: Set<Fingerprint>) {
        guard let folder else { return }
        let keep = Set(live.map(\.hex))
        for (shard, kind) in FileSystem.list(folder) where kind == .directory && shard.utf8.count == 2 && shard.allSatisfy(\.isHexDigit) {
            let shardPath = folder + "/" + shard
            for (name, kind) in FileSystem.list(shardPath) where kind == .file && !keep.contains(name) {
                let path = shardPath + "/" + name
                if Self.isValueName(name) || Self.isTemporaryName(name), Self.isMarked(path) { FileSystem.remove(path) }
            }
            FileSystem.remove(shardPath)  // only if empty
        }
    }

    private func path(_ name: Fingerprint, in folder: String) -> String {
        let hex = name.hex
        return folder + "/" + hex.prefix(2) + "/" + hex
    }

    // MARK: Records

    struct Record: Codable, Equatable {
        var key: QueryKey
        var inputs: Fingerprint
        var value: [UInt8]
    }

    /// mark, SHA-256 of the rest, the record in `BinaryCoding`.
    static func encode(_ record: Record) -> [UInt8] {
        let payload = (try? BinaryCoding.encode(record)) ?? []
        return magic + Fingerprint.of(payload).bytes + payload
    }

    static func decode(_ bytes: [UInt8]) -> Record? {
        let header = magic.count + 32
        guard bytes.count > header, Array(bytes[..<magic.count]) == magic else { return nil }
        let payload = Array(bytes[header...])
        guard Fingerprint.of(payload).bytes == Array(bytes[magic.count..<header]) else { return nil }
        return try? BinaryCoding.decode(Record.self, from: payload)
    }

    private static func isValueName(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// `FileSystem.writeAtomically`'s temporary names for values: `.NAME.PID.RANDOM.tmp`.
    private static func isTemporaryName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 5 && parts[0].isEmpty && isValueName(String(parts[1])) && parts[4] == "tmp"
    }

    /// Whether a file begins with the store's mark (a temporary file cut
    /// short inside the mark carries as much of it as it holds).
    private static func isMarked(_ path: String) -> Bool {
        isMarked(path, by: magic, allowingShort: isTemporaryName(URL(fileURLWithPath: path).lastPathComponent))
    }

    private static func isMarked(_ path: String, by mark: [UInt8], allowingShort: Bool) -> Bool {
        guard let bytes = FileSystem.readPrefix(path, count: mark.count) else { return false }
        return bytes == mark || (allowingShort && !bytes.isEmpty && mark.starts(with: bytes))
    }

    /// Deletes a store folder of another version: its marked files, then the folders left empty.
    private static func removeMarked(_ folder: String) {
        for (shard, kind) in FileSystem.list(folder) where kind == .directory {
            for (name, kind) in FileSystem.list(folder + "/" + shard) where kind == .file {
                let path = folder + "/" + shard + "/" + name
                if isMarked(path) { FileSystem.remove(path) }
            }
            FileSystem.remove(folder + "/" + shard)
        }
        FileSystem.remove(folder + "/" + markFile)
        FileSystem.remove(folder)
    }

    /// The render cache of Asyl 0.2 and before: records marked `ASYLZC01`, a build record marked `ASYLBR01`.
    private static func removeLegacy(_ folder: String) {
        let marks = [Array("ASYLZC01".utf8), Array("ASYLBR01".utf8)]
        for (name, kind) in FileSystem.list(folder) where kind == .file {
            let path = folder + "/" + name
            if marks.contains(where: { isMarked(path, by: $0, allowingShort: name.hasSuffix(".tmp")) }) { FileSystem.remove(path) }
        }
        FileSystem.remove(folder)
    }
}
