import ArgumentParser
import DocumentModel
import Foundation
import Pipeline

struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "List, per language, the entries with no version, and the translations outdated, current and not marked.",
        discussion: """
            A translation is outdated when the version it was translated from changed since it was marked \
            (--mark writes the source's fingerprints into its translated-from; rule outdated-translation). \
            docs/format.md, "Translations".
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp(
        "The source tree (default: the nearest folder upward from here that holds an asyl.yaml, else content/).",
        valueName: "source"), completion: .directory)
    var source: String?

    @Option(help: "text: a few lines per language; json: one object (docs/command-line.md).")
    var format: Format = .text

    @Option(name: .customLong("mark"), parsing: .upToNextOption, help: ArgumentHelp(
        "Record in these translations what their sources say now, editing only their translated-from.",
        valueName: "file"), completion: .file())
    var marks: [String] = []

    @Option(help: ArgumentHelp("With --mark: the language the files were translated from.", valueName: "lang"))
    var from: String?

    @Option(help: ArgumentHelp("The build folder, whose store spares reading the whole tree again.", valueName: "folder"))
    var out: String = "build"

    func run() throws {
        // The files to mark say which tree they are in.
        let start = marks.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        let action = TranslationsAction(source: try SourceOptions.tree(source, from: start), buildFolder: URL(fileURLWithPath: out))
        if !marks.isEmpty {
            let marked: [(path: String, source: LanguageTag)]
            do { marked = try action.mark(marks, from: from) } catch { throw Terminal.fail(error) }
            for (path, language) in marked {
                Terminal.write("asyl: marked \(path) as translated from its \(language) version as it is now\n", to: STDERR_FILENO)
            }
            return
        }
        guard from == nil else { throw Terminal.fail("--from goes with --mark") }
        let status: TranslationStatus
        do { status = try action.status() } catch { throw Terminal.fail(error) }
        switch format {
        case .json: Terminal.write(status.json)
        case .text: Terminal.write(Self.text(status))
        }
    }

    static func text(_ status: TranslationStatus) -> String {
        var out = ""
        for row in status.rows {
            out += "\(row.language): \(status.entries - row.missing.count) of \(status.entries) entries\n"
            for (name, ids) in [("no version", row.missing), ("outdated", row.outdated), ("current", row.current),
                                ("not marked", row.unmarked)] where !ids.isEmpty {
                out += "  \(name) (\(ids.count)): " + ids.map(\.rawValue).joined(separator: ", ") + "\n"
            }
        }
        return out
    }
}
