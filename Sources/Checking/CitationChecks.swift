import Diagnostics
import DocumentModel
import Resolution

/// `unknown-citation` and `unused-source`.
enum CitationChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for entry in project.entries {
            for version in entry.versions {
                version.forEachInline { inline in
                    guard case .citation(let items) = inline.kind else { return }
                    for item in items {
                        if case .unknown(let suggestion) = item.resolution {
                            findings.append(unknown(item.key, suggestion, at: version.location(item.range)))
                        }
                    }
                }
                for fact in version.facts {
                    guard case .sources(let keys) = fact.value else { continue }
                    for key in keys {
                        if project.bibliography[key] == nil {
                            let suggestion = NearMiss.closest(to: key, in: project.bibliography.keys)
                            findings.append(unknown(key, suggestion, at: version.location(fact.range)))
                        }
                    }
                }
            }
        }
        return findings
    }

    static func unused(_ overview: ProjectOverview) -> [Diagnostic] {
        var used: Set<String> = []
        for interface in overview.interfaces { used.formUnion(interface.citations) }
        return overview.bibliography.sources.filter { !used.contains($0.key) }.map { source in
            Diagnostic(.unusedSource, "source '\(source.key)' is never cited", at: source.location)
        }
    }

    private static func unknown(_ key: String, _ suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.unknownCitation, "sources.yaml has no source '\(key)'", at: location,
                   notes: suggestion.map { [.init("did you mean '@\($0)'?")] } ?? [])
    }
}
