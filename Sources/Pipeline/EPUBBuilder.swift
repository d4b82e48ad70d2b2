import DocumentModel
import Foundation
import Localisation
import NativeBridge
import Packaging
import Parallelism
import Resolution
import XMLSerialisation

/// Makes one EPUB from a planned book: the outline's parts, a content
/// document per chunk, CSS, fonts and images, each turned into its ZIP member
/// on every core, or taken from the render cache when what it is made from
/// has not changed.
struct EPUBBuilder {
    let plan: BookPlan
    let project: ResolvedProject
    let tree: URL
    let stylesheets: CompiledStylesheets
    let cache: RenderCache
    let date: Date
    /// Where to keep the intermediate XML, if anywhere.
    let xmlFolder: URL?
    /// Chunks known unchanged, by file: the cache key of their member (an
    /// incremental build has not read their entries' bodies).
    var reuse: [String: String] = [:]

    static let fonts = ["PTSerif-Regular.ttf", "PTSerif-Italic.ttf", "PTSerif-Bold.ttf", "PTSerif-BoldItalic.ttf"]

    /// One piece of work that makes members.
    private enum Job: Sendable {
        case file(PackageFile)
        /// A part of the outline (package, navigation, front and back matter) to transform.
        case part(name: String, file: String)
        case chunk(Chunk)
    }

    /// Returns each member's path and render-cache key, for the build record.
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
        let cache = self.cache
        let compiled = stylesheets.epub
        let xmlFolder = self.xmlFolder
        let reuse = self.reuse
        let made = jobs.concurrentMap(batch: 1) { job in
            Result { () throws -> (key: String, member: ZIPMember) in
                switch job {
                case .file(let file):
                    let key = cache.key(Array("file".utf8), Array(file.path.utf8), file.bytes)
                    return (key, cache.member(key) { EPUBPackager.member(file) })
                case .part(let name, let file):
                    let key = cache.key(Array("part".utf8), Array(file.utf8), Array(name.utf8), outlineBytes)
                    return (key, try cache.member(key) {
                        // libxslt annotates the document it transforms, so each
                        // part, running beside the others, reads its own copy.
                        let document = try XMLDocument.parse(outlineBytes, url: "book.xml")
                        return EPUBPackager.member(PackageFile(
                            path: file, bytes: try compiled.transform(document, parameters: [("part", name)])))
                    })
                case .chunk(let chunk):
                    if let key = reuse[chunk.file] {
                        guard let member = cache.stored(key) else { throw RenderCache.Missing(key: key) }
                        return (key, member)
                    }
                    let document = serialiser.chunk(chunk)
                    if let xmlFolder {
                        let name = chunk.file.replacingOccurrences(of: ".xhtml", with: ".xml")
                        try Data(document.serialized()).write(to: xmlFolder.appendingPathComponent(name))
                    }
                    return try Self.chunkMember(document, file: chunk.file, cache: cache, stylesheet: compiled)
                }
            }
        }
        let members = try made.map { try $0.get() }
        clock.lap("\(plan.language): \(plan.chunks.count) chunks, \(parts.count) parts, \(files.count) files")
        try EPUBPackager.write(members.map(\.member), to: destination, date: date)
        clock.lap("\(plan.language): zip")
        return members.map { BuildRecord.MemberRecord(path: $0.member.path, key: $0.key) }
    }

    /// A chunk's content document, from the cache when its XML is unchanged.
    static func chunkMember(
        _ document: XMLDocument, file: String, cache: RenderCache, stylesheet: XSLTStylesheet
    ) throws -> (key: String, member: ZIPMember) {
        let key = cache.key(Array("chunk".utf8), Array(file.utf8), document.serialized())
        return (key, try cache.member(key) {
            EPUBPackager.member(PackageFile(path: file, bytes: try stylesheet.transform(document)))
        })
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

    private func read(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
