import Diagnostics
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

    @Option(help: ArgumentHelp(
        "In a tree kept in git: also list, per language, the entries changed since this revision, and those not changed while another language was.",
        valueName: "rev"))
    var since: String?

    @Option(help: ArgumentHelp("The build folder, whose store spares reading the whole tree again.", valueName: "folder"))
    var out: String = "build"

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        interface.apply()
        // The files to mark say which tree they are in.
        let start = marks.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        let action = TranslationsAction(source: try SourceOptions.tree(source, from: start), buildFolder: URL(fileURLWithPath: out))
        if !marks.isEmpty {
            let marked: [(path: String, source: LanguageTag)]
            do { marked = try action.mark(marks, from: from) } catch { throw Terminal.fail(error) }
            for (path, language) in marked {
                Terminal.say(Message(.cliMarked, ["path": path, "language": language.rawValue]))
            }
            return
        }
        guard from == nil else { throw Terminal.fail(Message(.cliFromWithoutMark)) }
        let status: TranslationStatus
        do { status = try action.status(since: since) } catch { throw Terminal.fail(error) }
        switch format {
        case .json: Terminal.write(status.json)
        case .text: Terminal.write(Self.text(status))
        }
    }

    static func text(_ status: TranslationStatus) -> String {
        var out = ""
        for row in status.rows {
            let versions = Message(.cliTranslationRow, [
                "language": row.language.rawValue, "versions": status.entries - row.missing.count, "entries": status.entries,
            ])
            out += versions.text(in: Terminal.language) + "\n"
            for (state, ids) in [(MessageKey.cliStateMissing, row.missing), (.cliStateOutdated, row.outdated), (.cliStateCurrent, row.current),
                                 (.cliStateUnmarked, row.unmarked)] where !ids.isEmpty {
                let line = Message(state, ["count": ids.count, "ids": ids.map(\.rawValue).joined(separator: ", ")])
                out += "  " + line.text(in: Terminal.language) + "\n"
            }
            guard let revision = status.revision else { continue }
            for (state, ids) in [(MessageKey.cliStateChangedSince, row.since.changed), (.cliStateBehindSince, row.since.behind)]
            where !ids.isEmpty {
                let line = Message(state, ["revision": revision, "count": ids.count, "ids": ids.map(\.rawValue).joined(separator: ", ")])
                out += "  " + line.text(in: Terminal.language) + "\n"
            }
        }
        return out
    }
}
