import ArgumentParser
import Diagnostics
import Foundation
import Pipeline

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check a source tree, then build its editions.",
        discussion: """
            Writes OUT/EDITION/EDITION.LANG.epub and OUT/EDITION/print-LANG/index.html per edition and \
            language. Errors stop the build (exit 1) and leave earlier outputs untouched. \
            This version checks the sources and stops there: rendering is not implemented yet.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case epub, print
    }

    @OptionGroup var options: SourceOptions

    @Option(help: ArgumentHelp("Where outputs go.", valueName: "dir"), completion: .directory)
    var out: String = "build"

    @Option(name: .customLong("edition"), help: ArgumentHelp("Build only this edition (repeatable).", valueName: "id"))
    var editions: [String] = []

    @Option(name: .customLong("lang"), help: ArgumentHelp("Build only this language (repeatable).", valueName: "tag"))
    var languages: [String] = []

    @Option(name: .customLong("format"), help: "Build only this format (repeatable).")
    var formats: [Format] = []

    @Flag(help: "Include versions marked `draft: true`.")
    var drafts = false

    func run() throws {
        let report: CheckReport
        do {
            report = try CheckAction(source: options.sourceURL, overrides: try options.overrides()).run()
        } catch let error as ValidationError {
            throw error
        } catch {
            throw Terminal.fail("\(error)")
        }
        let colour = Terminal.wantsColour(STDERR_FILENO)
        if !report.diagnostics.isEmpty || report.failed(strict: options.strict) {
            Terminal.write(ReportPrinter.text(report, colour: colour), to: STDERR_FILENO)
        }
        if report.failed(strict: options.strict) {
            Terminal.write("asyl: build stopped: fix the errors above; earlier outputs are untouched\n", to: STDERR_FILENO)
            throw ExitCode(1)
        }
        let known = Set(report.project.configuration.editions.map(\.id))
        for edition in editions where !known.contains(edition) {
            throw Terminal.fail("no edition '\(edition)' in asyl.yaml (it declares \(known.sorted().joined(separator: ", ")))")
        }
        Terminal.write(
            "asyl: checked \(report.project.entries.count) entries in \(report.fileCount) files; "
                + "rendering EPUB and print is not implemented in this version, so nothing was written to \(out)/\n",
            to: STDERR_FILENO)
    }
}
