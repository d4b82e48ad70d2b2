import Diagnostics
import DocumentModel
import Loading

/// Reads `asyl.yaml` (FORMAT.md §4). Every problem is a `config` finding at
/// its line; what can be read is kept, so one typo does not hide the rest.
public struct ConfigurationParser {
    private let path: String
    private var diagnostics: [Diagnostic] = []
    private var languages: [LanguageTag] = []
    private var derived: [DerivedLanguage] = []
    /// Whether the tree has files under a folder (relative to its root), which `styles:` must name.
    private let hasFiles: (String) -> Bool

    /// `hasFiles`: whether the tree's own files (no link followed) include some under a folder.
    public static func parse(_ file: SourceFile, hasFiles: @escaping (String) -> Bool = { _ in true }) -> (ProjectConfiguration, [Diagnostic]) {
        var parser = ConfigurationParser(path: file.path, hasFiles: hasFiles)
        let configuration = parser.parse(file.text)
        return (configuration, parser.diagnostics)
    }

    private init(path: String, hasFiles: @escaping (String) -> Bool) {
        self.path = path
        self.hasFiles = hasFiles
    }

    private mutating func parse(_ text: String) -> ProjectConfiguration {
        var configuration = ProjectConfiguration()
        let root: YAMLNode
        switch YAMLReader.read(text, path: path, rule: .config, findings: &diagnostics) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return configuration
        case .success(nil):
            report("asyl.yaml is empty; it must declare at least `format: 1` and `languages`",
                   SourceRange(line: 1, column: 1))
            return configuration
        case .success(let node?):
            root = node
        }
        guard let top = MappingReader(root, path: path, rule: .config, what: "asyl.yaml", into: &diagnostics)
        else { return configuration }
        diagnostics += top.unknownKeys(
            ["format", "languages", "derived", "title", "publisher", "kinds", "categories", "archives",
             "editions", "styles", "checks", "print", "typography", "web"], what: "asyl.yaml")

        if let format = top["format"] {
            if format.scalar != "1" {
                report("this version of Asyl reads format 1; the file says format \(format.scalar ?? "?")", format.range)
            }
        } else {
            report("asyl.yaml must say which format it is written in: `format: 1`", SourceRange(line: 1, column: 1))
        }

        if let node = top["languages"] {
            for item in list(node, what: "languages") {
                guard let text = item.scalar, LanguageTag.isWellFormed(text) else {
                    report("'\(item.scalar ?? "")' is not a language tag (write kk, ru, en…)", item.range)
                    continue
                }
                let tag = LanguageTag(text)
                if languages.contains(tag) { report("language '\(text)' is listed twice", item.range) }
                else { languages.append(tag) }
            }
            if languages.isEmpty { report("`languages` must list at least one language", node.range) }
        } else {
            report("asyl.yaml must list the `languages` entries are written in", SourceRange(line: 1, column: 1))
        }
        configuration.languages = languages
        if let node = top["derived"] { derived = parseDerived(node) }
        configuration.derivedLanguages = derived

