import BuildGraph
import Foundation
import Synchronization

/// Builds that follow one another in one process (`asyl serve`, on every
/// save): each starts from the build graph the one before left in memory
/// (`Graph.nextRun()`), so it neither reads nor writes the traces, and
/// takes the values it finds unchanged from memory. The traces live as long
/// as the session; its store is its own (a preview's temporary folder).
public final class BuildSession: Sendable {
    private let graph = Mutex<Graph?>(nil)
    private let manifests = Mutex<[URL: SiteManifest]>([:])

    public init() {}

    /// The graph for the next build on `store`: following the last one's, or new.
    func begin(on store: Store) -> Graph {
        guard let last = graph.withLock({ $0.take() }), last.store.folder == store.folder else { return PipelineGraph.make(store: store) }
        let next = last.nextRun()
        // Its tables of hundreds of thousands of traces and values take a while to free, and the build need not wait for it.
        DispatchQueue.global(qos: .utility).async { _ = last }
        return next
    }

    /// What the build just made, for the next.
    func end(_ run: Graph) {
        graph.withLock { $0 = run }
    }

    /// What the last build wrote into a web site, as it would have been kept at `url`.
    func manifest(at url: URL) -> SiteManifest? { manifests.withLock { $0[url] } }

    func keep(_ manifest: SiteManifest, at url: URL) { manifests.withLock { $0[url] = manifest } }
}
