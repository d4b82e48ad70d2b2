import BuildGraph
import DocumentModel
import FileSystem
import Foundation
import Localisation
import Packaging
import Parallelism

/// Makes one EPUB from a planned book: the outline's parts, a content
/// document per chunk, CSS, fonts and images, each turned into its ZIP member
/// on every core: each is a product of the build graph (`RenderProducts`),
/// taken from its store when what it is made from has not changed.
struct EPUBBuilder {
    let book: BookName
    let layout: BookLayout.Layout
    let tree: URL
    let styles: URL
    let graph: Graph
    let date: Date
    /// Where to keep the intermediate XML, if anywhere.
    let xmlFolder: URL?
    let progress: ProgressCounter?

    static let fonts = ["PTSerif-Regular.ttf", "PTSerif-Italic.ttf", "PTSerif-Bold.ttf", "PTSerif-BoldItalic.ttf"]

    /// A file an EPUB carries as it is.
    struct CarriedFile: Sendable {
        var path: String
        var mediaType: String
        var role: String
        /// Its path in the styles folder, if it comes from there (else it is the tree's file at `path`).
        var style: String?
    }

    /// What an EPUB carries besides its documents: the CSS, the fonts and the images its entries show.
    static func carried(_ images: [EntryOutline.ImageFile]) -> [CarriedFile] {
        var files = [CarriedFile(path: "css/epub.css", mediaType: "text/css", role: "stylesheet", style: "epub.css")]
        files += fonts.map { CarriedFile(path: "fonts/" + $0, mediaType: "font/ttf", role: "font", style: "fonts/" + $0) }
        files += images.map { CarriedFile(path: $0.path, mediaType: $0.mediaType, role: "image", style: nil) }
        return files
    }

    /// One piece of work that makes members.
    private enum Job: Sendable {
        case file(path: String)
        /// A part of the outline (package, navigation, front and back matter) to transform.
        case part(name: String, file: String)
        case chunk(file: String)
        case cover(file: String)
    }

    func write(to destination: URL) throws {
        var clock = StageClock()
        if let xmlFolder {
            try FileManager.default.createDirectory(at: xmlFolder, withIntermediateDirectories: true)
            try Data(try graph.value(OutlineXML(book)).bytes).write(to: xmlFolder.appendingPathComponent("book.xml"))
        }
        let parts = try graph.value(EPUBParts(book))
        let files = try Self.carried(layout.images).map { file in
            (file.path, try read(file.style.map(styles.appendingPathComponent) ?? tree.appendingPathComponent(file.path)))
        }
        for (path, bytes) in files { try graph.set(PackageFileBytes(path), to: bytes) }
        // A cover of the project's own is read as it is carried, and made into the cover's files.
        let cover = layout.cover
        if let cover { try graph.set(PackageFileBytes(cover), to: try read(tree.appendingPathComponent(cover))) }
        clock.lap("\(book): outline")

        // Parts first: each transforms the whole outline, so they are the
        // longest jobs; one job at a time to a core, so they run side by side.
        let jobs: [Job] = parts.map { .part(name: $0.name, file: $0.file) } + CoverArt.files(cover).map { .cover(file: $0.path) }
            + layout.chunks.map { .chunk(file: $0) } + files.map { .file(path: $0.0) }
        let (graph, book, xmlFolder, progress) = (self.graph, self.book, self.xmlFolder, self.progress)
        progress?.begin(.book(edition: book.edition, language: book.language, format: book.format), total: jobs.count)
        // Each member's fingerprint: what changed is made (on every core), what did not is only checked.
        let made = jobs.concurrentMap(batch: 1) { job in
            Result { () throws -> (key: QueryKey, fingerprint: Fingerprint) in
                defer { progress?.advance() }
                switch job {
                case .file(let path):
                    let member = FileMember(path)
                    return (member.key, try graph.fingerprint(member))
                case .part(let name, let file):
                    let part = OutlinePart(book: book, part: name, file: file)
                    return (part.key, try graph.fingerprint(part))
                case .cover(let file):
                    let member = CoverMember(book: book, name: file)
                    return (member.key, try graph.fingerprint(member))
                case .chunk(let file):
                    let xml = ChunkXML(book: book, name: file)
                    if let xmlFolder {
                        try Data(try graph.value(xml).document).write(
                            to: xmlFolder.appendingPathComponent(file.replacingOccurrences(of: ".xhtml", with: ".xml")))
                    }
                    let member = ChunkMember(book: book, name: file)
                    let fingerprint = try graph.fingerprint(member)
                    graph.release(xml.rendered(in: graph))
                    return (member.key, fingerprint)
                }
            }
        }
        let members = try made.map { try $0.get() }
        clock.lap("\(book): \(layout.chunks.count) chunks, \(parts.count) parts, \(files.count) files")
        var hasher = FingerprintHasher()
        hasher.combine(String(date.timeIntervalSince1970))
        for member in members {
            hasher.combine(member.key.description)
            hasher.combine(member.fingerprint)
        }
        let madeFrom = hasher.finalize()
        // A book none of whose members changed, still as the last build left it, is not written again.
        if xmlFolder != nil || !graph.isCurrent(output: destination.path, madeFrom: madeFrom) {
            let values = jobs.concurrentMap { job in
                Result { () throws -> ZIPMember in
                    switch job {
                    case .file(let path): try graph.value(FileMember(path))
                    case .part(let name, let file): try graph.value(OutlinePart(book: book, part: name, file: file))
                    case .chunk(let file): try graph.value(ChunkMember(book: book, name: file))
                    case .cover(let file): try graph.value(CoverMember(book: book, name: file))
                    }
                }
            }
            try EPUBPackager.write(try values.map { try $0.get() }, to: destination, date: date)
            graph.wrote(output: destination.path, madeFrom: madeFrom)
        }
        // The book is written: what it was made of need not stay in memory.
        graph.release(members.map(\.key) + files.map { PackageFileBytes($0.0).key } + [OutlineXML(book).key, CoverArt(book).key])
        clock.lap("\(book): zip")
    }

    /// A file the book carries; anything but a regular file (a FIFO) is refused, never waited on.
    private func read(_ url: URL) throws -> [UInt8] {
        guard case .success(let bytes) = FileSystem.readFile(url.path, limit: Int(UInt32.max), followingLinks: true) else {
            throw BuildError.cannotRead(url.path)
        }
        return bytes
    }
}
