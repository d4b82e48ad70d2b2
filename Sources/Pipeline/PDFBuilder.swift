import BuildGraph
import DocumentModel
import FileSystem
import Foundation
import Parallelism
import XMLSerialisation

/// Makes one book's PDF for the press, OUT/EDITION/EDITION.LANG.pdf: its
/// print HTML, assembled by `PrintBuilder` in a folder of its own, rendered
/// by WeasyPrint as PDF/X-4 (`PDFRenderer`). WeasyPrint uses one core for
/// a book, so a build prepares every PDF it makes, renders them all at once
/// on every core, then puts each in place in one step (docs/print.md).
struct PDFBuilder {
    /// The print edition the PDF is made from (a book in the `print` format).
    let print: PrintBuilder
    let renderer: PDFRenderer
    let date: Date

    /// The CMYK profile of the output intent, copied from styles/pdf/ into the print folder.
    static let profile = "Asyl-FOGRA39.icc"

    /// A PDF to render: its print folder, ready, in a folder of its own that `finish` removes.
    struct Job: Sendable {
        let destination: URL
        let work: URL
        let madeFrom: Fingerprint
        let bleed: Double
        let documentID: String
        var html: URL { work.appendingPathComponent("print/index.html") }
        var pdf: URL { work.appendingPathComponent("book.pdf") }
    }

    /// The job that makes `destination`, its print folder assembled in a work
    /// folder beside it (which the caller removes); nil when the PDF there is
    /// still the one these sources make.
    func prepare(_ destination: URL) throws -> Job? {
        let madeFrom = { (of: (PrintPiece) -> Fingerprint?) -> Fingerprint? in
            guard let printed = print.fingerprint(of) else { return nil }
            var hasher = FingerprintHasher()
            hasher.combine(printed)
            hasher.combine(renderer.version)
            hasher.combine(String(Int64(date.timeIntervalSince1970)))
            return hasher.finalize()
        }
        if let known = madeFrom(print.graph.unchangedFingerprint), print.graph.isCurrent(output: destination.path, madeFrom: known) {
            return nil
        }
        let work = WorkFolder.beside(destination)
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        do {
            let folder = work.appendingPathComponent("print")
            try print.assemble(folder)
            try FileManager.default.copyItem(
                at: print.styles.appendingPathComponent("pdf/\(Self.profile)"), to: folder.appendingPathComponent(Self.profile))
            guard let made = madeFrom({ try? print.graph.fingerprint($0) }) else {
                throw BuildError.internalInconsistency("the print pieces of \(print.book) have no fingerprint")
            }
            let book = print.book
            return Job(
                destination: destination, work: work, madeFrom: made, bleed: print.geometry.bleedMillimetres,
                documentID: StableIdentifier.uuid("asyl:\(book.edition):\(book.language.rawValue)"))
        } catch {
            try? FileManager.default.removeItem(at: work)
            throw error
        }
    }

    /// Renders the jobs, two or more at once, and puts each PDF in place;
    /// returns what WeasyPrint warned of, by book. If one fails, the others
    /// are still put in place, then its error is thrown. (The caller removes
    /// the jobs' work folders.)
    static func render(
        _ jobs: [Job], renderer: PDFRenderer, date: Date, graph: Graph, progress: ProgressCounter?
    ) throws -> [(job: Job, warnings: [(warning: String, count: Int)])] {
        progress?.begin(.pdf, total: jobs.count)
        let rendered = jobs.concurrentMap(batch: 1) { job in
            Result { () throws -> [(warning: String, count: Int)] in
                defer { progress?.advance() }
                return try renderer.render(
                    html: job.html, to: job.pdf, bleed: job.bleed, date: date, documentID: job.documentID)
            }
        }
        var said: [(job: Job, warnings: [(warning: String, count: Int)])] = []
        var failure: (any Error)?
        for (job, result) in zip(jobs, rendered) {
            switch result {
            case .success(let warnings):
                try FileSystem.replace(job.destination.path, with: job.pdf.path)
                graph.wrote(output: job.destination.path, madeFrom: job.madeFrom)
                said.append((job, warnings))
            case .failure(let error):
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return said
    }
}
