import Foundation
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

    @Test func aListingSaysWhatEachNameIs() throws {
        try FileSystem.writeAtomically([1], to: folder + "/b")
        #expect(FileSystem.makeFolder(folder + "/a/deeper"))
        #expect(!FileSystem.makeFolder(folder + "/b/c"))
        let listing = FileSystem.list(folder)
        #expect(listing.map(\.name) == ["a", "b"])
        #expect(listing.map(\.kind) == [.directory, .file])
    }
}
