import CLinux
import Glibc

/// Watches a folder and every folder under it (inotify), and says when
/// files in them change: for `asyl serve`, which rebuilds on save. Editors
/// save in many ways (in place, or a new file renamed over the old), and a
/// save is often several events, so changes are gathered until the tree
/// has been quiet for a moment.
public final class TreeWatcher: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "cannot watch \(path): \(reason)" }
    }

    private let descriptor: Int32
    private let root: String
    private let skipped: @Sendable (String) -> Bool
    /// Watch descriptors to the folders they watch, relative to the root.
    private var folders: [Int32: String] = [:]

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
        | UInt32(IN_DELETE_SELF) | UInt32(IN_ONLYDIR)

    /// `skipped`: folders, relative to the root, not to watch (dot-folders always are).
    public init(root: String, skipping skipped: @escaping @Sendable (String) -> Bool = { _ in false }) throws(Failure) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(path: root, reason: FileSystem.lastError()) }
        self.root = root
        self.skipped = skipped
        watch("")
    }

    deinit { close(descriptor) }

    /// Waits for a change, then until nothing has changed for `quiet`
    /// milliseconds; returns the paths (relative to the root) that changed.
    public func next(quiet: Int32 = 80) -> [String] {
        var changed: Set<String> = []
        var timeout: Int32 = -1
        while true {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { return changed.sorted() }
            changed.formUnion(readEvents())
            timeout = quiet
        }
    }

    private func readEvents() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var paths: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { bytes in
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(offset + header + length, count)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += header + length
            guard let folder = folders[wd] else { continue }
            let path = folder.isEmpty ? name : name.isEmpty ? folder : folder + "/" + name
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[wd] = nil
                continue
            }
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch(path) }
            if !name.hasPrefix(".") { paths.append(path) }
        }
        return paths
    }

    /// Watches `folder` and the folders under it.
    private func watch(_ folder: String) {
        guard folder.isEmpty || (!folder.split(separator: "/").contains { $0.hasPrefix(".") } && !skipped(folder)) else { return }
        let path = folder.isEmpty ? root : root + "/" + folder
        let wd = inotify_add_watch(descriptor, path, Self.mask)
        guard wd >= 0 else { return }
        folders[wd] = folder
        for entry in FileSystem.entries(path) where entry.kind == .directory {
            watch(folder.isEmpty ? entry.name : folder + "/" + entry.name)
        }
    }
}
