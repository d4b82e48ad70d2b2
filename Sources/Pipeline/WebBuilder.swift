import BuildGraph
import DocumentModel
import FileSystem
import Foundation
import Localisation
import Packaging
import Parallelism

/// Makes an edition's web site, OUT/EDITION/web/: for each of its
/// languages an entry's page at `LANG/ID/` and the site's own pages under
/// `LANG/` and `LANG/_/`, a language-neutral page `ID/` for every entry, and
/// the CSS, fonts, images and search index under `_/` (docs/web.md). Every page is a
/// product of the build graph (`WebProducts`). The site is one folder,
/// assembled under a temporary name and swapped into place in one step.
struct WebBuilder {
    let edition: Edition
    let tree: URL
    let graph: Graph
    let styles: URL
    /// What makes the search index; nil: none is made, and the search page says so.
    let indexer: SearchIndexer?
    /// Leaflet's folder, for the map; nil: the site has no map.
    let leaflet: URL?

    /// Pages made between two releases of their values: enough to keep every core busy.
    static let window = 256

    private enum Job: Sendable {
        case page(BookName, EntryID)
        case neutral(EntryID)
        case part(BookName, WebParts.Part)
        /// An old address's page, in a language (nil: the language-neutral one).
        case redirect(LanguageTag?, WebRedirects.Redirect)

        func key(_ edition: String) -> QueryKey {
            switch self {
            case .page(let book, let id): WebPage(book: book, name: id.rawValue).key
            case .neutral(let id): NeutralPage(edition: edition, id: id).key
            case .part(let book, let part): WebPart(book: book, part: part.name, folder: part.folder).key
            case .redirect(let language, let redirect): RedirectPage(edition: edition, language: language, redirect: redirect).key
            }
        }

        func value(_ graph: Graph, _ edition: String) throws -> ZIPMember {
            switch self {
            case .page(let book, let id): try graph.value(WebPage(book: book, name: id.rawValue))
            case .neutral(let id): try graph.value(NeutralPage(edition: edition, id: id))
            case .part(let book, let part): try graph.value(WebPart(book: book, part: part.name, folder: part.folder))
            case .redirect(let language, let redirect): try graph.value(RedirectPage(edition: edition, language: language, redirect: redirect))
            }
        }

        func fingerprint(_ graph: Graph, _ edition: String) throws -> Fingerprint {
            switch self {
            case .page(let book, let id): try graph.fingerprint(WebPage(book: book, name: id.rawValue))
            case .neutral(let id): try graph.fingerprint(NeutralPage(edition: edition, id: id))
            case .part(let book, let part): try graph.fingerprint(WebPart(book: book, part: part.name, folder: part.folder))
            case .redirect(let language, let redirect):
                try graph.fingerprint(RedirectPage(edition: edition, language: language, redirect: redirect))
            }
        }
    }

    /// A file the site carries as it is: its path in the site and where it comes from.
    private struct CarriedFile {
        var path: String
        var source: URL
    }

