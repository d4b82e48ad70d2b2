import Diagnostics
import DocumentModel
import Parallelism
import Resolution

/// The check stage: reads the resolved project and reports what FORMAT.md §5
/// asks for. Each check is a function of the project; none prints anything,
/// and they run side by side on every core.
public enum Checker {
    static let checks: [@Sendable (ResolvedProject) -> [Diagnostic]] = [
        DuplicateChecks.check, LinkChecks.check, CitationChecks.check, MediaChecks.check, FactChecks.check,
        CoverageChecks.check,
    ]

    public static func check(_ project: ResolvedProject) -> [Diagnostic] {
        Array(0..<checks.count).concurrentMap { checks[$0](project) }.flatMap { $0 }
    }
}

enum DuplicateChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        project.duplicates.map { duplicate in
            Diagnostic(
                .duplicateID, "a second \(duplicate.language) version of '\(duplicate.id)'; ids are unique in each language",
                at: SourceLocation(path: duplicate.path, line: 1, column: 1),
                notes: [.init("the version kept is here", at: SourceLocation(path: duplicate.keptPath, line: 1, column: 1))])
        }
    }
}

extension FactValue {
    /// The value as an editor would write it, for messages.
    var written: String {
        switch self {
        case .text(let text): "'\(text)'"
        case .date(let date): date.description
        case .number(_, let written): written
        case .geo(let latitude, let longitude): "{lat: \(latitude), lon: \(longitude)}"
        case .link(let link): "[[\(link.target)]]"
        case .links(let links): "[" + links.map { "[[\($0.target)]]" }.joined(separator: ", ") + "]"
        case .enumeration(let value): value
        case .sources(let keys): keys.joined(separator: ", ")
        }
    }
}
