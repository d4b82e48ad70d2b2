import Diagnostics
import Foundation
import Parallelism
#if canImport(Glibc)
import Glibc
#endif

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

    public func file(_ path: String) -> SourceFile? {
        if projectFile?.path == path { return projectFile }
        if sourcesFile?.path == path { return sourcesFile }
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

    public var description: String {
        switch self {
        case .notADirectory(let path): "'\(path)' is not a folder"
        case .noProjectFile(let path):
            "no asyl.yaml in '\(path)'; a source tree has asyl.yaml, sources.yaml and entries/ (see docs/format.md)"
        }
    }
}

/// Reads a source tree. Nothing here interprets content; it only finds files,
/// refuses what is not text, and keeps every path inside the tree.
public struct SourceTreeLoader: Sendable {
    /// Larger files are refused: no encyclopedia entry is this long.
    public var maximumFileSize = 8 * 1024 * 1024

    public init() {}

    public func load(_ root: URL) throws -> SourceTree {
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw LoadingError.notADirectory(root.path) }
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("asyl.yaml").path)
        else { throw LoadingError.noProjectFile(root.path) }

        var diagnostics: [Diagnostic] = []
        let files = listFiles(root)
        // A link that leads out of the tree is not the project's file.
        guard files.contains("asyl.yaml") else { throw LoadingError.noProjectFile(root.path) }
        func read(_ path: String) -> SourceFile? {
            switch readText(root.appendingPathComponent(path), path: path) {
            case .text(let file): return file
            case .problem(let diagnostic): diagnostics.append(diagnostic); return nil
            }
        }

        var versionPaths: [String] = []
        var stray: [String] = []
        for path in files.sorted() where path.hasPrefix("entries/") {
            let name = String(path.split(separator: "/").last!)
            if name == "README.md" { continue }
            if VersionFileName(name) != nil { versionPaths.append(path) } else { stray.append(path) }
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
            versionFiles: versions, strayFiles: stray, allFiles: files, diagnostics: diagnostics)
    }

    /// Regular files under `root`, relative; hidden files and folders (`.git`)
    /// are skipped, and links that lead outside the tree are left out.
    /// (POSIX directory reading: Foundation's enumerator costs seconds on 30,000 files.)
    private func listFiles(_ root: URL) -> Set<String> {
        var files: Set<String> = []
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var folders = [""]
        while let relative = folders.popLast() {
            guard let directory = opendir(rootPath + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): folders.append(path)
                case Int32(DT_REG): files.insert(path)
                default:
                    // Links and file systems that do not say the type: ask, and keep only what stays inside.
                    let real = URL(fileURLWithPath: rootPath + path).resolvingSymlinksInPath()
                    var isDirectory: ObjCBool = false
                    guard real.path.hasPrefix(rootPath),
                          FileManager.default.fileExists(atPath: real.path, isDirectory: &isDirectory)
                    else { continue }
                    if isDirectory.boolValue {
                        if entry.pointee.d_type == DT_UNKNOWN { folders.append(path) }
                    } else {
                        files.insert(path)
                    }
                }
            }
        }
        return files
    }

    private enum ReadOutcome: Sendable {
        case text(SourceFile)
        case problem(Diagnostic)
    }

    private func readText(_ url: URL, path: String) -> ReadOutcome {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            return .problem(Diagnostic(.unreadableFile, "cannot read the file", at: SourceLocation(path: path)))
        }
        defer { close(descriptor) }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        if size > maximumFileSize {
            return .problem(Diagnostic(
                .unreadableFile, "file is \(size / 1_048_576) MiB; the limit is \(maximumFileSize / 1_048_576) MiB",
                at: SourceLocation(path: path)))
        }
        var bytes = [UInt8](repeating: 0, count: size)
        let count = bytes.withUnsafeMutableBytes { buffer -> Int in
            var done = 0
            while done < size {
                let got = read(descriptor, buffer.baseAddress! + done, size - done)
                if got <= 0 { break }
                done += got
            }
            return done
        }
        guard count == size else {
            return .problem(Diagnostic(.unreadableFile, "cannot read the file", at: SourceLocation(path: path)))
        }
        switch TextDecoding.decode(bytes) {
        case .success(let text):
            return .text(SourceFile(path: path, text: text))
        case .failure(let error):
            return .problem(Diagnostic(
                .unreadableFile, "the file is not UTF-8 text (invalid byte 0x\(String(error.byte, radix: 16, uppercase: true)))",
                at: SourceLocation(path: path, line: error.line, column: error.column)))
        }
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
            let hasCarriageReturn = bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { memchr($0, 13, buffer.count) != nil } ?? false }
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
