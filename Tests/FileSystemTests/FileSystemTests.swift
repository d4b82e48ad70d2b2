import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@testable import FileSystem

@Suite struct FileSystemTests {
    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-fs-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func anAtomicWriteReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let path = folder + "/book.epub"
        try FileSystem.writeAtomically(Array("old".utf8), to: path)
        try FileSystem.writeAtomically(Array("new".utf8), to: path)
        #expect(FileSystem.readRegularFile(path) == Array("new".utf8))
        #expect(FileSystem.list(folder).map(\.name) == ["book.epub"])
    }

    @Test func aWriteIntoAMissingFolderFailsWithTheReason() {
        #expect(throws: FileSystem.Failure.self) { try FileSystem.writeAtomically([1], to: folder + "/no/such/file") }
    }

    @Test func symbolicLinksAndFoldersAreNotReadAsFiles() throws {
        try FileSystem.writeAtomically(Array("secret".utf8), to: folder + "/target")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/target")
        #expect(FileSystem.readRegularFile(folder + "/link") == nil)
        #expect(FileSystem.kind(of: folder + "/link") == .symbolicLink)
        #expect(FileSystem.readRegularFile(folder) == nil)
        #expect(FileSystem.readRegularFile(folder + "/target", limit: 3) == nil)
        FileSystem.remove(folder + "/link")
        #expect(FileSystem.readRegularFile(folder + "/target") == Array("secret".utf8))
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() {
        let path = folder + "/pipe"
        #expect(mkfifo(path, 0o644) == 0)
        #expect(FileSystem.readFile(path, limit: 100, followingLinks: true) == .failure(.unreadable))
        #expect(FileSystem.list(folder).map(\.kind) == [.other])
    }

    @Test func aFileOverTheLimitSaysItsSize() throws {
        try FileSystem.writeAtomically([UInt8](repeating: 65, count: 10), to: folder + "/ten")
        #expect(FileSystem.readFile(folder + "/ten", limit: 9, followingLinks: true) == .failure(.tooLarge(size: 10)))
        #expect(FileSystem.status(folder + "/ten")?.size == 10)
    }

    @Test func aListingSaysWhatEachNameIs() throws {
        try FileSystem.writeAtomically([1], to: folder + "/b")
        #expect(FileSystem.makeFolder(folder + "/a/deeper"))
        #expect(!FileSystem.makeFolder(folder + "/b/c"))
        let listing = FileSystem.list(folder)
        #expect(listing.map(\.name) == ["a", "b"])
        #expect(listing.map(\.kind) == [.directory, .file])
    }
}
