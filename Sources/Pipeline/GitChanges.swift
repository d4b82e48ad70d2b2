import Diagnostics
import Foundation

/// The files of a tree kept in git that differ from a revision: changed or
/// added since, committed or not, and new files git does not ignore.
/// Asyl asks git itself, which knows the repository's history; it needs no
/// repository for anything else.
enum GitChanges {
    /// Paths relative to `tree`.
    static func files(since revision: String, in tree: URL) throws(TreeEditError) -> Set<String> {
        do {
            _ = try git(["rev-parse", "--is-inside-work-tree"], in: tree, revision: revision)
        } catch .refused(let message) where message.key == .translationsSinceFailed {
            throw .refused(Message(.translationsSinceNotRepository, ["revision": revision, "path": tree.path]))
        }
        // `--end-of-options`: a revision that starts with '-' is not read as an option.
        let changed = try git(["diff", "--name-only", "--relative", "--no-renames", "--diff-filter=ACMRT", "-z",
                               "--end-of-options", revision, "--", "."], in: tree, revision: revision)
        let untracked = try git(["ls-files", "--others", "--exclude-standard", "-z", "--", "."], in: tree, revision: revision)
        return Set((changed + untracked).split(separator: "\0").map(String.init))
    }

    private static func git(_ arguments: [String], in tree: URL, revision: String) throws(TreeEditError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", tree.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        // git's own words, whatever the locale, and never a pager or a prompt.
        environment["LC_ALL"] = "C"
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .refused(Message(.translationsSinceNoGit, ["revision": revision]))
        }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // env's status when it finds no git.
        if process.terminationStatus == 127 {
            throw .refused(Message(.translationsSinceNoGit, ["revision": revision]))
        }
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: problem, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "git failed"
            throw .refused(Message(.translationsSinceFailed, ["revision": revision, "path": tree.path, "reason": reason]))
        }
        return String(decoding: text, as: UTF8.self)
    }
}
