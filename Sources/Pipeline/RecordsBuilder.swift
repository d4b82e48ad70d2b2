import BuildGraph
import FileSystem
import Foundation

/// Writes one book's catalogue records, OUT/EDITION/records-LANG/: its
/// MARCXML, OAI-DC and ONIX 3.0 records, each made by records.xsl from the
/// book's outline (docs/records.md), assembled in a `WorkFolder`.
struct RecordsBuilder {
    let book: BookName
    let graph: Graph

    func write(to folder: URL) throws {
        let records = RecordDocument.parts.map { RecordDocument(book: book, name: $0) }
        var hasher = FingerprintHasher()
        for record in records { hasher.combine(try graph.fingerprint(record)) }
        let madeFrom = hasher.finalize()
        guard !graph.isCurrent(output: folder.path, madeFrom: madeFrom) else { return }
        try WorkFolder.assemble(folder) { work in
            for record in records {
                try FileSystem.write(try graph.value(record), to: work.appendingPathComponent(record.file).path)
            }
        }
        graph.wrote(output: folder.path, madeFrom: madeFrom)
        graph.release(records.map(\.key))
    }
}