    func write(to folder: URL) throws {
        var clock = StageClock()
        var jobs: [Job] = []
        var entries = Set<EntryID>()
        var images = Set<EntryOutline.ImageFile>()
        var maps: [BookName] = []
        for language in edition.languages {
            let pair = EditionLanguage(edition: edition.id, language: language)
            guard let order = try graph.value(BookOrderQuery(pair)), let layout = try graph.value(BookLayout(pair)) else { continue }
            let book = BookName(edition: edition.id, language: language, format: .web)
            jobs += order.entries.map { .page(book, $0.id) }
            let parts = try graph.value(WebParts(book))
            jobs += parts.map { .part(book, $0) }
            if parts.contains(where: { $0.name == "map" }) { maps.append(book) }
            entries.formUnion(order.entries.map(\.id))
            images.formUnion(layout.images)
        }
        jobs += entries.sorted().map { .neutral($0) }
        for redirect in try graph.value(WebRedirects(edition.id)) {
            jobs.append(.redirect(nil, redirect))
            let versions = try graph.value(WebVersions(edition: edition.id, id: redirect.new))
            jobs += versions.filter { $0.title != nil }.map { .redirect($0.language, redirect) }
        }
        let files = carried(images.sorted(), map: !maps.isEmpty)

        let (graph, edition) = (self.graph, self.edition.id)
        clock.lap("\(edition) web: \(jobs.count) pages planned")
        var hasher = FingerprintHasher()
        for start in stride(from: 0, to: jobs.count, by: Self.window) {
            let window = Array(jobs[start..<min(start + Self.window, jobs.count)])
            let made = window.concurrentMap(batch: 8) { job in Result { try job.fingerprint(graph, edition) } }
            for (job, fingerprint) in zip(window, made) {
                hasher.combine(job.key(edition).description)
                hasher.combine(try fingerprint.get())
            }
        }
        let sitemap = WebSitemap(edition)
        hasher.combine(try graph.fingerprint(sitemap))
        hasher.combine("search: \(indexer?.command.joined(separator: " ") ?? "none")")
        for book in maps { hasher.combine(try graph.fingerprint(WebMap(book))) }
        for file in files {
            hasher.combine("\(file.path) \(FileSystem.status(file.source.path)?.text ?? "none")")
        }
        let madeFrom = hasher.finalize()
        clock.lap("\(edition) web: pages made or found")
        // A site none of whose pages changed, still as the last build left it, is not written again.
        guard !graph.isCurrent(output: folder.path, madeFrom: madeFrom) else {
            graph.release(jobs.map { $0.key(edition) } + [sitemap.key])
            return
        }

        let parent = folder.deletingLastPathComponent()
        let work = parent.appendingPathComponent(".\(folder.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: work)
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for start in stride(from: 0, to: jobs.count, by: Self.window) {
            let window = Array(jobs[start..<min(start + Self.window, jobs.count)])
            let written = window.concurrentMap(batch: 8) { job in
                Result { () throws -> Void in
                    let member = try job.value(graph, edition)
                    guard let bytes = member.contents else { throw BuildError.stylesheet("the page \(member.path) could not be inflated") }
                    try Self.write(bytes, to: work.appendingPathComponent(member.path))
                }
            }
            for result in written { try result.get() }
            graph.release(window.map { $0.key(edition) })
        }
        if let bytes = try graph.value(sitemap) { try Self.write(bytes, to: work.appendingPathComponent("sitemap.xml")) }
        for book in maps {
            let data = work.appendingPathComponent(WebPaths.site("map", book.language) + WebPaths.mapData)
            try Self.write(try graph.value(WebMap(book)).geoJSON, to: data)
        }
        graph.release([sitemap.key])
        for file in files {
            guard let bytes = FileSystem.readRegularFile(file.source.path) else {
                throw BuildError.stylesheet("cannot read \(file.source.path) into the web edition")
            }
            try Self.write(bytes, to: work.appendingPathComponent(file.path))
        }
        clock.lap("\(edition) web: written")
        if let indexer {
            try indexer.index(work, into: work.appendingPathComponent(WebPaths.asset("pagefind")))
            clock.lap("\(edition) web: search index")
        }
        try FileSystem.replaceFolder(folder.path, with: work.path)
        graph.wrote(output: folder.path, madeFrom: madeFrom)
    }

    /// The CSS, the icon, the fonts and their licence, the images the site's entries show, and Leaflet for a map.
    private func carried(_ images: [EntryOutline.ImageFile], map: Bool) -> [CarriedFile] {
        var files = [
            CarriedFile(path: WebPaths.asset("web.css"), source: styles.appendingPathComponent("web.css")),
            CarriedFile(path: WebPaths.asset("icon.svg"), source: styles.appendingPathComponent("web/icon.svg")),
        ]
        for font in EPUBBuilder.fonts + ["PTSerif-LICENSE.txt"] {
            files.append(CarriedFile(path: WebPaths.asset("fonts/" + font), source: styles.appendingPathComponent("fonts/" + font)))
        }
        files += images.map { CarriedFile(path: WebPaths.asset($0.path), source: tree.appendingPathComponent($0.path)) }
        if map, let leaflet {
            for name in WebPaths.leafletFiles {
                files.append(CarriedFile(path: WebPaths.asset("leaflet/" + name), source: leaflet.appendingPathComponent(name)))
            }
        }
        return files
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent().path
        guard FileSystem.makeFolder(folder), FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            throw BuildError.stylesheet("cannot write \(url.path)")
        }
    }
}
