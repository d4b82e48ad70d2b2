import ArgumentParser
import BuildGraph
import Diagnostics
import DocumentModel
import Foundation
import Pipeline

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check a source tree, then build its editions.",
        discussion: """
            Writes OUT/EDITION/EDITION.LANG.epub per edition and language. Every check runs first: errors \
            (and with --strict, warnings) stop the build with exit status 1 and leave earlier outputs untouched. \
            It also writes OUT/EDITION/print-LANG/index.html, with print.css, fonts and images beside it, for a \
            CSS paged-media engine such as WeasyPrint, and, for an edition built as web, the site OUT/EDITION/web/ \
            (with its plaques, if it has them), and for one built as records, each e-book's MARCXML, OAI-DC and ONIX \
            records in OUT/EDITION/records-LANG/, and for one built as pdf, the PDF/X-4 file for the press \
            OUT/EDITION/EDITION.LANG.pdf (rendered by WeasyPrint). SOURCE_DATE_EPOCH fixes the dates the books carry, so the \
            same sources give the same bytes; without it they carry today's date (at 00:00 UTC). A rebuild reads, \
            checks and renders only what changed since the last build into OUT (see --no-cache).
            """)

    @OptionGroup var options: SourceOptions

    @Option(help: ArgumentHelp("Where outputs go.", valueName: "dir"), completion: .directory)
    var out: String = "build"

    @Option(name: .customLong("edition"), help: ArgumentHelp("Build only this edition (repeatable).", valueName: "id"))
    var editions: [String] = []

    @Option(name: .customLong("lang"), help: ArgumentHelp("Build only this language (repeatable).", valueName: "tag"))
    var languages: [String] = []

    @Option(name: .customLong("format"), help: "Build only this format (repeatable): epub, print, web, records or pdf.")
    var formats: [OutputFormatArgument] = []

    @Flag(help: "Include versions marked `draft: true`.")
    var drafts = false

    @Flag(name: .customLong("emit-xml"), help: "Also write each book's intermediate XML to OUT/EDITION/xml-LANG/.")
    var emitXML = false

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write OUT/.cache, where builds keep what they made for the next one.")
    var noCache = false

    @Flag(name: .customLong("no-search-index"), help: "Build the web edition without its search index (its search page says search is not available).")
    var noSearchIndex = false

    @Flag(help: "Print why each product of the build graph was made again, and what each kind of product took.")
    var why = false

    func run() throws {
        options.interface.apply()
        var date = Self.today()
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            // An EPUB's dates are years 0000–9999 (XML Schema's dateTime as EPUB 3.3 restricts it); from 1970 on here.
            guard let seconds = Int(epoch), (0...253_402_300_799).contains(seconds) else {
                throw Terminal.fail(Message(.cliSourceDateEpoch, ["value": epoch]))
            }
            date = Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        let (source, overrides) = (try options.sourceURL(), try options.overrides())
        let line = ProgressLine(quiet: options.quiet)
        let action = BuildAction(
            source: source, output: URL(fileURLWithPath: out), editions: editions,
            languages: languages.map { LanguageTag($0) }, formats: formats.map(\.format), strict: options.strict,
            includeDrafts: drafts, overrides: overrides, date: date, styles: StylesLocation.find(),
            emitXML: emitXML, useCache: !noCache, searchIndex: !noSearchIndex, progress: line.counter)
        let report: BuildReport
        do {
            defer { line.finish() }
            report = try action.run()
        } catch BuildError.cannotWrite(let path, let reason) {
            Terminal.error(Message(.cliCannotWriteUntouched, ["path": path, "reason": reason]))
            throw ExitCode(3)
        } catch let error where !StylesheetProblem.all(in: error).isEmpty {
            // A stylesheet that does not compile or a transformation that fails: each problem once, at its file and line.
            for problem in StylesheetProblem.all(in: error) {
                Terminal.write(problem.message(in: source).text(in: Terminal.language) + "\n", to: STDERR_FILENO)
            }
            Terminal.say(Message(.cliBuildStopped))
            throw ExitCode(1)
        } catch {
            throw Terminal.fail(error)
        }
        let check = report.check
        if !check.diagnostics.isEmpty {
            Terminal.write(ReportPrinter.text(check, colour: Terminal.wantsColour(STDERR_FILENO), limit: options.limit), to: STDERR_FILENO)
        }
        if check.failed(strict: options.strict) {
            Terminal.say(Message(.cliBuildStopped))
            throw ExitCode(1)
        }
        for line in report.coverage {
            let total = line.entries + line.missing.count + line.drafts.count
            var reasons: [Message] = []
            if !line.missing.isEmpty {
                reasons.append(Message(.cliCoverageMissing, ["language": line.language.rawValue, "ids": ReportPrinter.listed(line.missing)]))
            }
            if !line.drafts.isEmpty { reasons.append(Message(.cliCoverageDrafts, ["ids": ReportPrinter.listed(line.drafts)])) }
            let coverage = Message(.cliCoverage, [
                "edition": line.edition, "language": line.language.rawValue, "entries": line.entries, "total": total,
            ])
            let text = coverage.text(in: Terminal.language)
                + (reasons.isEmpty ? "" : " (" + reasons.map { $0.text(in: Terminal.language) }.joined(separator: "; ") + ")")
            Terminal.write("asyl: " + text + "\n", to: STDERR_FILENO)
        }
        for output in report.outputs { Terminal.say(Message(.cliWrote, ["path": output.relativePath])) }
        for notice in report.notices { Terminal.say(Message(.cliNotice, ["message": notice])) }
        if why {
            Terminal.write(Self.explain(report.explanations), to: STDERR_FILENO)
        }
    }
}

extension BuildCommand {
    /// Today, not this second: a day's rebuilds are the same book, and re-render only what changed.
    static func today() -> Date {
        let now = Date().timeIntervalSince1970
        return Date(timeIntervalSince1970: now - now.truncatingRemainder(dividingBy: 86_400))
    }

    /// One line per product made again, with its reason, as `ninja -d explain`
    /// prints; then, for each kind of product, how many and how long.
    static func explain(_ explanations: [Explanation]) -> String {
        var text = ""
        var kinds: [String: (count: Int, seconds: Double)] = [:]
        for explanation in explanations.sorted(by: { $0.key < $1.key }) {
            text += "asyl: why: \(explanation)\n"
            kinds[explanation.key.kind, default: (0, 0)].count += 1
            kinds[explanation.key.kind, default: (0, 0)].seconds += explanation.seconds
        }
        if explanations.isEmpty { text += "asyl: why: nothing was made again\n" }
        for (kind, total) in kinds.sorted(by: { $0.key < $1.key }) {
            text += "asyl: why: \(kind): \(total.count) made, \(String(format: "%.3f", total.seconds)) s\n"
        }
        return text
    }
}

struct OutputFormatArgument: ExpressibleByArgument {
    var format: OutputFormat

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}

/// Where Asyl's `styles/` folder is: ASYL_STYLES, else beside the executable
/// or in a folder above it (a checkout), else in the current folder.
enum StylesLocation {
    static func find() -> URL {
        if let path = ProcessInfo.processInfo.environment["ASYL_STYLES"] { return URL(fileURLWithPath: path) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("styles")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("epub.xsl").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "styles")
    }
}
