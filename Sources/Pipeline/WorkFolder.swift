import FileSystem
import Foundation

/// How a builder writes a folder (a print edition, records, plaques): it is
/// assembled beside its place under a temporary name, which the next build
/// sweeps if this one is killed (`Leftovers`), then swapped in in one step,
/// so there is never a moment with no folder or half of one.
enum WorkFolder {
    /// `.NAME.PID.tmp` beside `folder`.
    static func beside(_ folder: URL) -> URL {
        folder.deletingLastPathComponent()
            .appendingPathComponent(".\(folder.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    }

    /// Fills a new work folder with `fill` and puts it in `folder`'s place;
    /// the work folder (then holding the old one) is removed whatever happens.
    static func assemble(_ folder: URL, _ fill: (URL) throws -> Void) throws {
        let work = beside(folder)
        try? FileManager.default.removeItem(at: work)
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try fill(work)
        try FileSystem.replaceFolder(folder.path, with: work.path)
    }
}
