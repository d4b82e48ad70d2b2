import BuildGraph
import DocumentModel
import FileSystem
import Foundation
import NativeBridge
import Packaging

/// The rendered pieces of the books as products of the build graph: each
/// EPUB member and each piece of print HTML is made from its document's XML
/// and the render tools, and kept in the store, so a rebuild transforms and
/// compresses only what changed.
///
/// Each is made from its document's XML (`BookProducts`), so a chunk whose
/// XML came out as it was is not transformed again.
enum RenderProducts {
    static let kinds: [any Query.Type] = [
        RenderTools.self, PackageFileBytes.self, EPUBParts.self, ChunkMember.self, OutlinePart.self, FileMember.self,
        PrintPiece.self, RecordDocument.self, CoverTools.self, CoverSource.self, CoverArt.self, CoverMember.self,
    ]
}

/// One book: an edition in a language and a format (`asyl-mura kk epub`).
struct BookName: Hashable, Sendable, CustomStringConvertible {
    var edition: String
    var language: LanguageTag
    var format: OutputFormat

    var description: String { "\(edition) \(language.rawValue) \(format.rawValue)" }

    /// A book's name and what follows it in a product's argument (`asyl-mura kk epub letter-01.xhtml`).
    static func split(_ argument: String) -> (BookName, String)? {
        let words = argument.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard words.count >= 3, let format = OutputFormat(rawValue: words[2]) else { return nil }
        return (BookName(edition: words[0], language: LanguageTag(words[1]), format: format), words.count == 4 ? words[3] : "")
    }
}

/// The stylesheets (Asyl's and the project's, every file of their folders),
/// zlib's, libxml2's and libxslt's versions: what every rendered piece is
/// made with besides its XML. Its value is their fingerprint.
struct RenderTools: InputQuery {
    typealias Value = [UInt8]
    static let kind = "render-tools"
    var argument: String { "" }
    init() {}
    init?(argument: String) { guard argument.isEmpty else { return nil } }
}

/// A product of a whole book, named by it (`asyl-mura kk epub`).
protocol BookQuery: Query {
    var book: BookName { get }
    init(_ book: BookName)
}

extension BookQuery {
    var argument: String { book.description }

    init?(argument: String) {
        guard let (book, rest) = BookName.split(argument), rest.isEmpty else { return nil }
        self.init(book)
    }
}

/// A product of one book named by a file of it (`asyl-mura kk epub letter-01.xhtml`).
protocol BookFileQuery: Query {
    var book: BookName { get }
    var name: String { get }
    init(book: BookName, name: String)
}

extension BookFileQuery {
    var argument: String { "\(book) \(name)" }

    init?(argument: String) {
        guard let (book, name) = BookName.split(argument), !name.isEmpty else { return nil }
        self.init(book: book, name: name)
    }
}

/// A file an EPUB carries as it is (CSS, a font, an image), by its path in the package.
struct PackageFileBytes: InputQuery, PathQuery {
    typealias Value = [UInt8]
    static let kind = "package-file"
    var path: String
    init(_ path: String) { self.path = path }
}

/// A chunk's XHTML content document (`name`: its file), as its EPUB member.
struct ChunkMember: BookFileQuery {
    static let kind = "chunk-member"
    var book: BookName
    var name: String

    func compute(_ context: QueryContext) throws -> ZIPMember {
        let (document, stylesheets) = try Render.read(try context.value(ChunkXML(book: book, name: name)).document, name, context)
        return EPUBPackager.member(PackageFile(path: name, bytes: try stylesheets.epub.transform(document)))
    }
}

/// The parts an EPUB makes from its outline, as (stylesheet `part`, file):
/// the package, navigation and front matter, and the back matter pages
/// that have something to list (the stylesheets check the same).
struct EPUBParts: BookQuery {
    struct Part: Codable, Sendable, Hashable {
        var name: String
        var file: String
    }

    static let kind = "epub-parts"
    var book: BookName
    init(_ book: BookName) { self.book = book }

    func compute(_ context: QueryContext) throws -> [Part] {
        let outline = try context.value(OutlineXML(book))
        var parts = [("opf", "package.opf"), ("nav", "nav.xhtml"), ("ncx", "toc.ncx"), ("cover", "cover.xhtml"),
                     ("titlepage", "titlepage.xhtml"), ("imprint", "imprint.xhtml")]
        if outline.hasIndex { parts.append(("index", "index.xhtml")) }
        if outline.hasRegions { parts.append(("regions", "regions.xhtml")) }
        if outline.hasChronology { parts.append(("chronology", "chronology.xhtml")) }
        return parts.map { Part(name: $0.0, file: $0.1) }
    }
}

