import Diagnostics
import DocumentModel
import Resolution

/// `broken-link`, `link-wrong-kind` and `untranslated-link`.
enum LinkChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for entry in project.entries {
            for version in entry.versions {
                version.forEachInline { inline in
                    guard case .wikiLink(let link) = inline.kind else { return }
                    if let finding = diagnose(link.resolution, target: link.target, section: link.section,
                                              at: version.location(inline.range), language: version.language) {
                        findings.append(finding)
                    }
                }
                for fact in version.facts {
                    for link in fact.value.links {
                        if let finding = diagnose(link.resolution, target: link.target, section: nil,
                                                  at: version.location(link.range), language: version.language,
                                                  field: fact.field) {
                            findings.append(finding)
                        }
                    }
                }
            }
        }
        return findings
    }

    private static func diagnose(
        _ resolution: LinkResolution, target: EntryID, section: String?, at location: SourceLocation,
        language: LanguageTag, field: String? = nil
    ) -> Diagnostic? {
        switch resolution {
        case .resolved, .unresolved:
            return nil
        case .untranslated(let link):
            // A fact is rendered from the merged entry in every language; only body links read as text.
            guard field == nil else { return nil }
            return Diagnostic(
                .untranslatedLink,
                "'\(target)' has no \(language) version; the link is printed as text, naming its \(link.language) version «\(link.title)»",
                at: location)
        case .broken(let failure):
            switch failure {
            case .noSuchEntry(let suggestion):
                let what = EntryID.isValid(target.rawValue)
                    ? "no entry has the id '\(target)'"
                    : "'\(target)' is not an entry id: ids are lowercase ASCII letters, digits and '-'"
                return Diagnostic(.brokenLink, what, at: location,
                                  notes: suggestion.map { [.init("did you mean '\($0)'?")] } ?? [])
            case .noSuchSection(let name, let suggestion):
                return Diagnostic(
                    .brokenLink, "the \(language) version of '\(target)' has no section '\(name)'", at: location,
                    notes: suggestion.map { [.init("did you mean '\(target)#\($0)'?")] }
                        ?? [.init("a section's anchor is its explicit {#anchor} or the slug of its heading")])
            case .wrongKind(let actual, let allowed):
                return Diagnostic(
                    .linkWrongKind,
                    "`\(field ?? "link")` links to '\(target)', a\(actual.map { " \($0)" } ?? "n entry of no kind"); the field takes \(allowed.joined(separator: " or "))",
                    at: location)
            }
        }
    }
}

extension FactValue {
    var links: [FactLink] {
        switch self {
        case .link(let link): [link]
        case .links(let links): links
        case .text, .date, .number, .geo, .enumeration, .sources: []
        }
    }
}
