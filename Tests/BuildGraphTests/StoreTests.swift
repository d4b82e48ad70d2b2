import Foundation
import Testing

@testable import BuildGraph
@testable import FileSystem

@Suite struct StoreTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-store-\(UUID().uuidString)")
    let first = QueryKey(kind: "member", argument: "kk letter-01.xhtml")
    let second = QueryKey(kind: "member", argument: "kk letter-02.xhtml")
    let inputs = Fingerprint.of(Array("inputs".utf8))

    func path(_ store: Store, _ key: QueryKey) -> String {
        let name = Store.name(key: key, inputs: inputs).hex
        return store.folder! + "/" + name.prefix(2) + "/" + name
    }

    /// Ways a value's file can be damaged, each given the two records' paths.
    static let damages: [(String, @Sendable (String, String) throws -> Void)] = [
        ("swap", { first, second in
            let a = FileSystem.readRegularFile(first)!, b = FileSystem.readRegularFile(second)!
            try FileSystem.writeAtomically(b, to: first)
            try FileSystem.writeAtomically(a, to: second)
        }),
        ("clone", { first, second in try FileSystem.writeAtomically(FileSystem.readRegularFile(second)!, to: first) }),
        ("truncate", { first, _ in try FileSystem.writeAtomically(FileSystem.readRegularFile(first)!.dropLast(5), to: first) }),
        ("flip", { first, _ in
            var bytes = FileSystem.readRegularFile(first)!
            bytes[bytes.count / 2] ^= 0x04
            try FileSystem.writeAtomically(bytes, to: first)
        }),
        ("delete", { first, _ in try FileManager.default.removeItem(atPath: first) }),
        ("folder", { first, _ in
            try FileManager.default.removeItem(atPath: first)
            try FileManager.default.createDirectory(atPath: first + "/inside", withIntermediateDirectories: true)
        }),
        ("symlink", { first, second in
            try FileManager.default.removeItem(atPath: first)
            try FileManager.default.createSymbolicLink(atPath: first, withDestinationPath: second)
        }),
    ]

    @Test(arguments: damages.map(\.0)) func aDamagedValueIsNotRead(_ damage: String) throws {
        let store = Store(root: root, version: "test")
        store.write(Array("chapter one".utf8), key: first, inputs: inputs)
        store.write(Array("chapter two".utf8), key: second, inputs: inputs)
        #expect(store.read(first, inputs: inputs) == Array("chapter one".utf8))
        try Self.damages.first { $0.0 == damage }!.1(path(store, first), path(store, second))
        #expect(store.read(first, inputs: inputs) == nil)
        // A write puts it right where it can: only a folder in the way stays.
        store.write(Array("chapter one".utf8), key: first, inputs: inputs)
        #expect(store.read(first, inputs: inputs) == (damage == "folder" ? nil : Array("chapter one".utf8)))
    }

    @Test func pruningDeletesOnlyWhatCarriesTheMark() throws {
        let store = Store(root: root, version: "test")
        store.write([1], key: first, inputs: inputs)
        let shard = store.folder! + "/00"
        _ = FileSystem.makeFolder(shard)
        let hex = String(repeating: "0", count: 64)
        // A stranger's files with the store's names: short, or not starting with the mark.
        try FileSystem.writeAtomically(Array("xy".utf8), to: shard + "/.\(hex).1.2.tmp")
        try FileSystem.writeAtomically(Array("not the store's own".utf8), to: shard + "/" + hex)
        try FileSystem.writeAtomically(Array("ASYL".utf8), to: shard + "/.\(hex).3.4.tmp")
        store.prune(keeping: [])
        #expect(Set(FileSystem.list(shard).map(\.name)) == ["." + hex + ".1.2.tmp", hex])
        #expect(store.read(first, inputs: inputs) == nil)
    }

    @Test func aValueIsFoundOnlyUnderItsKeyAndInputs() {
        let store = Store(root: root, version: "test")
        store.write([1, 2, 3], key: first, inputs: inputs)
        #expect(store.read(first, inputs: Fingerprint.of([0])) == nil)
        #expect(store.read(second, inputs: inputs) == nil)
        #expect(Store().read(first, inputs: inputs) == nil)
    }

    @Test func anotherVersionsStoreAndTheOldRenderCacheGoButUnmarkedFilesStay() throws {
        Store(root: root, version: "old").write([1], key: first, inputs: inputs)
        let legacy = root.appendingPathComponent("render-0.2.0-1").path
        _ = FileSystem.makeFolder(legacy)
        try FileSystem.writeAtomically(Array("ASYLZC01 a member".utf8), to: legacy + "/" + String(repeating: "a", count: 64))
        try FileSystem.writeAtomically(Array("an editor's notes".utf8), to: legacy + "/notes.txt")
        let unmarked = root.appendingPathComponent("graph-older").path
        _ = FileSystem.makeFolder(unmarked)
        _ = Store(root: root, version: "new")
        let left = Set(FileSystem.list(root.path).map(\.name))
        #expect(left == ["graph-new", "render-0.2.0-1", "graph-older"])
        #expect(FileSystem.list(legacy).map(\.name) == ["notes.txt"])
    }
}
