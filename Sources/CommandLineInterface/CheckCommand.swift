import ArgumentParser
import Diagnostics
import Foundation
import Loading
import Pipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a source tree and report what is wrong, with file, line and column.",
        discussion: """
            Exit status: 0 when there is no error, 1 when there is one (with --strict, also a warning), \
            2 on bad usage. Rules and their fixes: docs/rules.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: SourceOptions

    @Option(help: "text: like a compiler, with the source line and a caret; json: FORMAT.md §6.")
    var format: Format = .text

    func run() throws {
        let overrides = try options.overrides()
        let report: CheckReport
        do {
            report = try CheckAction(source: options.sourceURL, overrides: overrides).run()
        } catch {
            throw Terminal.fail(error.description)
        }
        switch format {
        case .json:
            Terminal.write(DiagnosticJSONRenderer.render(
                report.diagnostics, extra: [("translations", report.translations.json)]))
        case .text:
            Terminal.write(ReportPrinter.text(report, colour: Terminal.wantsColour(STDOUT_FILENO)))
        }
        if report.failed(strict: options.strict) { throw ExitCode(1) }
    }
}

/// The text report: each finding as a compiler prints it, then a summary line.
enum ReportPrinter {
    static func text(_ report: CheckReport, colour: Bool) -> String {
        let tree = report.tree
        let renderer = DiagnosticTextRenderer(colour: colour) { path, line in tree.file(path)?.line(line) }
        var out = report.diagnostics.map(renderer.render).joined()
        out += renderer.summary(report.counts, files: report.fileCount) + "\n"
        return out
    }
}
