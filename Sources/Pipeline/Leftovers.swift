import FileSystem
import Foundation

/// What a build that was killed left where builds write: its temporary
/// files and folders (a print folder, a site, the plaques, a search index
/// being assembled, a book being written). The next build removes those
/// whose process is gone; one still running is left to finish, and a file
/// Asyl did not name so is never touched.
enum Leftovers {
    /// Removes the leftovers directly in `folder` (nothing it does not name so).
    static func sweep(_ folder: URL) {
        for entry in FileSystem.entries(folder.path) {
            guard let process = owner(entry.name), process != getpid(), kill(process, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder.appendingPathComponent(entry.name).path)
        }
    }

    /// The temporary pages a killed incremental web build left beside their
    /// places (`index.html.PID.tmp`, anywhere in the site): looked for only
    /// when the build's mark (its process id) is there and its process is
    /// gone, and only names with that process's id are removed.
    static func sweepSite(_ site: URL, markedBy mark: URL) {
        guard let bytes = FileSystem.readRegularFile(mark.path, limit: 64),
              let process = pid_t(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              process > 0, process != getpid(), kill(process, 0) != 0, errno == ESRCH
        else { return }
        let suffix = ".\(process).tmp"
        var folders = [site.path]
        while let folder = folders.popLast() {
            for (name, kind) in FileSystem.entries(folder) {
                switch kind {
                case .directory: folders.append(folder + "/" + name)
                case .file where name.hasSuffix(suffix) && name.count > suffix.count: FileSystem.remove(folder + "/" + name)
                case .file, .symbolicLink, .other: break
                }
            }
        }
        FileSystem.remove(mark.path)
    }

    /// The process a temporary name of Asyl's belongs to: `.print-LANG.PID.tmp`,
    /// `.records-LANG.PID.tmp`, `.web.PID.tmp`, `.plaques.PID.tmp`,
    /// `.pagefind.PID.tmp`, `.BOOK.pdf.PID.tmp` (folders) or
    /// `.BOOK.epub.PID.N.tmp` (a book); nil for any other name.
    static func owner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        var parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 4, parts[parts.count - 3] == "epub", UInt32(parts[parts.count - 1]) != nil {
            parts.removeLast()
        } else {
            let folder = parts.count == 2
                && (["web", "plaques", "pagefind"].contains(parts[0]) || parts[0].hasPrefix("print-") || parts[0].hasPrefix("records-"))
            let pdf = parts.count >= 3 && parts[parts.count - 2] == "pdf"
            guard folder || pdf else { return nil }
        }
        guard let process = pid_t(parts[parts.count - 1]), process > 0 else { return nil }
        return process
    }
}