/// A part of an EPUB made from the whole outline: the package document,
/// navigation, cover, title page, imprint, indexes.
struct OutlinePart: Query {
    static let kind = "outline-part"
    var book: BookName
    /// The stylesheet's `part` parameter (`opf`, `nav`, …).
    var part: String
    var file: String
    var argument: String { "\(book) \(part) \(file)" }

    init(book: BookName, part: String, file: String) {
        self.book = book
        self.part = part
        self.file = file
    }

    init?(argument: String) {
        guard let (book, rest) = BookName.split(argument) else { return nil }
        let words = rest.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2 else { return nil }
        self.init(book: book, part: words[0], file: words[1])
    }

    func compute(_ context: QueryContext) throws -> ZIPMember {
        // libxslt annotates the document it transforms, so each part reads its own copy.
        let (document, stylesheets) = try Render.read(try context.value(OutlineXML(book)).bytes, "book.xml", context)
        return EPUBPackager.member(PackageFile(path: file, bytes: try stylesheets.epub.transform(document, parameters: [("part", part)])))
    }
}

/// A file an EPUB carries as it is, as its member.
struct FileMember: PathQuery {
    static let kind = "file-member"
    var path: String
    init(_ path: String) { self.path = path }

    func compute(_ context: QueryContext) throws -> ZIPMember {
        EPUBPackager.member(PackageFile(path: path, bytes: try context.value(PackageFileBytes(path))))
    }
}

/// The cover rasteriser's version (none, where there is no rasteriser):
/// what a drawn cover is made with besides its SVG and the shipped fonts.
struct CoverTools: InputQuery {
    typealias Value = [UInt8]
    static let kind = "cover-tools"
    var argument: String { "" }
    init() {}
    init?(argument: String) { guard argument.isEmpty else { return nil } }
}

/// A book's cover: the files its package carries for it, by path. Its
/// source as it is if it is a JPEG or a PNG; else the SVG rasterised, and
/// outlined for the cover page.
struct CoverArt: BookQuery {
    struct File: Codable, Sendable, Hashable {
        var path: String
        var mediaType: String
        /// `cover-image`: the one the package declares; `cover`: the one the cover page shows, if another.
        var role: String
    }

    struct Value: Codable, Sendable {
        var files: [File]
        var bytes: [[UInt8]]
    }

    static let kind = "cover-art"
    var book: BookName
    init(_ book: BookName) { self.book = book }

    /// The files of a cover, by what asyl.yaml's `cover:` names (nil: none, Asyl draws one).
    static func files(_ cover: String?) -> [File] {
        switch cover.map({ $0.split(separator: ".").last?.lowercased() ?? "" }) {
        case "jpg", "jpeg": [File(path: "images/cover.jpg", mediaType: "image/jpeg", role: "cover-image")]
        case "png": [File(path: "images/cover.png", mediaType: "image/png", role: "cover-image")]
        default: [File(path: "images/cover.png", mediaType: "image/png", role: "cover-image"),
                  File(path: "images/cover.svg", mediaType: "image/svg+xml", role: "cover")]
        }
    }

    func compute(_ context: QueryContext) throws -> Value {
        let source = try context.value(CoverSource(book))
        let files = Self.files(source.path)
        if files.count == 1 { return Value(files: files, bytes: [source.bytes]) }
        let svg = source.bytes
        // Drawn with the shipped fonts, which the render tools' fingerprint covers, and librsvg.
        _ = try context.value(RenderTools())
        _ = try context.value(CoverTools())
        guard let rasteriser = context.service(CoverRasteriser.self) else { throw BuildError.noRasteriser }
        guard let fonts = context.service(CompiledStylesheets.self)?.styles.appendingPathComponent("fonts") else {
            throw BuildError.internalInconsistency("the stylesheets were not compiled for this build")
        }
        let drawn = try rasteriser.render(svg, fonts: fonts)
        return Value(files: files, bytes: [drawn.png, drawn.outlined])
    }
}

/// What a book's cover is made from: asyl.yaml's `cover:` for its language
/// (path and bytes), or the SVG epub/cover.xsl draws from the outline, which
/// reads only its metadata, so an edit elsewhere in the book draws no cover again.
struct CoverSource: BookQuery {
    struct Value: Codable, Sendable {
        /// The project's image, if it has one.
        var path: String?
        var bytes: [UInt8]
    }

    static let kind = "cover-source"
    var book: BookName
    init(_ book: BookName) { self.book = book }

    func compute(_ context: QueryContext) throws -> Value {
        let pair = EditionLanguage(edition: book.edition, language: book.language)
        if let cover = try context.value(BookEdition(pair))?.publication.cover[book.language] {
            return Value(path: cover, bytes: try context.value(PackageFileBytes(cover)))
        }
        let (document, stylesheets) = try Render.read(try context.value(OutlineXML(book)).bytes, "book.xml", context)
        return Value(path: nil, bytes: try stylesheets.epub.transform(document, parameters: [("part", "cover-svg")]))
    }
}

