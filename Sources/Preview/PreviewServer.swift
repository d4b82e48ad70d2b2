import Diagnostics
import FileSystem
import FlyingFox
import Foundation

/// `asyl serve`'s web server, on 127.0.0.1 only: the site of the last good
/// build as a static host would serve it, with one script added to each
/// page that keeps it in step with the builds (`styles/preview/live.js`).
/// The built files stay as a real build makes them; the script is added
/// as a page is served.
public final class PreviewServer: Sendable {
    public let port: UInt16
    let site: URL
    let script: URL
    /// The language of the server's own pages (the terminal's).
    let language: InterfaceLanguage
    let channel = LiveChannel()
    private let server: HTTPServer
    private let state = LatestState()

    /// The address of the live channel and of its script: under `/_/`, where no entry's address can be.
    static let livePath = "/_/asyl-live"
    static let scriptPath = "/_/asyl-live.js"

    public init(port: UInt16, site: URL, script: URL, language: InterfaceLanguage) throws {
        self.port = port
        self.language = language
        self.site = site
        self.script = script
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), timeout: 60, logger: .disabled)
    }

    /// Serves until the process ends; throws when the port cannot be had.
    public func run() async throws {
        await server.appendRoute(HTTPRoute("GET \(Self.livePath)"), to: .webSocket(LiveHandler(channel: channel)))
        let (site, script, state, language) = (self.site, self.script, self.state, self.language)
        await server.appendRoute("GET,HEAD *") { request in
            Self.response(for: request.target.path(), site: site, script: script, generation: state.generation, language: language)
        }
        try await server.run()
    }

    /// Waits until the server listens, or throws what stopped it.
    public func waitUntilListening() async throws {
        try await server.waitUntilListening(timeout: 10)
    }

    /// Tells every open page the state of the build just made.
    public func publish(_ state: PreviewState) async {
        self.state.generation = state.generation
        await channel.publish(state.json)
    }

    static func response(for path: String, site: URL, script: URL, generation: Int, language: InterfaceLanguage) -> HTTPResponse {
        if path == scriptPath {
            guard let bytes = try? Data(contentsOf: script) else { return HTTPResponse(statusCode: .notFound) }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"], body: bytes)
        }
        switch target(of: path, in: site) {
        case nil where FileSystem.kind(of: site.path) == nil:
            // No build has made the site yet: a page that shows the findings, and reloads when one does.
            let page = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>asyl serve</title></head><body>"
                + "<p>" + Message(.serveNoSiteYet).text(in: language) + "</p>"
                + "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script></body></html>\n"
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: Data(page.utf8))
        case nil:
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data((Message(.serveNotFound, ["path": path]).text(in: language) + "\n").utf8))
        case .folder:
            // As a static host does: a folder's address ends with /.
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: path + "/"])
        case .file(let file):
            guard var bytes = try? Data(contentsOf: file) else { return HTTPResponse(statusCode: .notFound) }
            let type = mediaType(file.pathExtension)
            if type.hasPrefix("text/html"), let end = bytes.range(of: Data("</body>".utf8), options: .backwards) {
                bytes.replaceSubrange(end.lowerBound..<end.lowerBound, with: Data("<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>".utf8))
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: bytes)
        }
    }

    enum Target: Equatable {
        case file(URL)
        /// A folder asked for without its final `/`.
        case folder
    }

    /// What an address names inside the site (a folder's `index.html`); nil for nothing, or for what is outside the site.
    static func target(of path: String, in site: URL) -> Target? {
        let parts = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") || $0.contains("/") }) else { return nil }
        var url = parts.reduce(site) { $0.appendingPathComponent($1) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue {
            guard path.hasSuffix("/") else { return .folder }
            url.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        }
        let root = site.resolvingSymlinksInPath().path + "/"
        return url.resolvingSymlinksInPath().path.hasPrefix(root) ? .file(url) : nil
    }

    static func mediaType(_ suffix: String) -> String {
        switch suffix.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "ttf": "font/ttf"
        case "woff2": "font/woff2"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "wasm": "application/wasm"
        default: "application/octet-stream"
        }
    }
}

/// The generation of the site being served, which each page is stamped with.
private final class LatestState: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    var generation: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
