import BuildGraph
import DocumentModel
import FileSystem
import Foundation
import Loading
import Parsing

/// `asyl plaques`: the addresses the editions' plaques print, and, with
/// `issue`, each one not yet in plaques.lock added to it (docs/plaques.md).
/// The one command that writes inside the source tree: plaques.lock is a
/// record the project keeps, as a lock file is.
public struct PlaquesAction: Sendable {
    public var source: URL
    public var issue: Bool

    public init(source: URL, issue: Bool) {
        self.source = source
        self.issue = issue
    }

    public func run() throws -> PlaquesReport {
        let checking = CheckAction(source: source)
        let scan = try checking.scan()
        let graph = PipelineGraph.make(store: Store())
        let check = checking.check(scan, in: graph)
        guard !check.failed(strict: false) else { return PlaquesReport(check: check) }
        try graph.set(BuildOptions(), to: BuildOptions.Value(includeDrafts: false))
        var addresses: [String] = []
        for edition in check.configuration.editions where edition.plaques != nil {
            guard let site = try graph.value(PlaqueSite(edition.id)) else { continue }
            addresses += try graph.value(PlaqueEntries(edition.id)).map { PlaqueSite.address(site, $0) }
        }
        let lock = scan.root.appendingPathComponent(IssuedAddressParser.path)
        let text = FileSystem.readRegularFile(lock.path).map { String(decoding: $0, as: UTF8.self) }
        let issued = Set(text.map { IssuedAddressParser.parse(SourceFile(path: IssuedAddressParser.path, text: $0)).0.map(\.url) } ?? [])
        let new = addresses.filter { !issued.contains($0) }
        var report = PlaquesReport(check: check, addresses: addresses, new: new, lock: lock)
        if issue, !new.isEmpty {
            var written = text ?? Self.header
            if !written.isEmpty, !written.hasSuffix("\n") { written += "\n" }
            written += new.map { $0 + "\n" }.joined()
            do {
                try FileSystem.writeAtomically(Array(written.utf8), to: lock.path)
            } catch {
                throw BuildError.cannotWrite(error.path, error.reason)
            }
            report.wrote = true
        }
        return report
    }

    static let header = """
        # Addresses printed on QR plaques, added by `asyl plaques --issue` (docs/plaques.md).
        # Each must go on leading to a page: `asyl check` fails when one would not.
        # Keep this file under version control; never remove an address once a plaque carries it.

        """
}

public struct PlaquesReport: Sendable {
    public var check: CheckReport
    /// Every address the editions' plaques print, by edition, then id.
    public var addresses: [String] = []
    /// Those plaques.lock does not list yet.
    public var new: [String] = []
    public var lock: URL?
    /// Whether plaques.lock was written.
    public var wrote = false
}
