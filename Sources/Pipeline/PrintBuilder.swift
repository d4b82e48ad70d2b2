import BuildGraph
import DocumentModel
import FileSystem
import Foundation
import Localisation
import NativeBridge
import Packaging
import Parallelism
import Resolution
import Synchronization
import XMLSerialisation

/// Makes the print HTML of one book: `print-LANG/index.html` with print.css,
/// fonts and images beside it, for a CSS paged-media engine. The book's
/// outline is transformed into the whole page but for the entries, which
/// come from each chunk transformed on its own, on every core, and are
/// written in place of the outline's `<?asyl-chunk FILE?>` a few at a time:
/// memory holds a few chunks, not the book. The folder is assembled under a
/// temporary name and swapped into place at the end, in one step (`renameat2`).
struct PrintBuilder {
    let book: BookName
    let layout: BookLayout.Layout
    /// The page geometry of asyl.yaml's `print:`.
    let geometry: PrintGeometry
    let tree: URL
    let graph: Graph
    let styles: URL
    let progress: ProgressCounter?

    /// Pieces (chunks and the text between them) made between two writes:
    /// about 16 chunks, enough to keep every core busy.
    static let window = 32

    func write(to folder: URL) throws {
        // A book none of whose pieces changed, still as the last build left it, is not written again.
        if let madeFrom = fingerprint(graph.unchangedFingerprint), graph.isCurrent(output: folder.path, madeFrom: madeFrom) { return }
        try assemble(folder)
        if let madeFrom = fingerprint({ try? graph.fingerprint($0) }) { graph.wrote(output: folder.path, madeFrom: madeFrom) }
    }

    /// What the folder is made from: its pieces, the stylesheets, fonts and
    /// CSS, the page geometry, and the images' stamps; nil if `of` does not
    /// give a piece's fingerprint. (Only checked, pieces are not made here:
    /// made, they would all be in memory at once.)
    func fingerprint(_ of: (PrintPiece) -> Fingerprint?) -> Fingerprint? {
        var hasher = FingerprintHasher()
        for name in [PrintPiece.page] + layout.chunks {
            guard let piece = of(PrintPiece(book: book, name: name)) else { return nil }
            hasher.combine(piece)
        }
        guard let tools = graph.unchangedFingerprint(RenderTools()) else { return nil }
        hasher.combine(tools)
        hasher.combine("\(geometry.trim) \(geometry.bleed) \(geometry.marks ?? "")")
        for image in layout.images {
            let status = FileSystem.status(tree.appendingPathComponent(image.path).path)
            hasher.combine("\(image.path) \(status?.text ?? "none")")
        }
        return hasher.finalize()
    }

    /// Writes the folder, whatever is there now, in a `WorkFolder`.
    func assemble(_ folder: URL) throws {
        try WorkFolder.assemble(folder) { work in
            let (book, graph, progress) = (self.book, self.graph, self.progress)
            let page = PrintPiece(book: book, name: PrintPiece.page)
            progress?.begin(.book(edition: book.edition, language: book.language, format: book.format), total: layout.chunks.count)
            try Self.writePage(try Self.piece(page, graph), chunks: Set(layout.chunks),
                               to: work.appendingPathComponent("index.html")) { file in
                defer { progress?.advance() }
                let bytes = try Self.piece(PrintPiece(book: book, name: file), graph)
                graph.release([PrintPiece(book: book, name: file).key] + ChunkXML(book: book, name: file).rendered(in: graph))
                return bytes
            }
            graph.release([OutlineXML(book).key, page.key])

            let css = try Data(contentsOf: styles.appendingPathComponent("print.css"))
            try (Data(Self.pageRules(geometry).utf8) + css).write(to: work.appendingPathComponent("print.css"))

            let fonts = work.appendingPathComponent("fonts")
            try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
            for font in EPUBBuilder.fonts + ["PTSerif-LICENSE.txt", "AsylArrows.ttf", "AsylArrows-LICENSE.txt"] {
                try FileManager.default.copyItem(at: styles.appendingPathComponent("fonts/" + font), to: fonts.appendingPathComponent(font))
            }
            for image in layout.images {
                let target = work.appendingPathComponent(image.path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: tree.appendingPathComponent(image.path), to: target)
            }
        }
    }

