import DocumentModel
import Foundation
import Localisation
import NativeBridge
import Packaging
import Parallelism
import Resolution
import XMLSerialisation

/// Makes one EPUB from a planned book: the outline's parts, a content
/// document per chunk (transformed on every core), CSS, fonts and images.
struct EPUBBuilder {
    let plan: BookPlan
    let project: ResolvedProject
    let tree: URL
    let stylesheets: CompiledStylesheets
    let date: Date
    /// Where to keep the intermediate XML, if anywhere.
    let xmlFolder: URL?

    static let fonts = ["PTSerif-Regular.ttf", "PTSerif-Italic.ttf", "PTSerif-Bold.ttf", "PTSerif-BoldItalic.ttf"]

    func write(to destination: URL) throws {
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
        let outline = serialiser.outline()
        if let xmlFolder {
            try FileManager.default.createDirectory(at: xmlFolder, withIntermediateDirectories: true)
            try Data(outline.serialized()).write(to: xmlFolder.appendingPathComponent("book.xml"))
        }
        var parts = [("opf", "package.opf"), ("nav", "nav.xhtml"), ("ncx", "toc.ncx"), ("cover", "cover.xhtml"),
                     ("titlepage", "titlepage.xhtml"), ("imprint", "imprint.xhtml")]
        // Back matter pages exist only when they have something to list (the stylesheets check the same).
        if !serialiser.backMatter.index.isEmpty { parts.append(("index", "index.xhtml")) }
        if !serialiser.backMatter.regions.isEmpty { parts.append(("regions", "regions.xhtml")) }
        if !serialiser.backMatter.chronology.isEmpty { parts.append(("chronology", "chronology.xhtml")) }
        for (part, file) in parts {
            files.append(PackageFile(path: file, bytes: try transform(outline, part: part)))
        }
        let compiled = stylesheets.epub
        let xmlFolder = self.xmlFolder
        let chunks = plan.chunks.concurrentMap { chunk in
            Result { () throws -> PackageFile in
                let document = serialiser.chunk(chunk)
                if let xmlFolder {
                    let name = chunk.file.replacingOccurrences(of: ".xhtml", with: ".xml")
                    try Data(document.serialized()).write(to: xmlFolder.appendingPathComponent(name))
                }
                return PackageFile(path: chunk.file, bytes: try compiled.transform(document))
            }
        }
        for chunk in chunks { files.append(try chunk.get()) }
        try EPUBPackager.write(files, to: destination, date: date)
    }

    private func transform(_ document: XMLDocument, part: String) throws -> [UInt8] {
        try stylesheets.epub.transform(document, parameters: [("part", part)])
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
