import Diagnostics
import DocumentModel
import Resolution

/// `unknown-citation` and `unused-source`.
enum CitationChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var used: Set<String> = []
        for entry in project.entries {
            for version in entry.versions {
                used.formUnion(version.bodySummary?.citations ?? [])
                version.forEachInline { inline in
                    guard case .citation(let items) = inline.kind else { return }
                    for item in items {
                        used.insert(item.key)
                        if case .unknown(let suggestion) = item.resolution {
                            findings.append(unknown(item.key, suggestion, at: version.location(item.range)))
                        }
                    }
                }
                for fact in version.facts {
                    guard case .sources(let keys) = fact.value else { continue }
                    for key in keys {
                        used.insert(key)
                        if project.bibliography[key] == nil {
                            let suggestion = NearMiss.closest(to: key, in: project.bibliography.keys)
                            findings.append(unknown(key, suggestion, at: version.location(fact.range)))
                        }
                    }
                }
            }
        }
        for source in project.bibliography.sources where !used.contains(source.key) {
            findings.append(Diagnostic(.unusedSource, "source '\(source.key)' is never cited", at: source.location))
        }
        return findings
    }

    private static func unknown(_ key: String, _ suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.unknownCitation, "sources.yaml has no source '\(key)'", at: location,
                   notes: suggestion.map { [.init("did you mean '@\($0)'?")] } ?? [])
    }
}
