import Diagnostics
import DocumentModel
import Resolution

/// `orphan`: entries no other entry links to.
enum CoverageChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        project.entries.compactMap { entry in
            guard entry.backlinks.isEmpty, let first = entry.versions.first else { return nil }
            return Diagnostic(
                .orphan, "no other entry links to '\(entry.id)'", at: first.location(first.titleRange ?? SourceRange(line: 1, column: 1)))
        }
    }
}
