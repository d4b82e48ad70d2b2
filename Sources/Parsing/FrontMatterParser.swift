import Diagnostics
import DocumentModel

/// The front matter of one version before its facts are typed: facts need
/// the entry's kind, which any one of its versions may give.
struct FrontMatter: Sendable {
    var kind: Located<String>?
    var title: String?
    var titleRange: SourceRange?
    var sort: String?
    var aliases: [String] = []
    var summary: String?
    var categories: Located<[String]>?
    var isDraft = false
    var translatedFrom: TranslationSource?
    var redirectFrom: [Located<EntryID>] = []
    /// False when the YAML could not be read as a mapping at all.
    var isRead = true
    /// Every other key, for `FactParser` once the kind is known.
    var facts: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
}

/// Splits a version file into front matter and body and reads the reserved keys.
enum FrontMatterParser {
    static let reservedKeys: Set<String> = [
        "kind", "title", "sort", "aliases", "summary", "categories", "draft", "translated-from", "redirect-from",
    ]

    /// Where the body starts: its text and the file line its first line is on.
    struct Split {
        var yaml: String
        var body: String
        var bodyFirstLine: Int
    }

    static func split(_ text: String, path: String) -> Result<Split, Diagnostic> {
        let lines = text.lines
        func isFence(_ line: Substring) -> Bool {
            var trimmed = line
            while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
            return trimmed == "---"
        }
        guard let first = lines.first, isFence(first) else {
            let message = Message(text.isEmpty ? .frontMatterFileEmpty : .frontMatterNotFirst)
            return .failure(Diagnostic(.frontMatter, message, at: SourceLocation(path: path, line: 1, column: 1)))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == "..." }) else {
            return .failure(Diagnostic(
                .frontMatter, Message(.frontMatterUnclosed),
                at: SourceLocation(path: path, line: 1, column: 1, length: 3)))
        }
        let yaml = close > 1 ? String(text[lines[1].startIndex..<lines[close - 1].endIndex]) : ""
        let body = close + 1 < lines.count ? String(text[lines[close + 1].startIndex...]) : ""
        return .success(Split(yaml: yaml, body: body, bodyFirstLine: close + 2))
    }

    static func parse(
        _ yaml: String, path: String, language: LanguageTag, configuration: ProjectConfiguration,
        into diagnostics: inout [Diagnostic]
    ) -> FrontMatter {
        var frontMatter = FrontMatter()
        func report(_ message: Message, _ range: SourceRange) {
            diagnostics.append(Diagnostic(.frontMatter, message, at: SourceLocation(path: path, range: range)))
        }
        let root: YAMLNode
        switch YAMLReader.read(yaml, path: path, lineOffset: 1, rule: .frontMatter, maximumNodes: YAMLReader.maximumFrontMatterNodes, findings: &diagnostics) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            frontMatter.isRead = false
            return frontMatter
        case .success(nil):
            report(Message(.frontMatterEmpty), SourceRange(line: 1, column: 1, length: 3))
            return frontMatter
        case .success(let node?):
            root = node
        }
        guard let mapping = MappingReader(root, path: path, rule: .frontMatter, what: Message(.whatEntryFrontMatter), into: &diagnostics)
        else {
            frontMatter.isRead = false
            return frontMatter
        }

        func text(_ node: YAMLNode, _ key: String) -> String? {
            guard let value = node.scalar else {
                report(Message(.frontMatterNotText, ["key": key, "node": node.description]), node.range)
                return nil
            }
            return value
        }
        /// Each item with its node, so a finding about one points at it.
        func textItems(_ node: YAMLNode, _ key: String) -> [(text: String, node: YAMLNode)] {
            switch node.kind {
            case .scalar(let value, _): return [(value, node)]
            case .sequence(let items): return items.compactMap { item in text(item, key).map { ($0, item) } }
            case .mapping: report(Message(.frontMatterNotTextList, ["key": key]), node.range); return []
            }
        }
        func textList(_ node: YAMLNode, _ key: String) -> [String] { textItems(node, key).map(\.text) }

        for (key, keyNode, value) in mapping.pairs {
            switch key {
            case "kind":
                guard let name = text(value, key) else { continue }
                guard configuration.kind(named: name) != nil else {
                    let near = NearMiss.closest(to: name, in: configuration.kinds.map(\.name))
                    let kinds = configuration.kinds.map(\.name).joined(separator: ", ")
                    let message = near.map { Message(.frontMatterUnknownKindDidYouMean, ["kind": name, "near": $0]) }
                        ?? Message(.frontMatterUnknownKind, ["kind": name, "kinds": kinds])
                    diagnostics.append(Diagnostic(
                        .frontMatter, message, at: SourceLocation(path: path, range: value.range),
                        fix: near.map { Diagnostic.Fix(replacing: value.range, with: $0) }))
                    continue
                }
                if let storage = configuration.kind(named: name)?.records {
                    report(Message(.frontMatterKindKeptInRecords, ["kind": name, "files": storage.files]), value.range)
                    continue
                }
                frontMatter.kind = Located(name, range: value.range)
            case "title":
                if let title = text(value, key) {
                    if title.allSatisfy(\.isWhitespace) { report(Message(.frontMatterTitleEmpty), value.range) }
                    frontMatter.title = title
                    frontMatter.titleRange = value.range
                }
            case "sort": frontMatter.sort = text(value, key)
            case "summary": frontMatter.summary = text(value, key)
            case "aliases": frontMatter.aliases = textList(value, key)
            case "categories":
                let ids = textItems(value, key).filter { id, item in
                    guard configuration.category(id) != nil else {
                        let near = NearMiss.closest(to: id, in: configuration.categories.map(\.id))
                        let message = near.map { Message(.frontMatterUnknownCategoryDidYouMean, ["category": id, "near": $0]) }
                            ?? Message(.frontMatterUnknownCategory, ["category": id])
                        diagnostics.append(Diagnostic(
                            .frontMatter, message, at: SourceLocation(path: path, range: item.range),
                            fix: near.map { Diagnostic.Fix(replacing: item.range, with: $0) }))
                        return false
                    }
                    return true
                }.map(\.text)
                frontMatter.categories = Located(ids, range: keyNode.range)
            case "draft":
                switch value.scalar {
                case "true": frontMatter.isDraft = true
                case "false": frontMatter.isDraft = false
                default: report(Message(.frontMatterDraftNotBoolean), value.range)
                }
            case "translated-from":
                frontMatter.translatedFrom = translationSource(
                    value, key: keyNode, language: language, configuration: configuration, path: path, into: &diagnostics)
            case "redirect-from":
                frontMatter.redirectFrom = textItems(value, key).compactMap { id, item in
                    guard EntryID.isValid(id) else {
                        report(Message(.frontMatterRedirectFromNotID, ["id": id]), item.range)
                        return nil
                    }
                    return Located(EntryID(id), range: item.range)
                }
            default:
                frontMatter.facts.append((key, keyNode, value))
            }
        }
        if frontMatter.title == nil {
            report(Message(.frontMatterTitleMissing), SourceRange(line: 1, column: 1, length: 3))
        }
        return frontMatter
    }

    /// `translated-from: kk`, or as `asyl translations --mark` writes it,
    /// `{language: kk, lead: 1a2b3c4d, sections: {research: 5e6f7a8b}}`.
    static func translationSource(
        _ value: YAMLNode, key: YAMLNode, language: LanguageTag, configuration: ProjectConfiguration, path: String,
        into diagnostics: inout [Diagnostic]
    ) -> TranslationSource? {
        func report(_ message: Message, _ range: SourceRange) {
            diagnostics.append(Diagnostic(.frontMatter, message, at: SourceLocation(path: path, range: range)))
        }
        func source(_ node: YAMLNode) -> LanguageTag? {
            guard let tag = node.scalar else {
                report(Message(.frontMatterTranslatedFromNotLanguage, ["node": node.description]), node.range)
                return nil
            }
            guard configuration.languages.contains(LanguageTag(tag)), tag != language.rawValue else {
                report(Message(.frontMatterTranslatedFromNotProjectLanguage, ["language": tag]), node.range)
                return nil
            }
            return LanguageTag(tag)
        }
        func fingerprint(_ node: YAMLNode, _ key: String) -> String? {
            guard let text = node.scalar, SectionPrinter.isPrint(text) else {
                report(Message(.frontMatterTranslatedFromNotFingerprint, ["key": key, "path": path]), node.range)
                return nil
            }
            return text
        }
        guard case .mapping = value.kind else {
            return source(value).map { TranslationSource(language: $0, mark: nil, range: key.range) }
        }
        guard let fields = MappingReader(value, path: path, rule: .frontMatter, what: Message(.whatEntryTranslatedFrom), into: &diagnostics)
        else { return nil }
        diagnostics += fields.unknownKeys(["language", "lead", "sections"], what: Message(.whatEntryTranslatedFrom))
        guard let languageNode = fields["language"] else {
            report(Message(.frontMatterTranslatedFromNeedsLanguage, ["path": path]), value.range)
            return nil
        }
        guard let tag = source(languageNode) else { return nil }
        guard let leadNode = fields["lead"], let lead = fingerprint(leadNode, "lead") else {
            if fields["lead"] == nil { report(Message(.frontMatterTranslatedFromNeedsLead, ["path": path]), value.range) }
            return TranslationSource(language: tag, mark: nil, range: key.range)
        }
        var sections: [TranslationSource.MarkedSection] = []
        if let sectionsNode = fields["sections"] {
            guard let marked = MappingReader(
                sectionsNode, path: path, rule: .frontMatter, what: Message(.whatEntrySections), into: &diagnostics)
            else { return TranslationSource(language: tag, mark: nil, range: key.range) }
            for (anchor, _, printNode) in marked.pairs {
                guard let value = fingerprint(printNode, anchor) else { continue }
                sections.append(TranslationSource.MarkedSection(anchor: anchor, print: value))
            }
        }
        return TranslationSource(language: tag, mark: TranslationSource.Mark(lead: lead, sections: sections), range: key.range)
    }
}
