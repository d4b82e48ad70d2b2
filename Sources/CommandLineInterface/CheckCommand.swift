import ArgumentParser
import Diagnostics
import DocumentModel
import Foundation
import Loading
import Pipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a source tree and report what is wrong, with file, line and column.",
        discussion: """
            Exit status: 0 when there is no error, 1 when there is one (with --strict, also a warning), \
            2 on bad usage. Every rule, with an example and a fix: docs/rules.md, or --explain RULE.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @OptionGroup var options: SourceOptions

    @Option(help: "text: like a compiler, with the source line and a caret; json: one object of findings and counts (docs/command-line.md); sarif: SARIF 2.1.0.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Explain a rule and how to fix its findings, then stop.", valueName: "rule"))
    var explain: String?

    @Flag(help: "Print only the translation status: for each language, which entries have no version in it.")
    var translations = false

    @Option(help: ArgumentHelp(
        "The build folder of `asyl build`: its store (OUT/.cache) lets the check read only the files changed since the last build or check.",
        valueName: "folder"))
    var out: String = "build"

    @Flag(name: .customLong("no-cache"), help: "Read and check the whole tree, whatever the build folder holds.")
    var noCache = false

    @Flag(help: "On a terminal: check again on every save in the tree, the report redrawn each time, until Ctrl-C.")
    var watch = false

    func run() throws {
        options.interface.apply()
        if let explain {
            guard let rule = Rule(rawValue: explain) else {
                let rules = Rule.allCases.map(\.rawValue).joined(separator: ", ")
                if let near = NearMiss.closest(to: explain, in: Rule.allCases.map(\.rawValue)) {
                    throw Terminal.fail(Message(.cliUnknownRuleDidYouMean, ["rule": explain, "near": near, "rules": rules]))
                }
                throw Terminal.fail(Message(.cliUnknownRule, ["rule": explain, "rules": rules]))
            }
            let language = Terminal.language
            let severity = Message(rule.defaultSeverity == .error ? .severityError : rule.defaultSeverity == .warning ? .severityWarning : .severityNote)
            Terminal.write("\(rule.rawValue) (\(severity.text(in: language))): \(rule.summary.text(in: language))\n\n\(rule.explanation.text(in: language))\n")
            return
        }
        let overrides = try options.overrides()
        let source = try options.sourceURL()
        if watch { try watching(source, overrides: overrides) }
        let report: CheckReport
        let line = ProgressLine(quiet: options.quiet)
        do {
            defer { line.finish() }
            report = try CheckAction(
                source: source, overrides: overrides, buildFolder: noCache ? nil : URL(fileURLWithPath: out),
                progress: line.counter
            ).run()
        } catch {
            throw Terminal.fail(error)
        }
        if translations {
            Terminal.write(format == .json ? report.translations.json + "\n" : ReportPrinter.translations(report.translations, full: true))
            return
        }
        switch format {
        case .json:
            Terminal.write(DiagnosticJSONRenderer.render(
                report.diagnostics, extra: [("translations", report.translations.json)]))
        case .sarif:
            Terminal.write(DiagnosticSARIFRenderer.render(
                report.diagnostics, toolVersion: AsylVersion.string, sourceRoot: report.root.path))
        case .text:
            Terminal.write(ReportPrinter.text(report, colour: Terminal.wantsColour(STDOUT_FILENO), limit: options.limit))
        }
        if report.failed(strict: options.strict) { throw ExitCode(1) }
    }
}

extension CheckCommand {
    /// `--watch`: the text report, the screen cleared before each, for a terminal only.
    func watching(_ source: URL, overrides: [Rule: RuleSetting]) throws -> Never {
        guard isatty(STDOUT_FILENO) != 0, format == .text, !translations else {
            throw Terminal.fail(Message(.cliWatchNeedsTerminal))
        }
        let action = CheckAction(source: source, overrides: overrides, buildFolder: noCache ? nil : URL(fileURLWithPath: out))
        do {
            try action.watch { result in
                // Clear the screen and its scrollback, and start at the top.
                Terminal.write("\u{1B}[H\u{1B}[2J\u{1B}[3J")
                switch result {
                case .success(let report):
                    Terminal.write(ReportPrinter.text(report, colour: Terminal.wantsColour(STDOUT_FILENO), limit: options.limit))
                case .failure(let error):
                    Terminal.write("asyl: " + Message(.cliError, ["message": error.message]).text(in: Terminal.language) + "\n")
                }
                Terminal.say(Message(.cliWatching, ["path": source.path]), to: STDOUT_FILENO)
            }
        } catch {
            throw Terminal.fail(error)
        }
    }
}

/// The text report: each finding as a compiler prints it, the translation
/// status, then a summary line.
enum ReportPrinter {
    static func text(_ report: CheckReport, colour: Bool, limit: FindingLimit) -> String {
        let (shown, hidden) = limit.apply(to: report.diagnostics)
        let tree = report.quoted(shown)
        let renderer = DiagnosticTextRenderer(colour: colour, language: Terminal.language) { path, line in tree.file(path)?.line(line) }
        var out = shown.map(renderer.render).joined()
        out += translations(report.translations, full: false)
        if !report.diagnostics.isEmpty {
            out += Message(.cliByRule).text(in: Terminal.language) + "\n" + renderer.ruleSummary(report.diagnostics, hidden: hidden)
            if !hidden.isEmpty {
                out += Message(.cliFindingsHidden, ["shown": limit.perRule ?? 0]).text(in: Terminal.language) + "\n"
            }
        }
        out += renderer.summary(report.counts, files: report.fileCount) + "\n"
        return out
    }

    /// `kk: 35 of 35 entries`, and with `full` every missing id.
    static func translations(_ matrix: TranslationMatrix, full: Bool) -> String {
        var out = ""
        for row in matrix.rows {
            let versions = Message(.cliTranslationRow, ["language": row.language.rawValue, "versions": row.versions, "entries": matrix.entries])
            out += versions.text(in: Terminal.language)
            if !row.missing.isEmpty {
                let ids = full ? Message(.cliIDs, ["ids": row.missing.map(\.rawValue).joined(separator: ", ")]) : listed(row.missing)
                out += Message(.cliTranslationRowMissing, ["ids": ids]).text(in: Terminal.language)
            }
            out += "\n"
        }
        return out
    }

    /// The first five ids, and how many more.
    static func listed(_ ids: [EntryID]) -> Message {
        let shown = ids.prefix(5).map(\.rawValue).joined(separator: ", ")
        return ids.count > 5 ? Message(.cliIDsAndMore, ["ids": shown, "more": ids.count - 5]) : Message(.cliIDs, ["ids": shown])
    }
}
