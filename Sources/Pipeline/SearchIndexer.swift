import Foundation

/// Pagefind (pagefind.app), the static search engine the web edition's
/// search runs on: it indexes a folder of pages, per language, into files
/// the browser queries. Asyl runs it as a program, as it is published:
/// `ASYL_PAGEFIND` names its executable (for example `/usr/local/bin/pagefind`),
/// else `pagefind` or `pagefind_extended` on PATH, else `python3 -m pagefind`
/// (PyPI's `pagefind[extended]`, which `make` installs).
struct SearchIndexer {
    let command: [String]

    /// The command that runs Pagefind here; nil if there is none.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchIndexer? {
        if let named = environment["ASYL_PAGEFIND"], !named.allSatisfy(\.isWhitespace) {
            return SearchIndexer(command: [named])
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in ["pagefind", "pagefind_extended"] {
            if let folder = path.first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }) {
                return SearchIndexer(command: ["\(folder)/\(name)"])
            }
        }
        guard let python = path.lazy.map({ "\($0)/python3" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return nil
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import pagefind.service"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? SearchIndexer(command: [python, "-m", "pagefind"]) : nil
    }

    /// Pagefind's own search interfaces, which it writes beside the index:
    /// the site has its own search page, so they are left out.
    static let interfaces = [
        "pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
        "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js",
    ]

    /// Indexes the site under `pages` into `output`: the pages that mark a
    /// body to index (`data-pagefind-body`, the entries' pages) and only
    /// those; throws with what Pagefind said if it fails.
    func index(_ pages: URL, into output: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["--site", pages.path, "--output-path", output.path, "--quiet"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw BuildError.searchIndex("cannot run \(command.joined(separator: " ")): \(error.localizedDescription)")
        }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BuildError.searchIndex(
                "Pagefind failed (\(command.joined(separator: " ")), exit \(process.terminationStatus)): "
                    + String(decoding: said.suffix(2000), as: UTF8.self))
        }
        for name in Self.interfaces { try? FileManager.default.removeItem(at: output.appendingPathComponent(name)) }
        try Self.sortEntry(output.appendingPathComponent("pagefind-entry.json"))
    }

    /// Pagefind writes its entry file's languages in the order of a hash map,
    /// which differs from run to run (Pagefind#638); with its keys sorted,
    /// the index is byte-identical for the same pages.
    static func sortEntry(_ url: URL) throws {
        guard let data = try? Data(contentsOf: url), let entry = try? JSONSerialization.jsonObject(with: data) else {
            throw BuildError.searchIndex("Pagefind wrote no readable \(url.lastPathComponent)")
        }
        try JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys, .withoutEscapingSlashes]).write(to: url)
    }
}