        configuration.title = top["title"].map { localized($0, what: "title") } ?? LocalizedText()
        if top["title"] == nil { report("asyl.yaml must give the work's `title` in each language", SourceRange(line: 1, column: 1)) }
        configuration.publisher = top["publisher"].map { localized($0, what: "publisher") } ?? LocalizedText()
        if let node = top["categories"] { configuration.categories = labelled(node, what: "categories").map { Category(id: $0.0, label: $0.1) } }
        if let node = top["archives"] { configuration.archives = labelled(node, what: "archives").map { Archive(id: $0.0, name: $0.1) } }
        if let node = top["kinds"] { configuration.kinds = parseKinds(node) }
        checkKindReferences(configuration.kinds)
        let web = top["web"].map { parseWeb($0, inherited: WebSettings()) } ?? WebSettings()
        if let node = top["editions"] { configuration.editions = parseEditions(node, configuration, web: web) }
        if let node = top["styles"] { configuration.stylesDirectory = parseStyles(node) }
        if let node = top["checks"] { configuration.checks = parseChecks(node) }
        if let node = top["print"] { configuration.printGeometry = parsePrint(node) }
        if let node = top["typography"] {
            switch node.scalar {
            case "true": configuration.typography = true
            case "false": configuration.typography = false
            default: report("`typography` is true or false", node.range)
            }
        }
        return configuration
    }

    // MARK: Pieces

    private mutating func parseDerived(_ node: YAMLNode) -> [DerivedLanguage] {
        guard let mapping = MappingReader(node, path: path, rule: .config, what: "`derived`", into: &diagnostics) else { return [] }
        var result: [DerivedLanguage] = []
        for (name, keyNode, value) in mapping.pairs {
            guard LanguageTag.isWellFormed(name) else { report("'\(name)' is not a language tag", keyNode.range); continue }
            guard let fields = MappingReader(value, path: path, rule: .config, what: "a derived language", into: &diagnostics) else { continue }
            diagnostics += fields.unknownKeys(["from", "script"], what: "derived language '\(name)'")
            guard let from = fields["from"]?.scalar, languages.contains(LanguageTag(from)) else {
                report("derived language '\(name)' needs `from:` naming one of `languages`", keyNode.range)
                continue
            }
            let script = fields["script"]?.scalar ?? ""
            if script != "latn-2021" {
                report("unknown script '\(script)' for '\(name)'; Asyl knows latn-2021 (the 2021 Kazakh Latin alphabet)",
                       fields["script"]?.range ?? keyNode.range)
            }
            result.append(DerivedLanguage(tag: LanguageTag(name), source: LanguageTag(from), script: script))
        }
        return result
    }

    private mutating func parseKinds(_ node: YAMLNode) -> [KindSchema] {
        guard let mapping = MappingReader(node, path: path, rule: .config, what: "`kinds`", into: &diagnostics) else { return [] }
        var kinds: [KindSchema] = []
        for (name, keyNode, value) in mapping.pairs {
            guard EntryID.isValid(name) else {
                report("a kind's name is lowercase letters, digits and '-': '\(name)'", keyNode.range)
                continue
            }
            guard let fields = MappingReader(value, path: path, rule: .config, what: "kind '\(name)'", into: &diagnostics) else { continue }
            diagnostics += fields.unknownKeys(["label", "fields"], what: "kind '\(name)'")
            let label = fields["label"].map { localized($0, what: "label") } ?? LocalizedText()
            var schemas: [FieldSchema] = []
            if let fieldNode = fields["fields"],
               let fieldMap = MappingReader(fieldNode, path: path, rule: .config, what: "`fields`", into: &diagnostics) {
                for (fieldName, fieldKey, fieldValue) in fieldMap.pairs {
                    if FrontMatterParser.reservedKeys.contains(fieldName) {
                        report("'\(fieldName)' is a reserved key of every version; give the fact another name", fieldKey.range)
                        continue
                    }
                    if let schema = parseField(fieldName, fieldValue, kind: name) { schemas.append(schema) }
                }
            }
            kinds.append(KindSchema(name: name, label: label, fields: schemas))
        }
        return kinds
    }

    private mutating func parseField(_ name: String, _ node: YAMLNode, kind: String) -> FieldSchema? {
        guard let fields = MappingReader(node, path: path, rule: .config, what: "field '\(name)'", into: &diagnostics) else { return nil }
        diagnostics += fields.unknownKeys(["type", "label", "kinds", "required", "values"], what: "field '\(name)'")
        let typeNames = ["text", "date", "number", "geo", "link", "links", "enum", "source"]
        guard let typeNode = fields["type"], let typeName = typeNode.scalar, typeNames.contains(typeName) else {
            var message = "field '\(name)' of kind '\(kind)' needs a `type`: one of \(typeNames.joined(separator: ", "))"
            if let written = fields["type"]?.scalar, let near = NearMiss.closest(to: written, in: typeNames) {
                message = "unknown type '\(written)'; did you mean '\(near)'?"
            }
            report(message, fields["type"]?.range ?? node.range)
            return nil
        }
        let kinds = fields["kinds"].map { list($0, what: "kinds").compactMap(\.scalar) } ?? []
        if fields["kinds"] != nil, typeName != "link", typeName != "links" {
            report("`kinds` only applies to link and links fields", fields.keyNode("kinds")!.range)
        }
        let type: FieldType
        switch typeName {
        case "text": type = .text
        case "date": type = .date
        case "number": type = .number
        case "geo": type = .geo
        case "link": type = .link(kinds: kinds)
        case "links": type = .links(kinds: kinds)
        case "source": type = .source
        default:
            guard let valuesNode = fields["values"] else {
                report("enum field '\(name)' needs `values`, each with a label per language", node.range)
                return nil
            }
            type = .enumeration(values: labelled(valuesNode, what: "values").map { EnumerationValue(id: $0.0, label: $0.1) })
        }
        if fields["values"] != nil, typeName != "enum" {
            report("`values` only applies to enum fields", fields.keyNode("values")!.range)
        }
        var required = false
        if let requiredNode = fields["required"] {
            switch requiredNode.scalar {
            case "true": required = true
            case "false": required = false
            default: report("`required` is true or false", requiredNode.range)
            }
        }
        let label = fields["label"].map { localized($0, what: "label") } ?? LocalizedText()
        return FieldSchema(name: name, type: type, label: label, isRequired: required)
    }

    private mutating func checkKindReferences(_ kinds: [KindSchema]) {
        // Positions of `kinds:` lists are not kept in the schema; report at the file's start.
        let names = Set(kinds.map(\.name))
        for kind in kinds {
            for field in kind.fields {
                let allowed: [String]
                switch field.type {
                case .link(let list), .links(let list): allowed = list
                default: continue
                }
                for name in allowed where !names.contains(name) {
                    report("field '\(field.name)' of kind '\(kind.name)' allows kind '\(name)', which `kinds` does not declare",
                           SourceRange(line: 1, column: 1))
                }
            }
        }
    }

    private mutating func parseEditions(_ node: YAMLNode, _ configuration: ProjectConfiguration, web: WebSettings) -> [Edition] {
        var editions: [Edition] = []
        for item in list(node, what: "editions") {
            guard let fields = MappingReader(item, path: path, rule: .config, what: "an edition", into: &diagnostics) else { continue }
            diagnostics += fields.unknownKeys(["id", "title", "languages", "select", "isbn", "formats", "citations", "web", "plaques"], what: "an edition")
            guard let id = fields["id"]?.scalar, EntryID.isValid(id) else {
                report("an edition needs an `id` of lowercase letters, digits and '-'", fields["id"]?.range ?? item.range)
                continue
            }
            if editions.contains(where: { $0.id == id }) { report("edition '\(id)' is declared twice", fields["id"]!.range) }
            let title = fields["title"].map { localized($0, what: "title") } ?? configuration.title
            let known = languages + derived.map(\.tag)
            var editionLanguages = known
            if let node = fields["languages"] {
                editionLanguages = []
                for language in list(node, what: "languages") {
                    guard let text = language.scalar, known.contains(LanguageTag(text)) else {
                        report("edition '\(id)' names language '\(language.scalar ?? "")', which asyl.yaml does not list", language.range)
                        continue
                    }
                    editionLanguages.append(LanguageTag(text))
                }
            }
            var selection = Selection()
            if let selectNode = fields["select"],
               let select = MappingReader(selectNode, path: path, rule: .config, what: "`select`", into: &diagnostics) {
                diagnostics += select.unknownKeys(["kinds", "categories", "regions", "ids"], what: "`select`")
                let kindNames = configuration.kinds.map(\.name)
                selection.kinds = names(select["kinds"], known: kindNames, what: "kind")
                selection.categories = names(select["categories"], known: configuration.categories.map(\.id), what: "category")
                selection.regions = names(select["regions"], known: nil, what: "entry").map { EntryID($0) }
                selection.ids = names(select["ids"], known: nil, what: "entry").map { EntryID($0) }
            }
            var formats = OutputFormat.books
            if let node = fields["formats"] {
                formats = list(node, what: "formats").compactMap { format in
                    guard let value = format.scalar.flatMap(OutputFormat.init(rawValue:)) else {
                        let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                        report("unknown format '\(format.scalar ?? "")'; formats are \(known)", format.range)
                        return nil
                    }
                    return value
                }
            }
            var style = CitationStyle.notes
            if let node = fields["citations"] {
                if let value = node.scalar.flatMap(CitationStyle.init(rawValue:)) { style = value }
                else { report("`citations` is notes or author-year", node.range) }
            }
            if let node = fields["isbn"], node.scalar != nil {
                report("each language's book has its own ISBN: write isbn: {kk: …, ru: …}", node.range)
            }
            let isbn = fields["isbn"].map { localized($0, what: "isbn") } ?? LocalizedText()
            let editionWeb = fields["web"].map { parseWeb($0, inherited: web) } ?? web
            var plaques: PlaqueSettings?
            if let node = fields["plaques"],
               let mapping = MappingReader(node, path: path, rule: .config, what: "`plaques`", into: &diagnostics) {
                diagnostics += mapping.unknownKeys(["kinds"], what: "`plaques`")
                let kinds = names(mapping["kinds"], known: configuration.kinds.map(\.name), what: "kind")
                if kinds.isEmpty {
                    report("`plaques` names the kinds that get a plaque, as in plaques: {kinds: [monument]}", node.range)
                } else if !formats.contains(.web) {
                    report("edition '\(id)' has plaques but is not built as web: a plaque's QR code leads to the edition's site; "
                           + "add web to its `formats:`", node.range)
                } else if editionWeb.baseURL == nil {
                    report("edition '\(id)' has plaques but no address: a plaque's QR code prints it; "
                           + "set web: {base-url: https://…} in asyl.yaml or in the edition", node.range)
                } else {
                    plaques = PlaqueSettings(kinds: kinds)
                }
            }
            editions.append(Edition(
                id: id, title: title, languages: editionLanguages, selection: selection, isbn: isbn,
                formats: formats, citationStyle: style, web: editionWeb, plaques: plaques,
                location: SourceLocation(path: path, range: item.range)))
        }
        return editions
    }

    private mutating func parseStyles(_ node: YAMLNode) -> String? {
        guard let text = node.scalar, !text.isEmpty else {
            report("`styles` names a folder inside the source tree", node.range)
            return nil
        }
        if text.hasPrefix("/") || text.split(separator: "/").contains("..") {
            report("`styles` must name a folder inside the source tree, not '\(text)'", node.range)
            return nil
        }
        let folder = text.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        guard hasFiles(folder) else {
            report(
                "`styles: \(text)` names no folder of the tree's own files (it is missing, a file, empty, or a link, which "
                    + "Asyl does not follow), so Asyl's own stylesheets would be used; make the folder, or remove the key",
                node.range)
            return nil
        }
        return text
    }

    private mutating func parseChecks(_ node: YAMLNode) -> [Rule: RuleSetting] {
        guard let mapping = MappingReader(node, path: path, rule: .config, what: "`checks`", into: &diagnostics) else { return [:] }
        var settings: [Rule: RuleSetting] = [:]
        for (name, keyNode, value) in mapping.pairs {
            guard let rule = Rule(rawValue: name) else {
                var message = "unknown rule '\(name)'"
                if let near = NearMiss.closest(to: name, in: Rule.allCases.map(\.rawValue)) { message += "; did you mean '\(near)'?" }
                report(message, keyNode.range)
                continue
            }
            guard let setting = value.scalar.flatMap(RuleSetting.init) else {
                report("a rule is set to off, note, warning or error", value.range)
                continue
            }
            settings[rule] = setting
        }
        return settings
    }

    /// `web:`, of asyl.yaml or of an edition (whose keys replace the ones it inherits).
    private mutating func parseWeb(_ node: YAMLNode, inherited: WebSettings) -> WebSettings {
        var settings = inherited
        guard let mapping = MappingReader(node, path: path, rule: .config, what: "`web`", into: &diagnostics) else { return settings }
        diagnostics += mapping.unknownKeys(["base-url", "tiles"], what: "`web`")
        if let node = mapping["tiles"],
           let tiles = MappingReader(node, path: path, rule: .config, what: "`tiles`", into: &diagnostics) {
            diagnostics += tiles.unknownKeys(["url", "attribution"], what: "`tiles`")
            let url = tiles["url"]?.scalar ?? ""
            let attribution = tiles["attribution"]?.scalar ?? ""
            if !url.hasPrefix("https://") || !["{z}", "{x}", "{y}"].allSatisfy(url.contains) {
                report("`tiles: {url}` is an https address with {z}, {x} and {y}, as in https://tiles.example.kz/{z}/{x}/{y}.png",
                       tiles["url"]?.range ?? node.range)
            } else if attribution.isEmpty {
                report("`tiles` needs the `attribution` its provider requires, as in \"© OpenStreetMap contributors\"", node.range)
            } else {
                settings.tiles = WebSettings.Tiles(url: url, attribution: attribution)
            }
        }
        if let node = mapping["base-url"] {
            if let text = node.scalar, text.wholeMatch(of: /https?:\/\/[A-Za-z0-9.\-]+(:[0-9]+)?(\/[A-Za-z0-9._~!$&'()*+,;=:@%\/\-]*)?/) != nil {
                settings.baseURL = text.hasSuffix("/") ? text : text + "/"
            } else {
                report("`base-url` is the site's address, as in https://example.kz/asyl/ (http or https, no ? or #)", node.range)
            }
        }
        return settings
    }

    private mutating func parsePrint(_ node: YAMLNode) -> PrintGeometry {
        var geometry = PrintGeometry()
        guard let mapping = MappingReader(node, path: path, rule: .config, what: "`print`", into: &diagnostics) else { return geometry }
        diagnostics += mapping.unknownKeys(["trim", "bleed", "marks"], what: "`print`")
        if let trim = mapping["trim"] {
            if let text = trim.scalar, text.wholeMatch(of: /\d+(\.\d+)?x\d+(\.\d+)?mm/) != nil { geometry.trim = text }
            else { report("`trim` is width x height in millimetres, as in 170x240mm", trim.range) }
        }
        if let bleed = mapping["bleed"] {
            if let text = bleed.scalar, text.wholeMatch(of: /\d+(\.\d+)?mm/) != nil { geometry.bleed = text }
            else { report("`bleed` is a length in millimetres, as in 3mm", bleed.range) }
        }
        if let marks = mapping["marks"] {
            if let text = marks.scalar, ["crop", "cross", "none"].contains(text) { geometry.marks = text == "none" ? nil : text }
            else { report("`marks` is crop, cross or none", marks.range) }
        }
        return geometry
    }

    // MARK: Shapes

    private mutating func list(_ node: YAMLNode, what: String) -> [YAMLNode] {
        switch node.kind {
        case .sequence(let items): return items
        case .scalar: return [node]
        case .mapping:
            report("`\(what)` must be a list, as in [a, b]", node.range)
            return []
        }
    }

    /// Names that must be among `known` (when given), each reported where written.
    private mutating func names(_ node: YAMLNode?, known: [String]?, what: String) -> [String] {
        guard let node else { return [] }
        return list(node, what: what).compactMap { item in
            guard let name = item.scalar else { report("expected a \(what) name", item.range); return nil }
            if let known, !known.contains(name) {
                var message = "unknown \(what) '\(name)'"
                if let near = NearMiss.closest(to: name, in: known) { message += "; did you mean '\(near)'?" }
                report(message, item.range)
                return nil
            }
            return name
        }
    }

    /// `{kk: …, ru: …, en: …}`: one text per declared language.
    private mutating func localized(_ node: YAMLNode, what: String) -> LocalizedText {
        if let text = node.scalar {
            // One text for every language (a name that is not translated).
            return LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, text) }))
        }
        guard let mapping = MappingReader(node, path: path, rule: .config, what: "`\(what)`", into: &diagnostics) else {
            return LocalizedText()
        }
        var values: [LanguageTag: String] = [:]
        let known = languages + derived.map(\.tag)
        for (language, keyNode, value) in mapping.pairs {
            guard known.contains(LanguageTag(language)) else {
                report("'\(language)' is not one of `languages`", keyNode.range)
                continue
            }
            guard let text = value.scalar else { report("expected text", value.range); continue }
            values[LanguageTag(language)] = text
        }
        return LocalizedText(values)
    }

    /// A mapping of ids to localized labels (categories, archives, enum values).
    private mutating func labelled(_ node: YAMLNode, what: String) -> [(String, LocalizedText)] {
        guard let mapping = MappingReader(node, path: path, rule: .config, what: "`\(what)`", into: &diagnostics) else { return [] }
        return mapping.pairs.compactMap { name, keyNode, value in
            guard EntryID.isValid(name) else {
                report("an id in `\(what)` is lowercase letters, digits and '-': '\(name)'", keyNode.range)
                return nil
            }
            return (name, localized(value, what: name))
        }
    }

    private mutating func report(_ message: String, _ range: SourceRange) {
        diagnostics.append(Diagnostic(.config, message, at: SourceLocation(path: path, range: range)))
    }
}
