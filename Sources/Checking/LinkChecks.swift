import Diagnostics
import DocumentModel
import Resolution

/// `broken-link`, `link-wrong-kind`, `untranslated-link` and `link-to-draft`.
enum LinkChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for entry in project.entries {
            for version in entry.versions {
                version.forEachInline { inline in
                    guard case .wikiLink(let link) = inline.kind else { return }
                    if let finding = diagnose(link.resolution, target: link.target, section: link.section,
                                              at: version.location(inline.range), language: version.language,
                                              fromDraft: version.isDraft) {
                        findings.append(finding)
                    }
                }
                for fact in version.facts {
                    for link in fact.value.links {
                        if let finding = diagnose(link.resolution, target: link.target, section: nil,
                                                  at: version.location(link.range), language: version.language,
                                                  fromDraft: version.isDraft, field: fact.field) {
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
        language: LanguageTag, fromDraft: Bool, field: String? = nil
    ) -> Diagnostic? {
        switch resolution {
        case .unresolved:
            return nil
        case .resolved(let link):
            // A draft's links to drafts: neither is in a book without --drafts.
            guard link.isDraft, !fromDraft else { return nil }
            return Diagnostic(
                .linkToDraft,
                "the \(language) version of '\(target)' is a draft: a build without --drafts leaves it out and prints this link as text",
                at: location)
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
                if field == nil, let (id, fix) = leftOpen(target, at: location) {
                    // `[[berel қорымы … тау]]`: a `[[` left open, closed by a later `]]`.
                    return Diagnostic(.brokenLink, what, at: location,
                                      notes: [.init("if the link is to '\(id)', it ends with ']]' after the id")], fix: fix)
                }
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

/// An id followed by a space, where a link's target should be the id alone:
/// the id, and `]]` inserted after it.
private func leftOpen(_ target: EntryID, at location: SourceLocation) -> (String, Diagnostic.Fix)? {
    let id = target.rawValue.prefix { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    guard !id.isEmpty, target.rawValue.dropFirst(id.count).first?.isWhitespace == true, let start = location.range?.start
    else { return nil }
    return (String(id), Diagnostic.Fix(inserting: "]]", at: SourcePosition(line: start.line, column: start.column + 2 + id.count)))
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
