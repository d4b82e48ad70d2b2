import Diagnostics
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
        options.interface.apply()
        let report: PlaquesReport
        do {
            report = try PlaquesAction(source: try options.sourceURL(), issue: issue).run()
        } catch {
            throw Terminal.fail(error)
        }
        let check = report.check
        if !check.diagnostics.isEmpty {
            Terminal.write(ReportPrinter.text(check, colour: Terminal.wantsColour(STDERR_FILENO), limit: options.limit), to: STDERR_FILENO)
        }
        if check.failed(strict: false) {
            Terminal.say(Message(.cliPlaquesFixFirst))
            throw ExitCode(1)
        }
        let new = Set(report.new)
        for address in report.addresses {
            let mark = new.contains(address) && !report.wrote ? "  " + Message(.cliPlaqueNotIssued).text(in: Terminal.language) : ""
            Terminal.write(address + mark + "\n", to: STDOUT_FILENO)
        }
        if report.addresses.isEmpty {
            Terminal.say(Message(.cliPlaquesNone))
        } else if report.wrote {
            Terminal.say(Message(.cliPlaquesIssued, ["count": report.new.count]))
        } else if !new.isEmpty {
            Terminal.say(Message(.cliPlaquesWaiting, ["count": new.count]))
        }
    }
}
