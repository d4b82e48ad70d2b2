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
            let message = text.isEmpty
                ? "the file is empty; a version starts with front matter between two '---' lines (kind, title)"
                : "a version starts with front matter between two '---' lines; the first line must be '---'"
            return .failure(Diagnostic(.frontMatter, message, at: SourceLocation(path: path, line: 1, column: 1)))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == "..." }) else {
            return .failure(Diagnostic(
                .frontMatter, "the front matter has no closing '---' line",
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
        func report(_ message: String, _ range: SourceRange) {
            diagnostics.append(Diagnostic(.frontMatter, message, at: SourceLocation(path: path, range: range)))
        }
        let root: YAMLNode
        switch YAMLReader.read(yaml, path: path, lineOffset: 1, rule: .frontMatter, maximumNodes: YAMLReader.maximumFrontMatterNodes, findings: &diagnostics) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            frontMatter.isRead = false
            return frontMatter
        case .success(nil):
            report("the front matter is empty; every version needs at least a `title`", SourceRange(line: 1, column: 1, length: 3))
            return frontMatter
        case .success(let node?):
            root = node
        }
        guard let mapping = MappingReader(root, path: path, rule: .frontMatter, what: "the front matter", into: &diagnostics)
        else {
            frontMatter.isRead = false
            return frontMatter
        }

        func text(_ node: YAMLNode, _ key: String) -> String? {
            guard let value = node.scalar else {
                report("`\(key)` is text, not \(node.description)", node.range)
                return nil
            }
            return value
        }
        /// Each item with its node, so a finding about one points at it.
        func textItems(_ node: YAMLNode, _ key: String) -> [(text: String, node: YAMLNode)] {
            switch node.kind {
            case .scalar(let value, _): return [(value, node)]
            case .sequence(let items): return items.compactMap { item in text(item, key).map { ($0, item) } }
            case .mapping: report("`\(key)` is a list of text, as in [a, b]", node.range); return []
            }
        }
        func textList(_ node: YAMLNode, _ key: String) -> [String] { textItems(node, key).map(\.text) }

        for (key, keyNode, value) in mapping.pairs {
            switch key {
            case "kind":
                guard let name = text(value, key) else { continue }
                guard configuration.kind(named: name) != nil else {
                    var message = "unknown kind '\(name)'"
                    let near = NearMiss.closest(to: name, in: configuration.kinds.map(\.name))
                    if let near { message += "; did you mean '\(near)'?" }
                    else { message += "; asyl.yaml declares \(configuration.kinds.map(\.name).joined(separator: ", "))" }
                    diagnostics.append(Diagnostic(
                        .frontMatter, message, at: SourceLocation(path: path, range: value.range),
                        fix: near.map { Diagnostic.Fix(replacing: value.range, with: $0) }))
                    continue
                }
                frontMatter.kind = Located(name, range: value.range)
            case "title":
                if let title = text(value, key) {
                    if title.allSatisfy(\.isWhitespace) { report("the title is empty", value.range) }
                    frontMatter.title = title
                    frontMatter.titleRange = value.range
                }
            case "sort": frontMatter.sort = text(value, key)
            case "summary": frontMatter.summary = text(value, key)
            case "aliases": frontMatter.aliases = textList(value, key)
            case "categories":
                let ids = textItems(value, key).filter { id, item in
                    guard configuration.category(id) != nil else {
                        var message = "unknown category '\(id)'"
                        let near = NearMiss.closest(to: id, in: configuration.categories.map(\.id))
                        if let near { message += "; did you mean '\(near)'?" }
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
                default: report("`draft` is true or false", value.range)
                }
            case "translated-from":
                frontMatter.translatedFrom = translationSource(
                    value, key: keyNode, language: language, configuration: configuration, path: path, into: &diagnostics)
            case "redirect-from":
                frontMatter.redirectFrom = textItems(value, key).compactMap { id, item in
                    guard EntryID.isValid(id) else {
                        report("`redirect-from` lists the ids the entry was once at (file names without .LANG.md), not '\(id)'", item.range)
                        return nil
                    }
                    return Located(EntryID(id), range: item.range)
                }
            default:
                frontMatter.facts.append((key, keyNode, value))
            }
        }
        if frontMatter.title == nil {
            report("every version needs a `title`: the headword in its language", SourceRange(line: 1, column: 1, length: 3))
        }
        return frontMatter
    }

    /// `translated-from: kk`, or as `asyl translations --mark` writes it,
    /// `{language: kk, lead: 1a2b3c4d, sections: {research: 5e6f7a8b}}`.
    static func translationSource(
        _ value: YAMLNode, key: YAMLNode, language: LanguageTag, configuration: ProjectConfiguration, path: String,
        into diagnostics: inout [Diagnostic]
    ) -> TranslationSource? {
        func report(_ message: String, _ range: SourceRange) {
            diagnostics.append(Diagnostic(.frontMatter, message, at: SourceLocation(path: path, range: range)))
        }
        func source(_ node: YAMLNode) -> LanguageTag? {
            guard let tag = node.scalar else {
                report("`translated-from` names a language, as in `translated-from: kk`, not \(node.description)", node.range)
                return nil
            }
            guard configuration.languages.contains(LanguageTag(tag)), tag != language.rawValue else {
                report("`translated-from` names another of the project's languages, not '\(tag)'", node.range)
                return nil
            }
            return LanguageTag(tag)
        }
        let again = "; mark the translation again with `asyl translations --mark \(path)`"
        func fingerprint(_ node: YAMLNode, _ what: String) -> String? {
            guard let text = node.scalar, SectionPrinter.isPrint(text) else {
                report("\(what) in `translated-from` is a fingerprint Asyl writes (8 hex digits)\(again)", node.range)
                return nil
            }
            return text
        }
        guard case .mapping = value.kind else {
            return source(value).map { TranslationSource(language: $0, mark: nil, range: key.range) }
        }
        guard let fields = MappingReader(value, path: path, rule: .frontMatter, what: "`translated-from`", into: &diagnostics)
        else { return nil }
        diagnostics += fields.unknownKeys(["language", "lead", "sections"], what: "`translated-from`")
        guard let languageNode = fields["language"] else {
            report("`translated-from` needs its `language`\(again)", value.range)
            return nil
        }
        guard let tag = source(languageNode) else { return nil }
        guard let leadNode = fields["lead"], let lead = fingerprint(leadNode, "`lead`") else {
            if fields["lead"] == nil { report("`translated-from` needs its `lead`\(again)", value.range) }
            return TranslationSource(language: tag, mark: nil, range: key.range)
        }
        var sections: [TranslationSource.MarkedSection] = []
        if let sectionsNode = fields["sections"] {
            guard let marked = MappingReader(sectionsNode, path: path, rule: .frontMatter, what: "`sections`", into: &diagnostics)
            else { return TranslationSource(language: tag, mark: nil, range: key.range) }
            for (anchor, _, printNode) in marked.pairs {
                guard let value = fingerprint(printNode, "`\(anchor)`") else { continue }
                sections.append(TranslationSource.MarkedSection(anchor: anchor, print: value))
            }
        }
        return TranslationSource(language: tag, mark: TranslationSource.Mark(lead: lead, sections: sections), range: key.range)
    }
}
