import Diagnostics
import DocumentModel
import Resolution

/// `orphan`: entries no other entry links to.
enum CoverageChecks {
    static func check(_ overview: ProjectOverview) -> [Diagnostic] {
        var linked = overview.recordMentions.entries
        for interface in overview.interfaces { linked.formUnion(interface.links) }
        return overview.interfaces.compactMap { interface in
            guard !linked.contains(interface.id), let first = interface.versions.first else { return nil }
            return Diagnostic(
                .orphan, Message(.checkOrphan, ["id": interface.id.rawValue]),
                at: SourceLocation(path: first.path, range: first.titleRange ?? SourceRange(line: 1, column: 1)))
        }
    }
}
