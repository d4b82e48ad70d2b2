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
    /// Where the last build's record of the site is kept (in OUT/.cache); nil: none is kept, and the site is made whole.
    let manifest: URL?
    let progress: ProgressCounter?
    /// The builds this one follows in this process: the site's record is kept there rather than read and written.
    var session: BuildSession?

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

        func value(_ graph: Graph, _ edition: String) throws -> [UInt8] {
            switch self {
            case .page(let book, let id): try graph.value(WebPage(book: book, name: id.rawValue))
            case .neutral(let id): try graph.value(NeutralPage(edition: edition, id: id))
            case .part(let book, let part): try graph.value(WebPart(book: book, part: part.name, folder: part.folder))
            case .redirect(let language, let redirect): try graph.value(RedirectPage(edition: edition, language: language, redirect: redirect))
            }
        }

        /// Its file in the site.
        func path(_ edition: String) -> String {
            let folder = switch self {
            case .page(let book, let id): WebPaths.entry(id, book.language)
            case .neutral(let id): WebPaths.neutral(id)
            case .part(_, let part): part.folder
            case .redirect(let language, let redirect):
                language.map { WebPaths.entry(redirect.old, $0) } ?? WebPaths.neutral(redirect.old)
            }
            return folder + WebPaths.page
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

        // Every other file of the site: its path, what it is made from, and its bytes.
        var others: [PlannedFile] = []
        let sitemap = WebSitemap(edition)
        if try graph.value(WebSite(edition)).baseURL != nil {
            others.append(PlannedFile(path: "sitemap.xml", madeFrom: try graph.fingerprint(sitemap).hex) { try graph.value(sitemap) ?? [] })
        }
        for book in maps {
            others.append(PlannedFile(
                path: WebPaths.site("map", book.language) + WebPaths.mapData, madeFrom: try graph.fingerprint(WebMap(book)).hex
            ) { try graph.value(WebMap(book)).geoJSON })
        }
        for file in files {
            others.append(PlannedFile(path: file.path, madeFrom: FileSystem.status(file.source.path)?.text ?? "none") {
                guard let bytes = FileSystem.readRegularFile(file.source.path) else {
                    throw BuildError.cannotRead(file.source.path)
                }
                return bytes
            })
        }

        let previous = FileSystem.kind(of: folder.path) != .directory
            ? nil : self.manifest.flatMap { session?.manifest(at: $0) ?? SiteManifest.read($0) }
        // The first build assembles the site beside its place; a later one writes each changed file beside itself.
        let work = folder.deletingLastPathComponent()
            .appendingPathComponent(".\(folder.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        var renames: [(temporary: String, target: String)] = []
        // Pages written beside their places are marked as being written, so that the next
        // build sweeps them if this one is killed before they are renamed (`Leftovers.sweepSite`).
        let mark = self.manifest.map { URL(fileURLWithPath: $0.path + ".writing") }
        defer {
            if previous == nil { try? FileManager.default.removeItem(at: work) }
            for rename in renames { FileSystem.remove(rename.temporary) }
            if previous != nil, let mark { FileSystem.remove(mark.path) }
        }
        if previous == nil {
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } else if let mark {
            Leftovers.sweepSite(folder, markedBy: mark)
            do {
                try FileSystem.writeAtomically(Array("\(ProcessInfo.processInfo.processIdentifier)\n".utf8), to: mark.path)
            } catch {
                throw BuildError.cannotWrite(error.path, error.reason)
            }
        }
        let temporaryName = ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        /// Where a file is written: in the work folder, or beside its target under a temporary name.
        // Paths as text: tens of thousands of pages are looked at on every build, and a URL costs more to extend.
        let (sitePath, workPath) = (folder.path, work.path)
        @Sendable func destination(_ path: String) -> String {
            previous == nil ? workPath + "/" + path : sitePath + "/" + path + temporaryName
        }
        @Sendable func isCurrent(_ path: String, _ madeFrom: String) -> Bool {
            guard let last = previous?.files[path], last.madeFrom == madeFrom else { return false }
            return FileSystem.status(sitePath + "/" + path)?.text == last.stamp
        }

        // Two products at one address would make the site depend on which was written last.
        var seen = Set<String>()
        for path in jobs.map({ $0.path(edition) }) + others.map(\.path) where !seen.insert(path).inserted {
            throw BuildError.webPagesCollide(edition, path)
        }

        var manifest = SiteManifest()
        var written: [String] = []
        // A window of pages at a time on every core, each made (or only checked, if it did not change),
        // written if it changed, and let go of.
        let progress = self.progress
        progress?.begin(.web(edition: edition), total: jobs.count)
        for start in stride(from: 0, to: jobs.count, by: Self.window) {
            let window = Array(jobs[start..<min(start + Self.window, jobs.count)])
            let results = window.concurrentMap(batch: 8) { job in
                Result { () throws -> (String, SiteManifest.File?, Bool) in
                    defer { progress?.advance() }
                    let path = job.path(edition)
                    let madeFrom = try job.fingerprint(graph, edition).hex
                    if isCurrent(path, madeFrom) { return (path, previous?.files[path], false) }
                    let status = try FileSystem.write(try job.value(graph, edition), to: destination(path))
                    return (path, SiteManifest.File(madeFrom: madeFrom, stamp: status.text), true)
                }
            }
            graph.release(window.map { $0.key(edition) })
            var failure: (any Error)?
            for result in results {
                switch result {
                case .success(let (path, file, wrote)):
                    manifest.files[path] = file
                    if wrote {
                        written.append(path)
                        // Known at once, so a failure later removes it (see `defer`).
                        if previous != nil { renames.append((destination(path), sitePath + "/" + path)) }
                    }
                case .failure(let error): failure = failure ?? error
                }
            }
            if let failure { throw failure }
        }
        for file in others {
            if isCurrent(file.path, file.madeFrom) {
                manifest.files[file.path] = previous?.files[file.path]
            } else {
                let status = try FileSystem.write(try file.bytes(), to: destination(file.path))
                manifest.files[file.path] = SiteManifest.File(madeFrom: file.madeFrom, stamp: status.text)
                written.append(file.path)
                if previous != nil { renames.append((destination(file.path), sitePath + "/" + file.path)) }
            }
        }
        graph.release([sitemap.key] + maps.map { WebMap($0).key })
        clock.lap("\(edition) web: \(written.count) files written")

        if let previous {
            let stale = previous.files.keys.filter { manifest.files[$0] == nil }.sorted()
            let hasIndex = FileSystem.kind(of: folder.appendingPathComponent(WebPaths.asset("pagefind")).path) != nil
            guard !written.isEmpty || !stale.isEmpty || hasIndex != (indexer != nil) else { return }
            // Everything is in hand: the new files take their places, one rename each.
            while let rename = renames.first {
                try FileSystem.replace(rename.target, with: rename.temporary)
                renames.removeFirst()
                // Stamped as it now stands: a rename changes a file's ctime.
                manifest.files[String(rename.target.dropFirst(folder.path.count + 1))]?.stamp = FileSystem.status(rename.target)?.text ?? ""
            }
            let root = folder.resolvingSymlinksInPath().path + "/"
            for path in stale {
                let target = folder.appendingPathComponent(path)
                // Only a file as the last build left it, and inside the site: one changed by hand,
                // or reached through a link to elsewhere, is the user's.
                guard FileSystem.status(target.path)?.text == previous.files[path]?.stamp,
                      target.resolvingSymlinksInPath().path.hasPrefix(root)
                else { continue }
                FileSystem.remove(target.path)
                // Its folders go with it, up to the site's root, as long as nothing else is in them.
                var parent = target.deletingLastPathComponent()
                while parent.path.count > folder.path.count, FileSystem.entries(parent.path).isEmpty {
                    FileSystem.remove(parent.path)
                    parent = parent.deletingLastPathComponent()
                }
            }
            if let indexer {
                try index(folder, with: indexer)
            } else {
                // An index made when Pagefind was here would answer for pages that changed since.
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(WebPaths.asset("pagefind")))
            }
        } else {
            if let indexer { try index(work, with: indexer) }
            try FileSystem.replaceFolder(folder.path, with: work.path)
        }
        clock.lap("\(edition) web: search index")
        if let url = self.manifest {
            if let session { session.keep(manifest, at: url) } else { try manifest.write(to: url) }
        }
    }

    /// A file of the site that is not a page.
    private struct PlannedFile: Sendable {
        var path: String
        /// The fingerprint of what it is made from, as the manifest keeps it.
        var madeFrom: String
        var bytes: @Sendable () throws -> [UInt8]
    }

    /// Pagefind's index of the site, made beside the last one and swapped into its place.
    private func index(_ site: URL, with indexer: SearchIndexer) throws {
        let index = site.appendingPathComponent(WebPaths.asset("pagefind"))
        let fresh = site.appendingPathComponent(WebPaths.asset(".pagefind.\(ProcessInfo.processInfo.processIdentifier).tmp"))
        try? FileManager.default.removeItem(at: fresh)
        defer { try? FileManager.default.removeItem(at: fresh) }
        progress?.begin(.searchIndex(edition: edition.id), total: 0)
        try indexer.index(site, into: fresh)
        try FileSystem.replaceFolder(index.path, with: fresh.path)
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
}

