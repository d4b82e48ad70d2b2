import Foundation
#if canImport(Glibc)
import CLinux
import Glibc
#endif

/// The few file operations Asyl's outputs and its store need, on POSIX
/// calls: reads that never follow a symbolic link, writes that are
/// atomic, and listings that say what each name is.
public enum FileSystem {
    public enum Kind: Sendable, Equatable {
        case file, directory, symbolicLink, other
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// What is at `path`, not following a final symbolic link; nil when nothing is.
    public static func kind(of path: String) -> Kind? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The bytes of the regular file at `path`, or nil: a symbolic link, a
    /// folder, anything else, or a file larger than `limit`, is not read.
    public static func readRegularFile(_ path: String, limit: Int = .max) -> [UInt8]? {
        try? readFile(path, limit: limit, followingLinks: false).get()
    }

    /// The first `count` bytes of the regular file at `path` (fewer if it is
    /// shorter), following no link; nil when it is not a regular file.
    public static func readPrefix(_ path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, count) }
        guard got >= 0 else { return nil }
        return Array(bytes.prefix(got))
    }

    public enum ReadFailure: Error, Sendable, Equatable {
        case unreadable
        case tooLarge(size: Int)
    }

    /// The bytes of the regular file at `path` (through a final link when
    /// `followingLinks`), if it is no larger than `limit`.
    public static func readFile(_ path: String, limit: Int, followingLinks: Bool) -> Result<[UInt8], ReadFailure> {
        // Non-blocking, so that opening a FIFO cannot hang; it is then refused as not a regular file.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .failure(.unreadable) }
        let size = Int(status.st_size)
        guard size <= limit else { return .failure(.tooLarge(size: size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, size - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return .failure(.unreadable) }
            done += count
        }
        return .success(bytes)
    }

    /// What tells one state of a file from another without reading it, through links.
    public struct Status: Sendable, Equatable {
        public var size: Int
        /// Nanoseconds since 1970.
        public var modified: Int
        public var changed: Int
        public var inode: Int

        /// All of it as text, to be hashed with what a file is made from.
        public var text: String { "\(size) \(modified) \(changed) \(inode)" }

        init(_ status: stat) {
            size = Int(status.st_size)
            // Wrapping: a time past 2262 must still give a status, not a trap.
            modified = Int(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(status.st_mtim.tv_nsec)
            changed = Int(status.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(status.st_ctim.tv_nsec)
            inode = Int(truncatingIfNeeded: status.st_ino)
        }
    }

    /// Whether `path` is, or leads through links to, a regular file.
    public static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    public static func status(_ path: String) -> Status? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Status(status)
    }

    /// Writes `bytes` beside `path` under a temporary name and renames it
    /// over `path`: a reader, or a crash, sees the old file or the new one,
    /// never half of one. The temporary name starts with `.` and ends with
    /// `.tmp`, so no listing of outputs takes it for one.
    public static func writeAtomically(_ bytes: some Collection<UInt8>, to path: String) throws(Failure) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: lastError()) }
        var failure: String?
        let buffer = Array(bytes)
        var done = 0
        while done < buffer.count {
            let count = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, buffer.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { failure = lastError(); break }
            done += count
        }
        if close(descriptor) != 0, failure == nil { failure = lastError() }
        if failure == nil, rename(temporary, path) != 0 { failure = lastError() }
        if let failure {
            unlink(temporary)
            throw Failure(path: path, reason: failure)
        }
    }

    /// Writes `bytes` to a new file at `path` (or over one), making the folders
    /// it needs: for a folder being assembled that no reader sees yet, where
    /// the temporary name and rename of `writeAtomically` would cost twice.
    /// Returns the file's stamp as written.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) -> Status {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if descriptor < 0, errno == ENOENT {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard makeFolder(folder) else { throw Failure(path: folder, reason: "cannot make the folder") }
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        }
        guard descriptor >= 0 else { throw Failure(path: path, reason: lastError()) }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, bytes.count - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let reason = lastError()
                close(descriptor)
                throw Failure(path: path, reason: reason)
            }
            done += count
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, close(descriptor) == 0 else { throw Failure(path: path, reason: lastError()) }
        return Status(status)
    }

    /// Renames `temporary` over `path` (both in one folder): the last step
    /// of a write that was made elsewhere, such as a streamed page.
    public static func replace(_ path: String, with temporary: String) throws(Failure) {
        guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: lastError()) }
    }

    /// Swaps two paths (files or folders, in one file system) in one step, so
    /// a reader sees the old one or the new one and never neither.
    public static func exchange(_ path: String, _ other: String) throws(Failure) {
        guard renameat2(AT_FDCWD, path, AT_FDCWD, other, asyl_rename_exchange) == 0 else {
            throw Failure(path: path, reason: lastError())
        }
    }

    /// Puts the folder `work` (complete, beside `folder`) in `folder`'s place
    /// in one step; an old `folder` is left at `work`, for the caller to remove.
    public static func replaceFolder(_ folder: String, with work: String) throws(Failure) {
        if kind(of: folder) != nil {
            try exchange(work, folder)
        } else if rename(work, folder) != 0 {
            throw Failure(path: folder, reason: lastError())
        }
    }

    /// A name beside `path` that no other process writing it uses at the same time.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// The names in a folder, each with what it is (nothing followed), in
    /// the order the folder gives them; empty when it cannot be read. The
    /// folder's own record of each kind is used, so a listing of thousands of
    /// files costs no call per file.
    /// A name that is not UTF-8 is left out: no path made from it would
    /// reach the file (`namedEntries` says which were).
    public static func entries(_ folder: String) -> [(name: String, kind: Kind)] {
        namedEntries(folder).entries
    }

    /// `entries`, and the names left out because they are not UTF-8, each
    /// written with its invalid bytes as `\xNN` (to be shown, not opened).
    public static func namedEntries(_ folder: String) -> (entries: [(name: String, kind: Kind)], notUTF8: [String]) {
        guard let directory = opendir(folder) else { return ([], []) }
        defer { closedir(directory) }
        var found: [(String, Kind)] = []
        var notUTF8: [String] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                notUTF8.append(shownName(bytes))
                continue
            }
            guard name != ".", name != ".." else { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = self.kind(of: folder + "/" + name) ?? .other
            default: kind = .other
            }
            found.append((name, kind))
        }
        return (found, notUTF8)
    }

    /// A file name's bytes as text: each byte that is not part of valid UTF-8 as `\xNN`.
    static func shownName(_ bytes: [UInt8]) -> String {
        var shown = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            var iterator = rest.makeIterator()
            var decoder = UTF8()
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                shown.unicodeScalars.append(scalar)
                rest = rest.dropFirst(String(scalar).utf8.count)
            case .error, .emptyInput:
                shown += "\\x" + String(rest.first!, radix: 16, uppercase: true)
                rest = rest.dropFirst()
            }
        }
        return shown
    }

    /// `entries`, sorted by name.
    public static func list(_ folder: String) -> [(name: String, kind: Kind)] {
        entries(folder).sorted { $0.name < $1.name }
    }

    /// Creates a folder and its parents; false when that is not possible
    /// (a file, or a symbolic link, is in the way).
    public static func makeFolder(_ path: String) -> Bool {
        if mkdir(path, 0o777) == 0 { return true }
        switch errno {
        case EEXIST: return kind(of: path) == .directory
        case ENOENT:
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return false }
            guard makeFolder(String(path[..<slash])) else { return false }
            return mkdir(path, 0o777) == 0 || (errno == EEXIST && kind(of: path) == .directory)
        default: return false
        }
    }

    /// Deletes a file or an empty folder; nothing it points to is touched.
    public static func remove(_ path: String) {
        if kind(of: path) == .directory { rmdir(path) } else { unlink(path) }
    }

    /// What the operating system said of a failure that Foundation reports
    /// (its underlying POSIX error, as strerror words it), else the error's own words.
    public static func reason(_ error: any Error) -> String {
        let outer = error as NSError
        let posix = ((outer.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }) ?? outer
        guard posix.domain == NSPOSIXErrorDomain else { return outer.localizedDescription }
        return String(cString: strerror(Int32(posix.code)))
    }

    /// The text of the last C library error.
    public static func lastError() -> String { String(cString: strerror(errno)) }
}
