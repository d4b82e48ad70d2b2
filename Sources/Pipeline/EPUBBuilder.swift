import BuildGraph
import DocumentModel
import FileSystem
import Foundation
import Localisation
import NativeBridge
import Packaging
import Parallelism
import Resolution
import XMLSerialisation

/// Makes one EPUB from a planned book: the outline's parts, a content
/// document per chunk, CSS, fonts and images, each turned into its ZIP member
/// on every core: each is a product of the build graph (`RenderProducts`),
/// taken from its store when what it is made from has not changed.
struct EPUBBuilder {
    let plan: BookPlan
    let project: ResolvedProject
    let tree: URL
    let stylesheets: CompiledStylesheets
    let graph: Graph
    let date: Date
    /// Where to keep the intermediate XML, if anywhere.
    let xmlFolder: URL?
    /// Chunks known unchanged, by file: they are not serialised (an
    /// incremental build has not read their entries' bodies), and their
    /// members come from the store.
    var reuse: Set<String> = []

    var book: BookName { BookName(edition: plan.edition.id, language: plan.language, format: .epub) }

    static let fonts = ["PTSerif-Regular.ttf", "PTSerif-Italic.ttf", "PTSerif-Bold.ttf", "PTSerif-BoldItalic.ttf"]

    /// One piece of work that makes members.
    private enum Job: Sendable {
        case file(PackageFile)
        /// A part of the outline (package, navigation, front and back matter) to transform.
        case part(name: String, file: String)
        case chunk(Chunk)
    }

    /// Returns each member's path and product key, for the build record.
    @discardableResult
    func write(to destination: URL) throws -> [BuildRecord.MemberRecord] {
        var clock = StageClock()
        var files: [PackageFile] = []
        var resources: [BookResource] = [BookResource(href: "css/epub.css", mediaType: "text/css", role: "stylesheet")]
        files.append(PackageFile(path: "css/epub.css", bytes: try read(stylesheets.styles.appendingPathComponent("epub.css"))))
        for font in Self.fonts {
            files.append(PackageFile(path: "fonts/" + font, bytes: try read(stylesheets.styles.appendingPathComponent("fonts/" + font))))
            resources.append(BookResource(href: "fonts/" + font, mediaType: "font/ttf", role: "font"))
        }
        for (path, mediaType) in mediaFiles() {
            files.append(PackageFile(path: path, bytes: try read(tree.appendingPathComponent(path))))
            resources.append(BookResource(href: path, mediaType: mediaType, role: "image"))
        }
        let licence = String(decoding: try read(stylesheets.styles.appendingPathComponent("fonts/PTSerif-LICENSE.txt")), as: UTF8.self)
        let serialiser = BookSerialiser(plan: plan, project: project, modified: date, resources: resources, fontLicence: licence)
        let outlineBytes = serialiser.outline().serialized()
        let book = self.book
        try graph.set(DocumentXML(book: book, name: ""), to: outlineBytes)
        if let xmlFolder {
            try FileManager.default.createDirectory(at: xmlFolder, withIntermediateDirectories: true)
            try Data(outlineBytes).write(to: xmlFolder.appendingPathComponent("book.xml"))
        }
        var parts = [("opf", "package.opf"), ("nav", "nav.xhtml"), ("ncx", "toc.ncx"), ("cover", "cover.xhtml"),
                     ("titlepage", "titlepage.xhtml"), ("imprint", "imprint.xhtml")]
        // Back matter pages exist only when they have something to list (the stylesheets check the same).
        if !serialiser.backMatter.index.isEmpty { parts.append(("index", "index.xhtml")) }
        if !serialiser.backMatter.regions.isEmpty { parts.append(("regions", "regions.xhtml")) }
        if !serialiser.backMatter.chronology.isEmpty { parts.append(("chronology", "chronology.xhtml")) }
        clock.lap("\(plan.language): outline")

        // Parts first: each transforms the whole outline, so they are the
        // longest jobs; one job at a time to a core, so they run side by side.
        let jobs: [Job] = parts.map { .part(name: $0.0, file: $0.1) } + plan.chunks.map { .chunk($0) } + files.map { .file($0) }
        let graph = self.graph
        let xmlFolder = self.xmlFolder
        let reuse = self.reuse
        let made = jobs.concurrentMap(batch: 1) { job in
            Result { () throws -> (key: QueryKey, member: ZIPMember) in
                switch job {
                case .file(let file):
                    try graph.set(PackageFileBytes(file.path), to: file.bytes)
                    let member = FileMember(file.path)
                    return (member.key, try graph.value(member))
                case .part(let name, let file):
                    let part = OutlinePart(book: book, part: name, file: file)
                    return (part.key, try graph.value(part))
                case .chunk(let chunk):
                    if !reuse.contains(chunk.file) {
                        let xml = serialiser.chunk(chunk).serialized()
                        if let xmlFolder {
                            let name = chunk.file.replacingOccurrences(of: ".xhtml", with: ".xml")
                            try Data(xml).write(to: xmlFolder.appendingPathComponent(name))
                        }
                        try graph.set(DocumentXML(book: book, name: chunk.file), to: xml)
                    }
                    let member = ChunkMember(book: book, name: chunk.file)
                    let made = try graph.value(member)
                    graph.release([DocumentXML(book: book, name: chunk.file).key])
                    return (member.key, made)
                }
            }
        }
        let members = try made.map { try $0.get() }
        clock.lap("\(plan.language): \(plan.chunks.count) chunks, \(parts.count) parts, \(files.count) files")
        try EPUBPackager.write(members.map(\.member), to: destination, date: date)
        // The book is written: what it was made of need not stay in memory.
        graph.release(members.map(\.key) + files.map { PackageFileBytes($0.path).key } + [DocumentXML(book: book, name: "").key])
        clock.lap("\(plan.language): zip")
        return members.map { BuildRecord.MemberRecord(path: $0.member.path, key: $0.key) }
    }

    /// Images the book's entries show, by their path in the source tree.
    private func mediaFiles() -> [(String, String)] {
        var found: [String: String] = [:]
        for planned in plan.entries {
            for image in planned.version.images {
                if case .file(let path, let mediaType) = image.reference.resolution { found[path] = mediaType }
            }
        }
        return found.sorted { $0.key < $1.key }
    }

    /// A file the book carries; anything but a regular file (a FIFO) is refused, never waited on.
    private func read(_ url: URL) throws -> [UInt8] {
        guard case .success(let bytes) = FileSystem.readFile(url.path, limit: Int(UInt32.max), followingLinks: true) else {
            throw BuildError.stylesheet("cannot read \(url.path) into the book")
        }
        return bytes
    }
}
