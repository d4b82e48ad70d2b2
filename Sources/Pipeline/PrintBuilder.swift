import DocumentModel
import Foundation
import Localisation
import NativeBridge
import Packaging
import Parallelism
import Resolution
import XMLSerialisation

/// Makes the print HTML of one book: `print-LANG/index.html` with print.css,
/// fonts and images beside it, for a CSS paged-media engine. The book's
/// outline is transformed into the whole page but for the entries, which
/// come from each chunk transformed on its own, on every core, and are
/// written in place of the outline's `<?asyl-chunk FILE?>` a few at a time:
/// memory holds a few chunks, not the book. The folder is assembled under a
/// temporary name and swapped into place at the end.
struct PrintBuilder {
    let plan: BookPlan
    let project: ResolvedProject
    let tree: URL
    let stylesheet: XSLTStylesheet
    let cache: RenderCache
    let styles: URL
    let date: Date

    /// Pieces (chunks and the text between them) made between two writes:
    /// about 16 chunks, enough to keep every core busy.
    static let window = 32

    func write(to folder: URL) throws {
        let parent = folder.deletingLastPathComponent()
        let work = parent.appendingPathComponent(".\(folder.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: work)
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let serialiser = BookSerialiser(
            plan: plan, project: project, modified: date, resources: [], fontLicence: "",
            kazakhSoftHyphens: plan.language.rawValue == "kk")
        let pieces = Self.split(try transform(serialiser.outline(), name: "index.html"))
        let chunks = Dictionary(uniqueKeysWithValues: plan.chunks.map { ($0.file, $0) })
        // Every chunk exactly once, or the book would silently lose entries.
        let placed = pieces.compactMap { if case .chunk(let file) = $0 { file } else { nil } }
        guard placed.sorted() == chunks.keys.sorted() else {
            throw BuildError.stylesheet(
                "print.xsl placed \(placed.count) chunks of the book's \(chunks.count): its book template must leave one "
                    + "<?asyl-chunk FILE?> for each (docs/styles.md)")
        }
        let index = work.appendingPathComponent("index.html")
        guard FileManager.default.createFile(atPath: index.path, contents: nil),
              let output = FileHandle(forWritingAtPath: index.path)
        else {
            throw BuildError.stylesheet("cannot write \(index.path)")
        }
        defer { try? output.close() }
        try output.write(contentsOf: Data("<!DOCTYPE html>\n".utf8))
        for start in stride(from: 0, to: pieces.count, by: Self.window) {
            let window = Array(pieces[start..<min(start + Self.window, pieces.count)])
            let made = window.concurrentMap(batch: 1) { piece in
                Result { () throws -> [UInt8] in
                    switch piece {
                    case .text(let bytes): return bytes
                    case .chunk(let file):
                        return try transform(serialiser.chunk(chunks[file]!), name: file)
                    }
                }
            }
            for bytes in made { try output.write(contentsOf: Data(try bytes.get())) }
        }
        try output.close()

        let geometry = project.configuration.printGeometry
        let size = geometry.trim.replacingOccurrences(of: "mm", with: "").split(separator: "x").map { "\($0)mm" }.joined(separator: " ")
        var pageRule = "@page { size: \(size); bleed: \(geometry.bleed);"
        if let marks = geometry.marks { pageRule += " marks: \(marks);" }
        pageRule += " }\n"
        let css = try Data(contentsOf: styles.appendingPathComponent("print.css"))
        try (Data(pageRule.utf8) + css).write(to: work.appendingPathComponent("print.css"))

        let fonts = work.appendingPathComponent("fonts")
        try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
        for font in EPUBBuilder.fonts + ["PTSerif-LICENSE.txt", "AsylArrows.ttf", "AsylArrows-LICENSE.txt"] {
            try FileManager.default.copyItem(at: styles.appendingPathComponent("fonts/" + font), to: fonts.appendingPathComponent(font))
        }
        for planned in plan.entries {
            for image in planned.version.images {
                guard case .file(let path, _) = image.reference.resolution else { continue }
                let target = work.appendingPathComponent(path)
                guard !FileManager.default.fileExists(atPath: target.path) else { continue }
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: tree.appendingPathComponent(path), to: target)
            }
        }
        // Swap the finished folder in; the old one goes only once the new one is complete.
        let old = parent.appendingPathComponent(".\(folder.lastPathComponent).old")
        try? FileManager.default.removeItem(at: old)
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.moveItem(at: folder, to: old) }
        try FileManager.default.moveItem(at: work, to: folder)
        try? FileManager.default.removeItem(at: old)
    }
}

extension PrintBuilder {
    /// The HTML of a document, from the render cache when it holds it: kept
    /// deflated, as an EPUB member would be.
    private func transform(_ document: XMLDocument, name: String) throws -> [UInt8] {
        let key = cache.key(Array("print".utf8), Array(name.utf8), document.serialized())
        let member = try cache.member(key) { ZIPMember(path: name, bytes: try stylesheet.transform(document)) }
        return try member.contents ?? stylesheet.transform(document)
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
