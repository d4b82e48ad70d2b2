import Diagnostics
import Foundation
import Pipeline

/// The progress line of a long check or build, on a terminal only: the
/// stage, how much of it is done, the findings so far and the time, redrawn
/// in place a few times a second and erased when the work ends, so that
/// what follows starts on a clean line.
final class ProgressLine: @unchecked Sendable {
    let progress = ProgressCounter()
    private let start = DispatchTime.now()
    private let timer: DispatchSourceTimer?
    private let lock = NSLock()
    private var drawn = false
    private var finished = false

    /// Draws nothing unless standard error is a terminal, and not `quiet`.
    init(quiet: Bool) {
        let environment = ProcessInfo.processInfo.environment
        guard !quiet, isatty(STDERR_FILENO) != 0, environment["TERM"] != "dumb" else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "asyl.progress"))
        self.timer = timer
        // Work done in a moment shows no line at all.
        timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    deinit { timer?.cancel() }

    /// The action's counter, or nil when nothing is drawn (the pipeline then counts nothing).
    var counter: ProgressCounter? { timer == nil ? nil : progress }

    /// Stops drawing and erases the line.
    func finish() {
        guard let timer else { return }
        timer.cancel()
        lock.withLock {
            if drawn { Terminal.write("\r\u{1B}[K", to: STDERR_FILENO) }
            finished = true
        }
    }

    private func draw() {
        let line = Self.text(progress.snapshot, seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        lock.withLock {
            guard !finished else { return }
            // Cut to the terminal's width: a line that wraps could not be erased.
            Terminal.write("\r\u{1B}[K" + String(line.prefix(Self.width() - 1)), to: STDERR_FILENO)
            drawn = true
        }
    }

    static func text(_ snapshot: ProgressCounter.Snapshot, seconds: Double) -> String {
        let language = Terminal.language
        var parts = ["asyl: " + stage(snapshot).text(in: language)]
        let findings = snapshot.findings
        if findings.errors + findings.warnings + findings.notes > 0 {
            parts.append(Message(.progressFindings, [
                "errors": Message(.countErrors, ["n": findings.errors]), "warnings": Message(.countWarnings, ["n": findings.warnings]),
                "notes": Message(.countNotes, ["n": findings.notes]),
            ]).text(in: language))
        }
        parts.append(Message(.progressSeconds, ["seconds": String(format: "%.1f", seconds)]).text(in: language))
        return parts.joined(separator: " · ")
    }

    private static func stage(_ snapshot: ProgressCounter.Snapshot) -> Message {
        let count = "\(snapshot.done)/\(snapshot.total)"
        switch snapshot.stage {
        case nil: return Message(.progressReadingTree)
        case .reading: return Message(.progressReading, ["count": count])
        case .checking: return Message(.progressChecking, ["count": count])
        case .book(let edition, let language, let format):
            switch format {
            case .epub: return Message(.progressEPUB, ["book": "\(edition).\(language.rawValue).epub", "count": count])
            case .print: return Message(.progressPrint, ["book": "\(edition)/print-\(language.rawValue)", "count": count])
            case .web: return Message(.progressWeb, ["site": "\(edition)/web", "count": count])
            case .records: return Message(.progressRecords, ["folder": "\(edition)/records-\(language.rawValue)"])
            case .pdf: return Message(.progressPDF, ["count": count])
            }
        case .web(let edition): return Message(.progressWeb, ["site": "\(edition)/web", "count": count])
        case .searchIndex(let edition): return Message(.progressSearchIndex, ["site": "\(edition)/web"])
        case .plaques(let edition): return Message(.progressPlaques, ["folder": "\(edition)/plaques", "count": count])
        case .pdf: return Message(.progressPDF, ["count": count])
        }
    }

    private static func width() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