/// A file of a book's cover, as its EPUB member.
struct CoverMember: BookFileQuery {
    static let kind = "cover-member"
    var book: BookName
    var name: String

    func compute(_ context: QueryContext) throws -> ZIPMember {
        let art = try context.value(CoverArt(book))
        guard let index = art.files.firstIndex(where: { $0.path == name }) else {
            throw BuildError.internalInconsistency("\(book)'s cover has no \(name)")
        }
        return EPUBPackager.member(PackageFile(path: name, bytes: art.bytes[index]))
    }
}

/// A piece of a print book's HTML: the page made from the outline
/// (`index.html`, with a place left for each chunk), or a chunk's entries.
/// Kept deflated, as an EPUB member would be.
struct PrintPiece: BookFileQuery {
    static let kind = "print-piece"
    static let page = "index.html"
    var book: BookName
    var name: String

    func compute(_ context: QueryContext) throws -> ZIPMember {
        let bytes = name == Self.page ? try context.value(OutlineXML(book)).bytes : try context.value(ChunkXML(book: book, name: name)).document
        let (document, stylesheets) = try Render.read(bytes, name == Self.page ? "book.xml" : name, context)
        return ZIPMember(path: name, bytes: try stylesheets.print.transform(document))
    }
}

/// One of a book's catalogue records (`name`: its records.xsl `part`), made from its outline.
struct RecordDocument: BookFileQuery {
    static let kind = "record-document"
    static let parts = ["marc", "dc", "onix"]
    var book: BookName
    var name: String

    /// Its file in the book's records folder (`asyl-mura.kk.marc.xml`).
    var file: String { "\(book.edition).\(book.language.rawValue).\(name).xml" }

    func compute(_ context: QueryContext) throws -> [UInt8] {
        let (document, stylesheets) = try Render.read(try context.value(OutlineXML(book)).bytes, "book.xml", context)
        return try stylesheets.records.transform(document, parameters: [("part", name)])
    }
}

enum Render {
    /// A document parsed (`url` names it in libxml2's messages) with the
    /// compiled stylesheets, read as a rendered piece reads them: with the tools.
    static func read(_ bytes: [UInt8], _ url: String, _ context: QueryContext) throws -> (XMLDocument, CompiledStylesheets) {
        _ = try context.value(RenderTools())
        guard let stylesheets = context.service(CompiledStylesheets.self) else {
            throw BuildError.internalInconsistency("the stylesheets were not compiled for this build")
        }
        return (try XMLDocument.parse(bytes, url: url), stylesheets)
    }
}

extension RenderTools {
    /// The fingerprint of the render tools: Asyl's version, the C libraries'
    /// versions and every file under the stylesheet folders.
    static func fingerprint(styles: [URL]) -> [UInt8] {
        var hasher = FingerprintHasher()
        hasher.combine(AsylVersion.store)
        hasher.combine(NativeLibraries.fingerprint)
        for folder in styles {
            hasher.combine(bytes: [])
            for (path, bytes) in files(under: folder) {
                hasher.combine(path)
                hasher.combine(bytes: bytes)
            }
        }
        return hasher.finalize().bytes
    }

    /// Every regular file under a folder, by relative path, in sorted order.
    private static func files(under folder: URL) -> [(String, [UInt8])] {
        var found: [(String, [UInt8])] = []
        let root = folder.resolvingSymlinksInPath().path + "/"
        // libxslt follows links, so what they lead to inside the folder is hashed too; the depth bounds
        // a link that leads back up. A link out of it leads where no stylesheet may read (XMLLibrary):
        // only where it leads is hashed, not what is there (a link to / would be the whole machine).
        func visit(_ relative: String, depth: Int) {
            guard depth < 32 else { return }
            let path = relative.isEmpty ? folder.path : folder.path + "/" + relative
            for (name, kind) in FileSystem.list(path) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = folder.path + "/" + child
                switch kind {
                case .directory: visit(child, depth: depth + 1)
                case .file: if let bytes = FileSystem.readRegularFile(full) { found.append((child, bytes)) }
                case .symbolicLink:
                    let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                    guard target.hasPrefix(root) else {
                        found.append((child, Array("→ \(target)".utf8)))
                        continue
                    }
                    switch FileSystem.kind(of: target) {
                    case .directory?: visit(child, depth: depth + 1)
                    case .file?: if let bytes = FileSystem.readRegularFile(target) { found.append((child, bytes)) }
                    case .symbolicLink?, .other?, nil: break
                    }
                case .other: break
                }
            }
        }
        visit("", depth: 0)
        return found.sorted { $0.0 < $1.0 }
    }
}
