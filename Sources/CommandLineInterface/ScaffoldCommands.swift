import Diagnostics
import ArgumentParser
import Foundation
import Pipeline

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new encyclopedia: asyl.yaml, sources.yaml, entries/ and media/, with one example entry.",
        discussion: "The folder must be new or empty. The tree it makes checks clean and builds (docs/command-line.md).")

    @Argument(help: ArgumentHelp("The folder to make the encyclopedia in.", valueName: "folder"), completion: .directory)
    var folder: String

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        interface.apply()
        let written: [String]
        do { written = try InitAction(folder: URL(fileURLWithPath: folder)).run() } catch { throw Terminal.fail(error) }
        for path in written { Terminal.say(Message(.cliWrote, ["path": "\(folder)/\(path)"])) }
        Terminal.say(Message(.cliInitNext, ["folder": folder]))
    }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write the version files of a new entry, from its kind's fields in asyl.yaml.",
        discussion: """
            Each file has the kind, a headword to change, `draft: true` (no book prints the entry \
            until that line is deleted), the required fields, and every other field commented out \
            with its type (docs/command-line.md).
            """)

    @Argument(help: ArgumentHelp("A kind of asyl.yaml's `kinds`.", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The new entry's id: lowercase ASCII letters, digits and '-'.", valueName: "id"))
    var id: String

    @Option(name: .customLong("lang"), help: ArgumentHelp(
        "The languages to write, comma-separated (default: every language of asyl.yaml that has files).",
        valueName: "kk,ru,en"))
    var languages: String?

    @Option(help: ArgumentHelp(
        "A folder under entries/ for the files (default: where most of the kind's entries are, else entries/KIND).",
        valueName: "folder"))
    var folder: String?

    @Option(help: ArgumentHelp(
        "The source tree (default: the nearest folder upward from here that holds an asyl.yaml, else content/).",
        valueName: "source"), completion: .directory)
    var source: String?

    @Option(help: ArgumentHelp("The build folder, whose store spares reading the whole tree again.", valueName: "folder"))
    var out: String = "build"

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        interface.apply()
        let tree = try SourceOptions.tree(source)
        let action = NewEntryAction(
            source: tree, kind: kind, id: id,
            languages: languages.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
            folder: folder, buildFolder: URL(fileURLWithPath: out))
        let result: NewEntryAction.Result
        do { result = try action.run() } catch { throw Terminal.fail(error) }
        for path in result.written { Terminal.say(Message(.cliWrote, ["path": "\(tree.path)/\(path)"])) }
        if !result.unfilled.isEmpty {
            Terminal.say(Message(.cliNewUnfilled, ["fields": result.unfilled.joined(separator: ", "), "count": result.unfilled.count]))
        }
        Terminal.say(Message(.cliNewNext))
    }
}