    /// Writes the page the outline's transform made, with each chunk's HTML
    /// (from `chunk`, a window of them at a time on every core) in place of
    /// its instruction. `chunks`: the book's chunk files, each to be placed once.
    static func writePage(
        _ page: [UInt8], chunks: Set<String>, to index: URL, chunk: @escaping @Sendable (String) throws -> [UInt8]
    ) throws {
        let pieces = split(page)
        // Every chunk exactly once, or the book would silently lose entries.
        let placed = pieces.compactMap { if case .chunk(let file) = $0 { file } else { nil } }
        guard placed.sorted() == chunks.sorted() else {
            throw BuildError.printChunksPlaced(placed.count, of: chunks.count)
        }
        guard FileManager.default.createFile(atPath: index.path, contents: nil),
              let output = FileHandle(forWritingAtPath: index.path)
        else {
            throw BuildError.cannotWrite(index.path, "cannot create the file")
        }
        defer { try? output.close() }
        try output.write(contentsOf: Data("<!DOCTYPE html>\n".utf8))
        for start in stride(from: 0, to: pieces.count, by: window) {
            let made = Array(pieces[start..<min(start + window, pieces.count)]).concurrentMap(batch: 1) { piece in
                Result { () throws -> [UInt8] in
                    switch piece {
                    case .text(let bytes): return bytes
                    case .chunk(let file): return try chunk(file)
                    }
                }
            }
            for bytes in made { try output.write(contentsOf: Data(try bytes.get())) }
        }
        try output.close()
    }
}

extension PrintBuilder {
    /// The rules print.css starts with: the sheet of asyl.yaml's `print:`
    /// (trim, bleed with its slug, marks), and the margins and column gap of
    /// `PrintGeometry`, which `print-resolution` reads too.
    static func pageRules(_ geometry: PrintGeometry) -> String {
        let size = geometry.trim.replacingOccurrences(of: "mm", with: "").split(separator: "x").map { "\($0)mm" }.joined(separator: " ")
        let margins = PrintGeometry.margins
        var rules = "@page { size: \(size); bleed: \(format(geometry.sheetBleedMillimetres))mm;"
        if let marks = geometry.marks { rules += " marks: \(marks);" }
        rules += " margin: \([margins.top, margins.outer, margins.bottom, margins.inner].map { format($0) + "mm" }.joined(separator: " ")); }\n"
        rules += "@page :left { margin-left: \(format(margins.outer))mm; margin-right: \(format(margins.inner))mm; }\n"
        rules += "main.entries .letter { column-gap: \(format(PrintGeometry.columnGap))mm; }\n"
        return rules
    }

    /// Millimetres as CSS writes them: 3, 12, 4.5.
    static func format(_ millimetres: Double) -> String {
        millimetres == millimetres.rounded() && abs(millimetres) < 1e9 ? String(Int(millimetres)) : String(millimetres)
    }

    /// A piece's HTML, made or taken from the store.
    static func piece(_ piece: PrintPiece, _ graph: Graph) throws -> [UInt8] {
        guard let bytes = try graph.value(piece).contents else {
            throw BuildError.internalInconsistency("the print piece \(piece.name) could not be inflated")
        }
        return bytes
    }

    enum Piece: Sendable {
        case text([UInt8])
        case chunk(String)
    }

    /// The page cut at each `<?asyl-chunk FILE?>` the outline's transform left
    /// (`<?asyl-chunk FILE>` when a stylesheet writes HTML).
    static func split(_ page: [UInt8]) -> [Piece] {
        let open = Array("<?asyl-chunk ".utf8)
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        while index + open.count <= page.count {
            guard page[index] == open[0], page[index..<index + open.count].elementsEqual(open),
                  let close = page[(index + open.count)...].firstIndex(of: UInt8(ascii: ">"))
            else {
                index += 1
                continue
            }
            var name = page[(index + open.count)..<close]
            if name.last == UInt8(ascii: "?") { name = name.dropLast() }
            pieces.append(.text(Array(page[textStart..<index])))
            pieces.append(.chunk(String(decoding: name, as: UTF8.self)))
            index = close + 1
            textStart = index
        }
        pieces.append(.text(Array(page[textStart...])))
        return pieces
    }
}