/// What the last build wrote into a site (`OUT/.cache/EDITION.web-manifest`): each
/// file's path, the fingerprint of what it was made from, and its stamp as
/// written, so the next build writes only what changed and removes only
/// what it wrote. One line a file: fingerprint, stamp, path, tab-separated.
struct SiteManifest {
    struct File: Equatable {
        var madeFrom: String
        var stamp: String
    }

    var files: [String: File] = [:]

    static func read(_ url: URL) -> SiteManifest? {
        guard let bytes = FileSystem.readRegularFile(url.path) else { return nil }
        var manifest = SiteManifest()
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // A manifest this build cannot read is no manifest: the site is then made whole.
            guard fields.count == 3, !fields[2].isEmpty, !fields[2].hasPrefix("/"), !fields[2].split(separator: "/").contains("..")
            else { return nil }
            manifest.files[fields[2]] = File(madeFrom: fields[0], stamp: fields[1])
        }
        return manifest
    }

    func write(to url: URL) throws {
        let text = files.keys.sorted().map { "\(files[$0]!.madeFrom)\t\(files[$0]!.stamp)\t\($0)\n" }.joined()
        do {
            try FileSystem.writeAtomically(Array(text.utf8), to: url.path)
        } catch {
            throw BuildError.cannotWrite(error.path, error.reason)
        }
    }
}
