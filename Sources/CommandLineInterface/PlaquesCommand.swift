import ArgumentParser
import Foundation
import Pipeline

struct PlaquesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plaques",
        abstract: "List the addresses the QR plaques print; with --issue, record them in plaques.lock.",
        discussion: """
            Every edition with `plaques:` prints, on each plaque, its entry's language-neutral address on the \
            edition's site. Once a plaque is made, that address must never stop leading to a page: --issue adds \
            each address plaques.lock does not list yet to it (in the source tree; keep it under version \
            control), and `asyl check` then fails when an issued address would no longer resolve (rule \
            issued-address). See docs/plaques.md.
            """)

    @OptionGroup var options: SourceOptions

    @Flag(help: "Add the addresses not yet in plaques.lock to it.")
    var issue = false

    func run() throws {
        let report: PlaquesReport
        do {
            report = try PlaquesAction(source: try options.sourceURL(), issue: issue).run()
        } catch {
            throw Terminal.fail("\(error)")
        }
        let check = report.check
        if !check.diagnostics.isEmpty {
            Terminal.write(ReportPrinter.text(check, colour: Terminal.wantsColour(STDERR_FILENO), limit: options.limit), to: STDERR_FILENO)
        }
        if check.failed(strict: false) {
            Terminal.write("asyl: fix the errors above before issuing plaques\n", to: STDERR_FILENO)
            throw ExitCode(1)
        }
        let new = Set(report.new)
        for address in report.addresses {
            Terminal.write(address + (new.contains(address) && !report.wrote ? "  (not issued yet)" : "") + "\n", to: STDOUT_FILENO)
        }
        if report.addresses.isEmpty {
            Terminal.write("asyl: no edition has plaques (add plaques: {kinds: […]} to a web edition in asyl.yaml)\n", to: STDERR_FILENO)
        } else if report.wrote {
            Terminal.write("asyl: issued \(report.new.count) address\(report.new.count == 1 ? "" : "es") in plaques.lock\n", to: STDERR_FILENO)
        } else if !new.isEmpty {
            Terminal.write("asyl: \(new.count) not issued yet; `asyl plaques --issue` records them in plaques.lock\n", to: STDERR_FILENO)
        }
    }
}
