import Diagnostics
import DocumentModel
import Resolution

/// `unknown-citation`, `citation-without-at` and `unused-source`.
enum CitationChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        // Without sources.yaml no key is known: its own finding says why, and
        // `unused` counts what it hides, rather than an error per citation.
        guard project.bibliography.isReadable else { return [] }
        var findings: [Diagnostic] = []
        for entry in project.entries {
            for version in entry.versions {
                version.forEachInline { inline in
                    switch inline.kind {
                    case .citation(let items):
                        for item in items {
                            if case .unknown(let suggestion) = item.resolution {
                                findings.append(unknown(item.key, suggestion, at: version.location(item.range)))
                            }
                        }
                    case .text(let text):
                        findings += withoutAt(text, at: inline.range, in: version, bibliography: project.bibliography)
                    default: break
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
        var used = overview.recordMentions.citations
        for interface in overview.interfaces { used.formUnion(interface.citations) }
        guard overview.bibliography.isReadable else {
            let citing = overview.interfaces.filter { !$0.citations.isEmpty }.count
            guard citing > 0 else { return [] }
            return [Diagnostic(
                .unknownCitation, Message(.checkCitationsNotChecked, ["sources": used.count, "entries": citing]),
                at: SourceLocation(path: "sources.yaml"), severity: .note)]
        }
        return overview.bibliography.sources.filter { !used.contains($0.key) }.map { source in
            Diagnostic(.unusedSource, Message(.checkUnusedSource, ["key": source.key]), at: source.location)
        }
    }

    /// `[key, …]` or `[key]` in a text, where `key` is a source's: a citation
    /// written without its `@`. The note gives the citation, and no fix: a
    /// text's column is cmark's, which can be off after a line break, and a
    /// fix in the wrong place is worse than none.
    private static func withoutAt(_ text: String, at range: SourceRange, in version: Version, bibliography: Bibliography) -> [Diagnostic] {
        // The bytes, not Foundation's `contains`, which compares with a locale on Linux.
        guard text.utf8.contains(UInt8(ascii: "[")) else { return [] }
        var findings: [Diagnostic] = []
        let scalars = Array(text.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() where scalar == "[" {
            let key = String(String.UnicodeScalarView(scalars[(offset + 1)...].prefix {
                $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_:.-".unicodeScalars.contains($0))
            }))
            let after = offset + 1 + key.unicodeScalars.count
            guard !key.isEmpty, after < scalars.count, [",", "]", ";"].contains(scalars[after]), bibliography[key] != nil else { continue }
            let at = SourcePosition(line: range.start.line, column: range.start.column + offset)
            let close = scalars[after...].firstIndex(of: "]") ?? after
            let written = String(String.UnicodeScalarView(scalars[offset...close]))
            findings.append(Diagnostic(
                .citationWithoutAt, Message(.checkCitationWithoutAt, ["written": written, "key": key]),
                at: version.location(SourceRange(start: at, end: SourcePosition(line: at.line, column: at.column + close - offset))),
                notes: [.init(Message(.checkDidYouMean, ["suggestion": "[@\(written.dropFirst())"]))]))
        }
        return findings
    }

    private static func unknown(_ key: String, _ suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.unknownCitation, Message(.checkUnknownCitation, ["key": key]), at: location,
                   notes: suggestion.map { [.init(Message(.checkDidYouMean, ["suggestion": "@\($0)"]))] } ?? [])
    }
}
