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
                .linkToDraft, Message(.checkLinkToDraft, ["language": language.rawValue, "id": target.rawValue]), at: location)
        case .untranslated(let link):
            // A fact is rendered from the merged entry in every language; only body links read as text.
            guard field == nil else { return nil }
            return Diagnostic(
                .untranslatedLink,
                Message(.checkUntranslatedLink, [
                    "id": target.rawValue, "language": language.rawValue, "otherLanguage": link.language.rawValue, "title": link.title,
                ]),
                at: location)
        case .broken(let failure):
            switch failure {
            case .noSuchEntry(let suggestion):
                let what = Message(
                    EntryID.isValid(target.rawValue) ? .checkBrokenLinkNoEntry : .checkBrokenLinkInvalidID, ["id": target.rawValue])
                if field == nil, let (id, fix) = leftOpen(target, at: location) {
                    // `[[berel қорымы … тау]]`: a `[[` left open, closed by a later `]]`.
                    return Diagnostic(.brokenLink, what, at: location,
                                      notes: [.init(Message(.checkBrokenLinkLeftOpen, ["id": id]))], fix: fix)
                }
                return Diagnostic(.brokenLink, what, at: location,
                                  notes: suggestion.map { [.init(Message(.checkDidYouMean, ["suggestion": $0.rawValue]))] } ?? [])
            case .noSuchSection(let name, let suggestion):
                return Diagnostic(
                    .brokenLink,
                    Message(.checkBrokenLinkNoSection, ["language": language.rawValue, "id": target.rawValue, "section": name]),
                    at: location,
                    notes: suggestion.map { [.init(Message(.checkDidYouMean, ["suggestion": "\(target)#\($0)"]))] }
                        ?? [.init(Message(.checkBrokenLinkSectionAnchors))])
            case .wrongKind(let actual, let allowed):
                // Only a fact's field restricts the kinds it links to (`Resolver.resolve(_:field:language:)`).
                guard let name = field else { preconditionFailure("a link of the body resolved as of the wrong kind") }
                let kinds = kindAlternatives(allowed)
                let message = if let actual {
                    Message(.checkLinkWrongKind, ["field": name, "id": target.rawValue, "kind": actual, "allowed": kinds])
                } else {
                    Message(.checkLinkWrongKindOfNoKind, ["field": name, "id": target.rawValue, "allowed": kinds])
                }
                return Diagnostic(.linkWrongKind, message, at: location)
            }
        }
    }
}

/// `place or person or event`, each `or` in the message's language.
private func kindAlternatives(_ kinds: [String]) -> MessageArgument {
    kinds.dropFirst().reduce(MessageArgument.text(kinds.first ?? "")) { earlier, kind in
        Message(.checkKindAlternatives, ["kinds": earlier, "kind": kind]).messageArgument
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
