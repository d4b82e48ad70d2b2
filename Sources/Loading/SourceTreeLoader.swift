import Diagnostics
import Foundation
import Parallelism
import FileSystem
import NativeBridge

/// The files of a source tree as read from disk: the load stage's output.
public struct SourceTree: Sendable {
    public var root: URL
    public var projectFile: SourceFile?
    public var sourcesFile: SourceFile?
    /// Files under `entries/` named like `ID.LANG.md`, sorted by path.
    public var versionFiles: [SourceFile]
    /// Other files under `entries/` (not README.md or dot-files), sorted.
    public var strayFiles: [String]
    /// Every regular file inside the tree, for media look-ups.
    public var allFiles: Set<String>
    /// Files that could not be read as text.
    public var diagnostics: [Diagnostic]
    /// Size and times of every file in `allFiles`, taken before any was read.
    public var stamps: [String: FileStamp]
    /// Records files (CSV) a report quotes.
    public var recordFiles: [SourceFile] = []

    public func file(_ path: String) -> SourceFile? {
        if projectFile?.path == path { return projectFile }
        if sourcesFile?.path == path { return sourcesFile }
        if let record = recordFiles.first(where: { $0.path == path }) { return record }
        // Version files are sorted by path.
        var low = 0
        var high = versionFiles.count
        while low < high {
            let middle = (low + high) / 2
            if versionFiles[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low < versionFiles.count && versionFiles[low].path == path ? versionFiles[low] : nil
    }
}

public enum LoadingError: Error, CustomStringConvertible, Sendable {
    case notADirectory(String)
    case noProjectFile(String)
    case projectFileIsLink(String)

    /// What the command line says, in the user's language.
    public var message: Message {
        switch self {
        case .notADirectory(let path): Message(.loadNotAFolder, ["path": path])
        case .noProjectFile(let path): Message(.loadNoProjectFile, ["path": path])
        case .projectFileIsLink(let path): Message(.loadProjectFileIsLink, ["path": path])
        }
    }

    public var description: String { message.english }
}

/// Reads a source tree. Nothing here interprets content; it only finds files,
/// refuses what is not text, and keeps every path inside the tree.
public struct SourceTreeLoader: Sendable {
    /// Larger files are refused: no encyclopedia entry is this long.
    public var maximumFileSize = 8 * 1024 * 1024

    public init() {}

    public func load(_ root: URL) throws -> SourceTree {
        load(try scan(root))
    }

    /// Every file of the tree with its stamp, nothing read: the build
    /// graph's listing, which tells it what changed since the last run.
    public func scan(_ root: URL) throws -> SourceScan {
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw LoadingError.notADirectory(root.path) }
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("asyl.yaml").path)
        else { throw LoadingError.noProjectFile(root.path) }
        let (files, setAside) = listFiles(root)
        // A link that leads out of the tree is not the project's file.
        guard files.contains("asyl.yaml") else {
            throw FileSystem.kind(of: root.appendingPathComponent("asyl.yaml").path) == .symbolicLink
                ? LoadingError.projectFileIsLink(root.path) : LoadingError.noProjectFile(root.path)
        }
        let paths = files.sorted()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let stamps = paths.concurrentMap { FileStamp(of: rootPath + $0) }
        return SourceScan(
            root: root, stamps: Dictionary(uniqueKeysWithValues: zip(paths, stamps)), paths: paths, setAside: setAside)
    }

    /// Why a project file the tree should hold (sources.yaml) is not read:
    /// missing, or a link that leads out of the tree.
    public static func absent(_ path: String, in root: URL) -> Diagnostic {
        let location = SourceLocation(path: path)
        if FileSystem.kind(of: root.appendingPathComponent(path).path) == .symbolicLink {
            return Diagnostic(.config, Message(.loadSourcesFileIsLink, ["path": path]), at: location)
        }
        return Diagnostic(.config, Message(.loadSourcesFileMissing, ["path": path]), at: location)
    }

    /// Reads the scanned tree: the project file, the sources and every version file.
    public func load(_ scan: SourceScan) -> SourceTree {
        let (versionPaths, stray) = Self.entryFiles(scan.paths)
        var tree = readTree(scan, versionPaths: versionPaths, strayFiles: stray)
        tree.diagnostics += scan.setAside.map(\.diagnostic)
        return tree
    }

