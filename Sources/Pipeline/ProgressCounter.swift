import Diagnostics
import DocumentModel
import Foundation

/// How far a check or a build has got, for a progress line. The pipeline
/// only counts; the command line reads a snapshot now and then and draws
/// it (or does not, when its output is no terminal).
public final class ProgressCounter: @unchecked Sendable {
    public enum Stage: Sendable, Equatable {
        /// Entries read and parsed, for what other entries see of them.
        case reading
        /// Entries resolved and checked.
        case checking
        /// A book's members made: its chunks, parts and files.
        case book(edition: String, language: LanguageTag, format: OutputFormat)
        /// A web edition's pages.
        case web(edition: String)
        /// Pagefind indexing a web edition: no count, only the time it takes.
        case searchIndex(edition: String)
        /// An edition's plaques.
        case plaques(edition: String)
        /// The PDFs for the press, rendered by WeasyPrint: counted in files.
        case pdf
    }

    public struct Snapshot: Sendable, Equatable {
        public var stage: Stage?
        public var done: Int
        /// Zero when the stage has no count.
        public var total: Int
        /// Findings so far, with the project's and the command line's severity settings.
        public var findings: DiagnosticCounts
    }

    private let lock = NSLock()
    private var current = Snapshot(stage: nil, done: 0, total: 0, findings: DiagnosticCounts())

    public init() {}

    public var snapshot: Snapshot { lock.withLock { current } }

    func begin(_ stage: Stage, total: Int) {
        lock.withLock {
            current.stage = stage
            current.done = 0
            current.total = total
        }
    }

    func advance(by count: Int = 1) {
        lock.withLock { current.done += count }
    }

    func found(_ diagnostics: [Diagnostic]) {
        let counts = DiagnosticCounts(diagnostics)
        lock.withLock {
            current.findings.errors += counts.errors
            current.findings.warnings += counts.warnings
            current.findings.notes += counts.notes
        }
    }
}
