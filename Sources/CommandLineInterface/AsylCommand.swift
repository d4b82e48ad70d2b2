import ArgumentParser
import Diagnostics
import Foundation
import Pipeline

/// The root command. Subcommands parse arguments and hand the work to an
/// action in `Pipeline`; only this module prints.
public struct AsylCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "asyl",
        abstract: "Build and check encyclopedias written as ID.LANG.md files.",
        discussion: "Documentation: docs/ in the Asyl repository (docs/format.md for editors, docs/rules.md for checks).",
        version: AsylVersion.string,
        subcommands: [
            InitCommand.self, NewCommand.self, CheckCommand.self, TranslationsCommand.self, BuildCommand.self, ServeCommand.self,
            PlaquesCommand.self,
        ])

    public init() {}

    /// Runs the command line and exits with FORMAT.md §6's codes: 0 clean,
    /// 1 findings that fail, 2 bad usage.
    public static func main(arguments: [String]? = nil) -> Never {
        guard MessageCatalogue.shippedFolder != nil else {
            // No catalogue to say it in: this one line is English, and the failure is the installation's (exit 3).
            FileHandle.standardError.write(Data(
                "asyl: the message catalogues are missing: Asyl_Messages.resources/ must lie beside the asyl executable (copy it with asyl when installing)\n".utf8))
            Foundation.exit(3)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// The language the command speaks in; every subcommand has it.
struct InterfaceOptions: ParsableArguments {
    @Option(name: .customLong("ui-lang"), help: ArgumentHelp(
        "The language of messages and reports: kk, ru or en (default: from LC_ALL, LC_MESSAGES or LANG, else en; JSON and SARIF stay in English).",
        valueName: "lang"))
    var uiLang: String?

    func validate() throws {
        if let uiLang, InterfaceLanguage(tag: uiLang) == nil {
            throw ValidationError(Message(.cliUiLangInvalid, ["value": uiLang]).text(in: Terminal.language))
        }
    }

    /// Chooses the language for the rest of the run.
    func apply() {
        Terminal.language = InterfaceLanguage.chosen(flag: uiLang, environment: ProcessInfo.processInfo.environment)
    }
}

/// Options shared by `check` and `build`.
struct SourceOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The source tree: a folder with asyl.yaml, sources.yaml and entries/ (default: the nearest folder upward from here that holds an asyl.yaml, else content/).",
        valueName: "source"), completion: .directory)
    var source: String?

    @Flag(help: "Fail on warnings as well as errors.")
    var strict = false

    @Option(name: .customLong("rule"), parsing: .singleValue,
            help: ArgumentHelp("Set a rule's severity, over asyl.yaml's `checks` (repeatable).", valueName: "rule=off|note|warning|error"))
    var rules: [String] = []

    @Flag(help: "No progress line (there is none when standard error is not a terminal).")
    var quiet = false

    @Option(name: .customLong("max-findings"), help: ArgumentHelp(
        "Findings of each rule the text report shows before it only counts them (0: all; JSON and SARIF list all).",
        valueName: "n"))
    var maxFindings: Int = FindingLimit.standardPerRule

    var limit: FindingLimit { FindingLimit(perRule: maxFindings > 0 ? maxFindings : nil) }

    @OptionGroup var interface: InterfaceOptions

    func validate() throws {
        guard maxFindings >= 0 else { throw ValidationError(Message(.cliMaxFindingsInvalid, ["value": String(maxFindings)]).text(in: Terminal.language)) }
    }

    func overrides() throws -> [Rule: RuleSetting] {
        var settings: [Rule: RuleSetting] = [:]
        for text in rules {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let rule = Rule(rawValue: parts[0]), let setting = RuleSetting(parts[1]) else {
                throw ValidationError(Message(.cliRuleInvalid, ["value": text]).text(in: Terminal.language))
            }
            settings[rule] = setting
        }
        return settings
    }

    /// SOURCE, or the nearest folder upward from the current one that holds an
    /// asyl.yaml (as git finds its repository), or `content/`.
    func sourceURL() throws -> URL { try Self.tree(source) }

    /// `start`: where the upward search begins, if not the current folder.
    static func tree(_ source: String?, from start: URL? = nil) throws -> URL {
        if let source { return URL(fileURLWithPath: source) }
        let files = FileManager.default
        var folder = (start ?? URL(fileURLWithPath: files.currentDirectoryPath)).standardizedFileURL
        while true {
            if files.fileExists(atPath: folder.appendingPathComponent("asyl.yaml").path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: "content", isDirectory: &isFolder), isFolder.boolValue else {
            throw Terminal.fail(Message(.cliNoTree))
        }
        return URL(fileURLWithPath: "content")
    }
}

enum Terminal {
    /// The language of this run's messages (`--ui-lang`, else the locale): one process, one command.
    nonisolated(unsafe) static var language = InterfaceLanguage.chosen(flag: nil, environment: ProcessInfo.processInfo.environment)

    /// "asyl: " and the message in the run's language.
    static func say(_ message: Message, to descriptor: Int32 = STDERR_FILENO) {
        write("asyl: " + message.text(in: language) + "\n", to: descriptor)
    }

    /// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
    static func wantsColour(_ descriptor: Int32) -> Bool {
        isatty(descriptor) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    static func write(_ text: String, to descriptor: Int32 = STDOUT_FILENO) {
        let handle = descriptor == STDERR_FILENO ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }

    static func fail(_ message: Message) -> ExitCode {
        error(message)
        return ExitCode(2)
    }

    /// "asyl: error: " and the message.
    static func error(_ message: Message) {
        say(Message(.cliError, ["message": message]))
    }

    /// Exit 2, saying what went wrong.
    static func fail(_ error: any Error) -> ExitCode {
        fail(Message(for: error))
    }

    /// Exit 2 for a request refused, 3 for a file that could not be written (FORMAT.md §7).
    static func fail(_ error: TreeEditError) -> ExitCode {
        self.error(error.message)
        switch error {
        case .refused: return ExitCode(2)
        case .io: return ExitCode(3)
        }
    }
}