    /// The files under `entries/`, sorted: those named like versions, and the
    /// others (a README.md is neither).
    public static func entryFiles(_ paths: some Sequence<String>) -> (versions: [String], stray: [String]) {
        var versions: [String] = []
        var stray: [String] = []
        for path in paths.sorted() where path.hasPrefix("entries/") {
            let name = String(path.split(separator: "/").last!)
            if name == "README.md" { continue }
            if VersionFileName(name) != nil { versions.append(path) } else { stray.append(path) }
        }
        return (versions, stray)
    }

    /// Reads the project file, the sources and the version files at `paths`
    /// only (those a report quotes); stray files are not listed.
    public func load(_ scan: SourceScan, only paths: [String], records: [String] = []) -> SourceTree {
        var tree = readTree(scan, versionPaths: paths.sorted(), strayFiles: [])
        tree.recordFiles = records.sorted().concurrentMap { readText(scan.root.appendingPathComponent($0), path: $0) }.compactMap { outcome in
            if case .text(let file) = outcome { file } else { nil }
        }
        return tree
    }

    private func readTree(_ scan: SourceScan, versionPaths: [String], strayFiles: [String]) -> SourceTree {
        let root = scan.root
        let files = Set(scan.stamps.keys)
        var diagnostics: [Diagnostic] = []
        func read(_ path: String) -> SourceFile? {
            switch readText(root.appendingPathComponent(path), path: path) {
            case .text(let file): return file
            case .problem(let diagnostic): diagnostics.append(diagnostic); return nil
            }
        }
        var versions: [SourceFile] = []
        for outcome in versionPaths.concurrentMap({ readText(root.appendingPathComponent($0), path: $0) }) {
            switch outcome {
            case .text(let file): versions.append(file)
            case .problem(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return SourceTree(
            root: root, projectFile: read("asyl.yaml"),
            sourcesFile: files.contains("sources.yaml") ? read("sources.yaml") : nil,
            versionFiles: versions, strayFiles: strayFiles, allFiles: files, diagnostics: diagnostics, stamps: scan.stamps)
    }

    /// Regular files under `root`, relative; hidden files and folders (`.git`)
    /// are skipped, and links that lead outside the tree are left out.
    /// (POSIX directory reading: Foundation's enumerator costs seconds on 30,000 files.)
    private func listFiles(_ root: URL) -> (files: Set<String>, setAside: [SetAsideName]) {
        var files: Set<String> = []
        var setAside: [SetAsideName] = []
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var folders = [""]
        while let relative = folders.popLast() {
            let folder = FileSystem.namedEntries(rootPath + relative)
            func inFolder(_ name: String) -> String { relative.isEmpty ? name : relative + "/" + name }
            setAside += folder.notUTF8.filter { !$0.hasPrefix(".") }.map { SetAsideName(path: inFolder($0), reason: .nameNotUTF8) }
            for (name, kind) in folder.entries where !name.hasPrefix(".") {
                let path = inFolder(name)
                // The project's own files say for themselves why a link is not read (`absent`).
                let isProjectFile = path == "asyl.yaml" || path == "sources.yaml"
                switch kind {
                case .directory: folders.append(path)
                // Anything else that is not a folder (a FIFO, a device) is listed, and reading it is reported.
                case .file, .other: files.insert(path)
                case .symbolicLink:
                    // A link counts only if what it leads to stays inside the tree; a linked folder is not walked.
                    let real = URL(fileURLWithPath: rootPath + path).resolvingSymlinksInPath()
                    let leadsTo = FileSystem.status(rootPath + path) == nil ? nil : FileSystem.kind(of: real.path)
                    switch (real.path.hasPrefix(rootPath), leadsTo) {
                    case (false, _) where isProjectFile, (_, nil) where isProjectFile: break
                    case (_, nil): setAside.append(SetAsideName(path: path, reason: .linkToNothing))
                    case (false, _): setAside.append(SetAsideName(path: path, reason: .linkOutOfTree))
                    case (true, .directory): setAside.append(SetAsideName(path: path, reason: .linkToFolder))
                    case (true, _): files.insert(path)
                    }
                }
            }
        }
        return (files, setAside.sorted { $0.path < $1.path })
    }

    /// A file of the tree read as text, or why it cannot be.
    public enum ReadOutcome: Sendable {
        case text(SourceFile)
        case problem(Diagnostic)
    }

    /// One file of the tree (`path` relative to `root`), read as text.
    public func read(_ path: String, in root: URL) -> ReadOutcome {
        readText(root.appendingPathComponent(path), path: path)
    }

    private func readText(_ url: URL, path: String) -> ReadOutcome {
        let bytes: [UInt8]
        switch FileSystem.readFile(url.path, limit: maximumFileSize, followingLinks: true) {
        case .success(let read): bytes = read
        case .failure(.unreadable):
            return .problem(Diagnostic(.unreadableFile, Message(.loadFileUnreadable), at: SourceLocation(path: path)))
        case .failure(.tooLarge(let size)):
            return .problem(Diagnostic(
                .unreadableFile,
                Message(.loadFileTooLarge, ["size": size, "mebibytes": maximumFileSize / 1_048_576, "limit": maximumFileSize]),
                at: SourceLocation(path: path)))
        }
        switch TextDecoding.decode(bytes) {
        case .success(let text):
            return .text(SourceFile(path: path, text: text))
        case .failure(let error):
            return .problem(Diagnostic(
                .unreadableFile, Message(.loadFileNotUTF8, ["byte": String(error.byte, radix: 16, uppercase: true)]),
                at: SourceLocation(path: path, line: error.line, column: error.column)))
        }
    }
}

/// The files of a source tree and their stamps, before any is read.
public struct SourceScan: Sendable {
    public var root: URL
    /// By path relative to the root.
    public var stamps: [String: FileStamp]
    /// The paths of `stamps`, sorted.
    public var paths: [String]
    /// What the scan found and cannot use, sorted by path.
    public var setAside: [SetAsideName]

    public init(root: URL, stamps: [String: FileStamp], paths: [String], setAside: [SetAsideName] = []) {
        self.root = root
        self.stamps = stamps
        self.paths = paths
        self.setAside = setAside
    }
}

/// A name in the tree that is not one of its files, and why: each is
/// reported, so that nothing in the tree is left out without a word.
public struct SetAsideName: Hashable, Sendable, Codable {
    public enum Reason: String, Hashable, Sendable, Codable {
        /// Its bytes are not UTF-8, so no path Asyl makes reaches it.
        case nameNotUTF8
        /// A symbolic link to a file or folder outside the tree.
        case linkOutOfTree
        /// A symbolic link to a folder: linked folders are not walked.
        case linkToFolder
        /// A symbolic link to nothing.
        case linkToNothing
    }

    /// Relative to the tree; a name that is not UTF-8 shows its bytes as `\xNN`.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The finding that reports it: an error, since what it holds reaches no book.
    public var diagnostic: Diagnostic {
        let key: MessageKey = switch reason {
        case .nameNotUTF8: .loadNameNotUTF8
        case .linkOutOfTree: .loadLinkOutOfTree
        case .linkToFolder: .loadLinkToFolder
        case .linkToNothing: .loadLinkToNothing
        }
        return Diagnostic(.unreadableFile, Message(key), at: SourceLocation(path: path))
    }
}

/// What tells one state of a file from another without reading it: size,
/// modification and change times, inode (as make, ninja and git's index do).
public struct FileStamp: Hashable, Sendable, Codable {
    public var size: Int
    public var modified: Int
    public var changed: Int
    public var inode: Int

    public init(size: Int, modified: Int, changed: Int, inode: Int) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The stamp of the file at `path`; all zero when it cannot be read, which
    /// no real file's stamp is, so the file then counts as changed.
    public init(of path: String) {
        let status = FileSystem.status(path)
        self.init(
            size: status?.size ?? 0, modified: status?.modified ?? 0, changed: status?.changed ?? 0, inode: status?.inode ?? 0)
    }
}

/// UTF-8 decoding that says where it failed.
enum TextDecoding {
    struct InvalidByte: Error {
        var byte: UInt8
        var line: Int
        var column: Int
    }

    static func decode(_ data: [UInt8]) -> Result<String, InvalidByte> {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            let hasCarriageReturn = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: 13, in: $0) != nil }
            return .success(hasCarriageReturn ? normalizeLineEnds(text) : text)
        }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var scalarStart = 0
        loop: while true {
            scalarStart = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                return .failure(InvalidByte(byte: bytes[scalarStart], line: line, column: column))
            }
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    private static func normalizeLineEnds(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
