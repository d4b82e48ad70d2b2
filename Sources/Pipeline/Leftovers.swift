import FileSystem
import Foundation

/// What a build that was killed left where builds write: its temporary
/// files and folders, named `.NAME.PID.tmp` (a print folder, a site, the
/// plaques, a search index being assembled) or `.NAME.PID.N.tmp` (a book
/// being written). The next build removes those whose process is gone;
/// one still running is left to finish.
enum Leftovers {
    /// Removes the leftovers directly in `folder` (nothing it does not name so).
    static func sweep(_ folder: URL) {
        for entry in FileSystem.entries(folder.path) {
            guard let process = owner(entry.name), process != getpid(), kill(process, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder.appendingPathComponent(entry.name).path)
        }
    }

    /// The process a temporary name belongs to; nil for any other name.
    static func owner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), name.count > 5 else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = pid_t(parts[parts.count - 1]) else { return nil }
        // `.NAME.PID.N.tmp`: the number before the last is the process.
        if parts.count >= 3, let before = pid_t(parts[parts.count - 2]) { return before > 0 ? before : nil }
        return last > 0 ? last : nil
    }
}
