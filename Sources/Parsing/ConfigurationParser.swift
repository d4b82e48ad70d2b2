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
            report(Message(.configEmpty), SourceRange(line: 1, column: 1))
            return configuration
        case .success(let node?):
            root = node
        }
        guard let top = MappingReader(root, path: path, rule: .config, what: Message(.whatAsylYAML), into: &diagnostics)
        else { return configuration }
        diagnostics += top.unknownKeys(
            ["format", "languages", "derived", "title", "publisher", "kinds", "categories", "archives",
             "editions", "styles", "checks", "print", "typography", "web", "media-size-limit"] + Self.workDetailKeys,
            what: Message(.whatAsylYAML))

        if let format = top["format"] {
            if format.scalar != "1" {
                report(Message(.configFormatUnsupported, ["format": format.scalar ?? "?"]), format.range)
            }
        } else {
            report(Message(.configFormatMissing), SourceRange(line: 1, column: 1))
        }

        if let node = top["languages"] {
            for item in list(node, what: "languages") {
                guard let text = item.scalar, LanguageTag.isWellFormed(text) else {
                    report(Message(.configLanguageTagInvalid, ["tag": item.scalar ?? ""]), item.range)
                    continue
                }
                let tag = LanguageTag(text)
                if languages.contains(tag) { report(Message(.configLanguageListedTwice, ["tag": text]), item.range) }
                else { languages.append(tag) }
            }
            if languages.isEmpty { report(Message(.configLanguagesEmpty), node.range) }
        } else {
            report(Message(.configLanguagesMissing), SourceRange(line: 1, column: 1))
        }
        configuration.languages = languages
        if let node = top["derived"] { derived = parseDerived(node) }
        configuration.derivedLanguages = derived

        configuration.title = top["title"].map { localized($0, what: "title") } ?? LocalizedText()
        if top["title"] == nil { report(Message(.configTitleMissing), SourceRange(line: 1, column: 1)) }
        configuration.publisher = top["publisher"].map { localized($0, what: "publisher") } ?? LocalizedText()
        if let node = top["categories"] { configuration.categories = labelled(node, what: "categories").map { Category(id: $0.0, label: $0.1) } }
        if let node = top["archives"] { configuration.archives = labelled(node, what: "archives").map { Archive(id: $0.0, name: $0.1) } }
        if let node = top["kinds"] { configuration.kinds = parseKinds(node) }
        checkKindReferences(configuration.kinds)
        let web = top["web"].map { parseWeb($0, inherited: WebSettings()) } ?? WebSettings()
        let details = parsePublication(top, keys: Self.workDetailKeys, inherited: PublicationDetails(), configuration)
        if let node = top["editions"] { configuration.editions = parseEditions(node, configuration, web: web, details: details) }
        if let node = top["styles"] { configuration.stylesDirectory = parseStyles(node) }
        if let node = top["checks"] { configuration.checks = parseChecks(node) }
        if let node = top["print"] { configuration.printGeometry = parsePrint(node) }
        if let node = top["typography"] {
            switch node.scalar {
            case "true": configuration.typography = true
            case "false": configuration.typography = false
            default: report(Message(.configTypographyNotBoolean), node.range)
            }
        }
        if let node = top["media-size-limit"] {
            if let limit = node.scalar.flatMap(Self.size) { configuration.mediaSizeLimit = limit }
            else { report(Message(.configMediaSizeLimitInvalid), node.range) }
        }
        return configuration
    }

    /// `32 MiB`, `800 KiB` or a number of bytes, up to 1024 MiB; nil for anything else, or none.
    static func size(_ text: String) -> Int? {
        guard let match = text.wholeMatch(of: /([0-9]{1,10})\s*(KiB|MiB)?/), let number = Int(match.1), number > 0 else { return nil }
        let bytes = switch match.2 {
        case "KiB": number * 1024
        case "MiB": number * 1024 * 1024
        default: number
        }
        return bytes <= MediaInspection.largestSizeLimit ? bytes : nil
    }

    // MARK: Pieces

    private mutating func parseDerived(_ node: YAMLNode) -> [DerivedLanguage] {
        guard let mapping = MappingReader(node, path: path, rule: .config, what: .yamlKey("derived"), into: &diagnostics) else { return [] }
        var result: [DerivedLanguage] = []
        for (name, keyNode, value) in mapping.pairs {
            guard LanguageTag.isWellFormed(name) else { report(Message(.configDerivedTagInvalid, ["name": name]), keyNode.range); continue }
            guard let fields = MappingReader(value, path: path, rule: .config, what: Message(.whatDerivedLanguage), into: &diagnostics)
            else { continue }
            diagnostics += fields.unknownKeys(["from", "script"], what: Message(.whatDerivedLanguageNamed, ["name": name]))
            guard let from = fields["from"]?.scalar, languages.contains(LanguageTag(from)) else {
                report(Message(.configDerivedFromMissing, ["name": name]), keyNode.range)
                continue
            }
            let script = fields["script"]?.scalar ?? ""
            if script != "latn-2021" {
                report(Message(.configDerivedScriptUnknown, ["script": script, "name": name]), fields["script"]?.range ?? keyNode.range)
            }
            result.append(DerivedLanguage(tag: LanguageTag(name), source: LanguageTag(from), script: script))
        }
        return result
    }

    private mutating func parseKinds(_ node: YAMLNode) -> [KindSchema] {
        guard let mapping = MappingReader(node, path: path, rule: .config, what: .yamlKey("kinds"), into: &diagnostics) else { return [] }
        var kinds: [KindSchema] = []
        for (name, keyNode, value) in mapping.pairs {
            guard EntryID.isValid(name) else {
                report(Message(.configKindNameInvalid, ["name": name]), keyNode.range)
                continue
            }
            let what = Message(.whatKind, ["name": name])
            guard let fields = MappingReader(value, path: path, rule: .config, what: what, into: &diagnostics) else { continue }
            diagnostics += fields.unknownKeys(["label", "fields", "records"], what: what)
            let label = fields["label"].map { localized($0, what: "label") } ?? LocalizedText()
            var schemas: [FieldSchema] = []
            if let fieldNode = fields["fields"],
               let fieldMap = MappingReader(fieldNode, path: path, rule: .config, what: .yamlKey("fields"), into: &diagnostics) {
                for (fieldName, fieldKey, fieldValue) in fieldMap.pairs {
                    if FrontMatterParser.reservedKeys.contains(fieldName) {
                        report(Message(.configFieldNameReserved, ["name": fieldName]), fieldKey.range)
                        continue
                    }
                    if let schema = parseField(fieldName, fieldValue, kind: name) { schemas.append(schema) }
                }
            }
            let records = fields["records"].flatMap { parseRecordStorage($0, kind: name, fields: schemas) }
            kinds.append(KindSchema(name: name, label: label, fields: schemas, records: records))
        }
        return kinds
    }

    /// `records: records/*.csv`, or `records: {files: …, match: {surname: …}}`.
    private mutating func parseRecordStorage(_ node: YAMLNode, kind: String, fields: [FieldSchema]) -> RecordStorage? {
        var filesNode = node
        var match = RecordMatchFields()
        if case .mapping = node.kind {
            let what = Message.yamlKey("records")
            guard let mapping = MappingReader(node, path: path, rule: .config, what: what, into: &diagnostics) else { return nil }
            diagnostics += mapping.unknownKeys(["files", "match"], what: what)
            guard let files = mapping["files"] else {
                report(Message(.configRecordsFilesMissing, ["kind": kind]), node.range)
                return nil
            }
            filesNode = files
            if let matchNode = mapping["match"] {
                let matchWhat = Message.yamlKey("match")
                if let roles = MappingReader(matchNode, path: path, rule: .config, what: matchWhat, into: &diagnostics) {
                    let known = ["surname", "given-name", "patronymic", "born", "place"]
                    diagnostics += roles.unknownKeys(known, what: matchWhat)
                    for (role, _, value) in roles.pairs where known.contains(role) {
                        guard let field = value.scalar, fields.contains(where: { $0.name == field }) else {
                            let names = fields.map(\.name).joined(separator: ", ")
                            report(Message(.configRecordsMatchUnknownField, ["field": value.scalar ?? "?", "kind": kind, "fields": names]), value.range)
                            continue
                        }
                        switch role {
                        case "surname": match.surname = field
                        case "given-name": match.givenName = field
                        case "patronymic": match.patronymic = field
                        case "born": match.born = field
                        default: match.place = field
                        }
                    }
                }
            }
        }
        guard let pattern = filesNode.scalar, !pattern.isEmpty else {
            report(Message(.configRecordsFilesForm, ["kind": kind]), filesNode.range)
            return nil
        }
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false)
        guard !pattern.hasPrefix("/"), !segments.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }), segments.first != "entries"
        else {
            report(Message(.configRecordsFilesOutside, ["pattern": pattern]), filesNode.range)
            return nil
        }
        for field in fields where RecordColumns.reserved.contains(field.name) {
            report(Message(.configRecordsFieldReserved, ["name": field.name, "kind": kind]), node.range)
        }
        return RecordStorage(files: pattern, match: match)
    }

    private mutating func parseField(_ name: String, _ node: YAMLNode, kind: String) -> FieldSchema? {
        let what = Message(.whatField, ["name": name])
        guard let fields = MappingReader(node, path: path, rule: .config, what: what, into: &diagnostics) else { return nil }
        diagnostics += fields.unknownKeys(["type", "label", "kinds", "required", "values"], what: what)
        let typeNames = ["text", "date", "number", "geo", "link", "links", "enum", "source"]
        guard let typeNode = fields["type"], let typeName = typeNode.scalar, typeNames.contains(typeName) else {
            var message = Message(.configFieldTypeMissing, ["name": name, "kind": kind, "types": typeNames.joined(separator: ", ")])
            if let written = fields["type"]?.scalar, let near = NearMiss.closest(to: written, in: typeNames) {
                message = Message(.configFieldTypeUnknown, ["type": written, "near": near])
            }
            report(message, fields["type"]?.range ?? node.range)
            return nil
        }
        let kinds = fields["kinds"].map { list($0, what: "kinds").compactMap(\.scalar) } ?? []
        if fields["kinds"] != nil, typeName != "link", typeName != "links" {
            report(Message(.configKindsOnlyForLinks), fields.keyNode("kinds")!.range)
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
                report(Message(.configEnumValuesMissing, ["name": name]), node.range)
                return nil
            }
            type = .enumeration(values: labelled(valuesNode, what: "values").map { EnumerationValue(id: $0.0, label: $0.1) })
        }
        if fields["values"] != nil, typeName != "enum" {
            report(Message(.configValuesOnlyForEnum), fields.keyNode("values")!.range)
        }
        var required = false
        if let requiredNode = fields["required"] {
            switch requiredNode.scalar {
            case "true": required = true
            case "false": required = false
            default: report(Message(.configRequiredNotBoolean), requiredNode.range)
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
                    report(Message(.configLinkKindUndeclared, ["field": field.name, "kind": kind.name, "name": name]),
                           SourceRange(line: 1, column: 1))
                }
            }
        }
    }

    private mutating func parseEditions(
        _ node: YAMLNode, _ configuration: ProjectConfiguration, web: WebSettings, details: PublicationDetails
    ) -> [Edition] {
        var editions: [Edition] = []
        for item in list(node, what: "editions") {
            guard let fields = MappingReader(item, path: path, rule: .config, what: Message(.whatEdition), into: &diagnostics) else { continue }
            diagnostics += fields.unknownKeys(
                ["id", "title", "languages", "select", "formats", "citations", "web", "plaques"] + Self.workDetailKeys
                    + Self.editionDetailKeys, what: Message(.whatEdition))
            guard let id = fields["id"]?.scalar, EntryID.isValid(id) else {
                report(Message(.configEditionIDInvalid), fields["id"]?.range ?? item.range)
                continue
            }
            if editions.contains(where: { $0.id == id }) { report(Message(.configEditionDeclaredTwice, ["id": id]), fields["id"]!.range) }
            let title = fields["title"].map { localized($0, what: "title") } ?? configuration.title
            let known = languages + derived.map(\.tag)
            var editionLanguages = known
            if let node = fields["languages"] {
                editionLanguages = []
                for language in list(node, what: "languages") {
                    guard let text = language.scalar, known.contains(LanguageTag(text)) else {
                        report(Message(.configEditionLanguageUnlisted, ["id": id, "language": language.scalar ?? ""]), language.range)
                        continue
                    }
                    editionLanguages.append(LanguageTag(text))
                }
            }
            var selection = Selection()
            if let selectNode = fields["select"],
               let select = MappingReader(selectNode, path: path, rule: .config, what: .yamlKey("select"), into: &diagnostics) {
                diagnostics += select.unknownKeys(["kinds", "categories", "regions", "ids"], what: .yamlKey("select"))
                let kindNames = configuration.kinds.map(\.name)
                selection.kinds = names(select, "kinds", .kinds(declared: kindNames))
                selection.categories = names(select, "categories", .categories(declared: configuration.categories.map(\.id)))
                selection.regions = names(select, "regions", .entries).map { EntryID($0) }
                selection.ids = names(select, "ids", .entries).map { EntryID($0) }
            }
            var formats = OutputFormat.books
            if let node = fields["formats"] {
                formats = list(node, what: "formats").compactMap { format in
                    guard let value = format.scalar.flatMap(OutputFormat.init(rawValue:)) else {
                        let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                        report(Message(.configOutputFormatUnknown, ["format": format.scalar ?? "", "formats": known]), format.range)
                        return nil
                    }
                    return value
                }
            }
            var style = CitationStyle.notes
            if let node = fields["citations"] {
                if let value = node.scalar.flatMap(CitationStyle.init(rawValue:)) { style = value }
                else { report(Message(.configCitationsInvalid), node.range) }
            }
            let publication = parsePublication(
                fields, keys: Self.workDetailKeys + Self.editionDetailKeys, inherited: details, configuration)
            let editionWeb = fields["web"].map { parseWeb($0, inherited: web) } ?? web
            var plaques: PlaqueSettings?
            if let node = fields["plaques"],
               let mapping = MappingReader(node, path: path, rule: .config, what: .yamlKey("plaques"), into: &diagnostics) {
                diagnostics += mapping.unknownKeys(["kinds"], what: .yamlKey("plaques"))
                let kinds = names(mapping, "kinds", .kinds(declared: configuration.kinds.map(\.name)))
                if kinds.isEmpty {
                    report(Message(.configPlaquesKindsMissing), node.range)
                } else if !formats.contains(.web) {
                    report(Message(.configPlaquesNotWeb, ["id": id]), node.range)
                } else if editionWeb.baseURL == nil {
                    report(Message(.configPlaquesNoAddress, ["id": id]), node.range)
                } else {
                    plaques = PlaqueSettings(kinds: kinds)
                }
            }
            editions.append(Edition(
                id: id, title: title, languages: editionLanguages, selection: selection, publication: publication,
                formats: formats, citationStyle: style, web: editionWeb, plaques: plaques,
                location: SourceLocation(path: path, range: item.range)))
        }
        return editions
    }

    private mutating func parseStyles(_ node: YAMLNode) -> String? {
        guard let text = node.scalar, !text.isEmpty else {
            report(Message(.configStylesMissing), node.range)
            return nil
        }
        if text.hasPrefix("/") || text.split(separator: "/").contains("..") {
            report(Message(.configStylesOutsideTree, ["path": text]), node.range)
            return nil
        }
        let folder = text.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        guard hasFiles(folder) else {
            report(Message(.configStylesNoFolder, ["path": text]), node.range)
            return nil
        }
        return text
    }

    private mutating func parseChecks(_ node: YAMLNode) -> [Rule: RuleSetting] {
        guard let mapping = MappingReader(node, path: path, rule: .config, what: .yamlKey("checks"), into: &diagnostics) else { return [:] }
        var settings: [Rule: RuleSetting] = [:]
        for (name, keyNode, value) in mapping.pairs {
            guard let rule = Rule(rawValue: name) else {
                if let near = NearMiss.closest(to: name, in: Rule.allCases.map(\.rawValue)) {
                    report(Message(.configRuleUnknownDidYouMean, ["name": name, "near": near]), keyNode.range)
                } else {
                    report(Message(.configRuleUnknown, ["name": name]), keyNode.range)
                }
                continue
            }
            guard let setting = value.scalar.flatMap(RuleSetting.init) else {
                report(Message(.configRuleSettingInvalid), value.range)
                continue
            }
            settings[rule] = setting
        }
        return settings
    }

    /// `web:`, of asyl.yaml or of an edition (whose keys replace the ones it inherits).
    private mutating func parseWeb(_ node: YAMLNode, inherited: WebSettings) -> WebSettings {
        var settings = inherited
        guard let mapping = MappingReader(node, path: path, rule: .config, what: .yamlKey("web"), into: &diagnostics) else { return settings }
        diagnostics += mapping.unknownKeys(["base-url", "tiles"], what: .yamlKey("web"))
        if let node = mapping["tiles"],
           let tiles = MappingReader(node, path: path, rule: .config, what: .yamlKey("tiles"), into: &diagnostics) {
            diagnostics += tiles.unknownKeys(["url", "attribution"], what: .yamlKey("tiles"))
            let url = tiles["url"]?.scalar ?? ""
            let attribution = tiles["attribution"]?.scalar ?? ""
            if !WebAddress.isTileTemplate(url) {
                report(Message(.configTilesURLInvalid), tiles["url"]?.range ?? node.range)
            } else if attribution.isEmpty {
                report(Message(.configTilesAttributionMissing), node.range)
            } else {
                settings.tiles = WebSettings.Tiles(url: url, attribution: attribution)
            }
        }
        if let node = mapping["base-url"] {
            if let text = node.scalar, WebAddress.isSiteAddress(text) {
                settings.baseURL = text.hasSuffix("/") ? text : text + "/"
            } else {
                report(Message(.configBaseURLInvalid), node.range)
            }
        }
        return settings
    }

    /// Publication details asyl.yaml may give for every edition, and an edition for itself.
    private static let workDetailKeys = ["contributors", "description", "rights", "series"]
    /// Publication details only an edition gives.
    private static let editionDetailKeys = [
        "isbn", "print-isbn", "volume", "published", "cover", "udc", "bbk", "print-run", "paper-format", "printer",
    ]

    /// The publication details of asyl.yaml (`inherited` empty) or of an
    /// edition, of the `keys` it may give: each key given replaces the one inherited from asyl.yaml.
    private mutating func parsePublication(
        _ mapping: MappingReader, keys: [String], inherited: PublicationDetails, _ configuration: ProjectConfiguration
    ) -> PublicationDetails {
        var details = inherited
        let fields = { (key: String) in keys.contains(key) ? mapping[key] : nil }
        if let node = fields("contributors") { details.contributors = parseContributors(node) }
        if let node = fields("description") { details.description = localized(node, what: "description") }
        if let node = fields("rights") { details.rights = localized(node, what: "rights") }
        if let node = fields("series") { details.series = localized(node, what: "series") }
        for (key, path) in [("isbn", \PublicationDetails.isbn), ("print-isbn", \PublicationDetails.printISBN)] {
            guard let node = fields(key) else { continue }
            if node.scalar != nil {
                report(Message(.configISBNNotPerLanguage, ["key": key]), node.range)
                continue
            }
            details[keyPath: path] = checkedISBNs(node, key: key)
        }
        if let node = fields("volume") {
            if let text = node.scalar, text.wholeMatch(of: /[1-9][0-9]{0,3}/) != nil, let volume = Int(text) { details.volume = volume }
            else { report(Message(.configVolumeInvalid), node.range) }
        }
        if let node = fields("published") {
            if let text = node.scalar, Self.isPublicationDate(text) { details.published = text }
            else { report(Message(.configPublishedInvalid), node.range) }
        }
        if let node = fields("cover") { details.cover = parseCover(node) }
        for (key, path) in [("udc", \PrintingDetails.udc), ("bbk", \PrintingDetails.bbk)] {
            guard let node = fields(key) else { continue }
            if let text = node.scalar, !text.allSatisfy(\.isWhitespace), !text.contains(where: \.isNewline) {
                details.printing[keyPath: path] = text.trimmingCharacters(in: .whitespaces)
            } else {
                report(Message(.configClassificationInvalid, ["key": key]), node.range)
            }
        }
        if let node = fields("print-run") {
            if let text = node.scalar, text.wholeMatch(of: /[1-9][0-9]{0,6}/) != nil, let copies = Int(text) { details.printing.printRun = copies }
            else { report(Message(.configPrintRunInvalid), node.range) }
        }
        if let node = fields("paper-format") {
            if let format = node.scalar.flatMap(PaperFormat.init(parsing:)) { details.printing.paperFormat = format }
            else { report(Message(.configPaperFormatInvalid, ["value": node.scalar ?? ""]), node.range) }
        }
        if let node = fields("printer") { details.printing.printer = localized(node, what: "printer") }
        return details
    }

    /// `2024`, `2024-05` or `2024-05-17`, a day the calendar has.
    static func isPublicationDate(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: /([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?/), let year = Int(match.1), year > 0 else {
            return false
        }
        guard let monthText = match.2 else { return true }
        guard let month = Int(monthText), (1...12).contains(month) else { return false }
        guard let dayText = match.3 else { return true }
        let leap = year.isMultiple(of: 4) && (!year.isMultiple(of: 100) || year.isMultiple(of: 400))
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return Int(dayText).map { (1...days).contains($0) } ?? false
    }

    /// An ISBN per language, each an ISBN-13 (an ISBN-10 gets its ISBN-13 as the fix).
    private mutating func checkedISBNs(_ node: YAMLNode, key: String) -> LocalizedText {
        var values: [LanguageTag: String] = [:]
        for (language, text, value) in perLanguage(node, what: key) {
            switch ISBN.parse(text) {
            case .success: values[language] = text
            case .failure(let problem):
                switch problem {
                case .notThirteenDigits: report(Message(.configISBNNotThirteenDigits, ["key": key, "isbn": text]), value.range)
                case .prefix: report(Message(.configISBNPrefix, ["key": key, "isbn": text]), value.range)
                case .checkDigit(let expected):
                    report(Message(.configISBNCheckDigit, ["key": key, "isbn": text, "expected": String(expected)]), value.range)
                case .isbn10(let thirteen):
                    report(Message(.configISBNTen, ["key": key, "isbn": text, "thirteen": thirteen]), value.range,
                           fix: Diagnostic.Fix(replacing: value.range, with: thirteen))
                }
            }
        }
        return LocalizedText(values)
    }

    /// `contributors:`: a list of people, each with a name (per language or one for all), a role and, optionally, languages.
    private mutating func parseContributors(_ node: YAMLNode) -> [Contributor] {
        var contributors: [Contributor] = []
        for item in list(node, what: "contributors") {
            guard let fields = MappingReader(item, path: path, rule: .config, what: Message(.whatContributor), into: &diagnostics)
            else { continue }
            diagnostics += fields.unknownKeys(["name", "role", "languages"], what: Message(.whatContributor))
            let name = fields["name"].map { localized($0, what: "name") } ?? LocalizedText()
            guard !name.values.isEmpty, name.values.values.allSatisfy({ !$0.allSatisfy(\.isWhitespace) }) else {
                report(Message(.configContributorNameMissing), fields["name"]?.range ?? item.range)
                continue
            }
            let roles = ContributorRole.allCases.map(\.rawValue)
            guard fields["role"] != nil else {
                report(Message(.configContributorRoleMissing, ["roles": roles.joined(separator: ", ")]), item.range)
                continue
            }
            guard let roleNode = fields["role"], let role = roleNode.scalar.flatMap(ContributorRole.init(rawValue:)) else {
                let written = fields["role"]?.scalar ?? ""
                let near = NearMiss.closest(to: written, in: roles)
                report(Message(.configContributorRoleUnknown, ["role": written, "roles": roles.joined(separator: ", ")]),
                       fields["role"]?.range ?? item.range,
                       fix: near.flatMap { near in fields["role"].map { Diagnostic.Fix(replacing: $0.range, with: near) } })
                continue
            }
            var only: [LanguageTag] = []
            if let node = fields["languages"] {
                let known = languages + derived.map(\.tag)
                for language in list(node, what: "languages") {
                    guard let text = language.scalar, known.contains(LanguageTag(text)) else {
                        report(Message(.configLanguageUndeclared, ["language": language.scalar ?? ""]), language.range)
                        continue
                    }
                    only.append(LanguageTag(text))
                }
            }
            contributors.append(Contributor(name: name, role: role, languages: only))
        }
        return contributors
    }

    /// `cover:`: an image of the tree (`media/…`, JPEG, PNG or SVG), one for every language or one per language.
    private mutating func parseCover(_ node: YAMLNode) -> LocalizedText {
        func isImage(_ path: String) -> Bool {
            let inTree = path.hasPrefix("media/") && !path.split(separator: "/").contains("..")
            return inTree && [".jpg", ".jpeg", ".png", ".svg"].contains(where: path.lowercased().hasSuffix)
        }
        if let path = node.scalar {
            guard isImage(path) else {
                report(Message(.configCoverInvalid, ["path": path]), node.range)
                return LocalizedText()
            }
            // One image for every language, the derived ones too (a code is never derived from another's).
            return LocalizedText(Dictionary((languages + derived.map(\.tag)).map { ($0, path) }, uniquingKeysWith: { first, _ in first }))
        }
        guard let mapping = MappingReader(node, path: path, rule: .config, what: .yamlKey("cover"), into: &diagnostics) else {
            return LocalizedText()
        }
        var covers: [LanguageTag: String] = [:]
        let known = languages + derived.map(\.tag)
        for (language, keyNode, value) in mapping.pairs {
            guard known.contains(LanguageTag(language)) else {
                report(Message(.configLanguageUndeclared, ["language": language]), keyNode.range)
                continue
            }
            guard let path = value.scalar, isImage(path) else {
                report(Message(.configCoverInvalid, ["path": value.scalar ?? ""]), value.range)
                continue
            }
            covers[LanguageTag(language)] = path
        }
        return LocalizedText(covers)
    }

    private mutating func parsePrint(_ node: YAMLNode) -> PrintGeometry {
        var geometry = PrintGeometry()
        guard let mapping = MappingReader(node, path: path, rule: .config, what: .yamlKey("print"), into: &diagnostics) else { return geometry }
        diagnostics += mapping.unknownKeys(["trim", "bleed", "marks"], what: .yamlKey("print"))
        if let trim = mapping["trim"] {
            if let text = trim.scalar, text.wholeMatch(of: /\d+(\.\d+)?x\d+(\.\d+)?mm/) != nil { geometry.trim = text }
            else { report(Message(.configTrimInvalid), trim.range) }
        }
        if let bleed = mapping["bleed"] {
            if let text = bleed.scalar, text.wholeMatch(of: /\d+(\.\d+)?mm/) != nil { geometry.bleed = text }
            else { report(Message(.configBleedInvalid), bleed.range) }
        }
        if let marks = mapping["marks"] {
            if let text = marks.scalar, ["crop", "cross", "none"].contains(text) { geometry.marks = text == "none" ? nil : text }
            else { report(Message(.configMarksInvalid), marks.range) }
        }
        return geometry
    }

    // MARK: Shapes

    private mutating func list(_ node: YAMLNode, what: String) -> [YAMLNode] {
        switch node.kind {
        case .sequence(let items): return items
        case .scalar: return [node]
        case .mapping:
            report(Message(.configNotList, ["key": what]), node.range)
            return []
        }
    }

    /// What a list of names in `select` or `plaques` names: kinds and
    /// categories must be among the declared ones; entries are not known here.
    private enum NameList {
        case kinds(declared: [String])
        case categories(declared: [String])
        case entries

        var expected: Message {
            switch self {
            case .kinds: Message(.configExpectedKindName)
            case .categories: Message(.configExpectedCategoryName)
            case .entries: Message(.configExpectedEntryName)
            }
        }

        /// The finding for a name that is not among the declared ones; nil for a name that is, or an entry.
        func undeclared(_ name: String) -> Message? {
            switch self {
            case .kinds(let declared) where !declared.contains(name):
                return NearMiss.closest(to: name, in: declared).map { Message(.configKindUnknownDidYouMean, ["name": name, "near": $0]) }
                    ?? Message(.configKindUnknown, ["name": name])
            case .categories(let declared) where !declared.contains(name):
                return NearMiss.closest(to: name, in: declared).map { Message(.configCategoryUnknownDidYouMean, ["name": name, "near": $0]) }
                    ?? Message(.configCategoryUnknown, ["name": name])
            default:
                return nil
            }
        }
    }

    /// The names of a list, each reported where written when it is not one `named` allows.
    private mutating func names(_ mapping: MappingReader, _ key: String, _ named: NameList) -> [String] {
        guard let node = mapping[key] else { return [] }
        return list(node, what: key).compactMap { item in
            guard let name = item.scalar else { report(named.expected, item.range); return nil }
            if let message = named.undeclared(name) {
                report(message, item.range)
                return nil
            }
            return name
        }
    }

    /// `{kk: …, ru: …, en: …}`: one text per declared language; `what` is its key.
    private mutating func localized(_ node: YAMLNode, what: String) -> LocalizedText {
        if let text = node.scalar {
            // One text for every language (a name that is not translated).
            return LocalizedText(Dictionary(languages.map { ($0, text) }, uniquingKeysWith: { first, _ in first }))
        }
        return LocalizedText(Dictionary(perLanguage(node, what: what).map { ($0.language, $0.text) }, uniquingKeysWith: { $1 }))
    }

    /// The texts of a mapping of languages (`{kk: …, ru: …}`), each with its
    /// node; a language asyl.yaml does not declare, or a value that is not
    /// text, is reported and left out.
    private mutating func perLanguage(_ node: YAMLNode, what: String) -> [(language: LanguageTag, text: String, node: YAMLNode)] {
        guard let mapping = MappingReader(node, path: path, rule: .config, what: .yamlKey(what), into: &diagnostics) else { return [] }
        let known = languages + derived.map(\.tag)
        var texts: [(language: LanguageTag, text: String, node: YAMLNode)] = []
        for (language, keyNode, value) in mapping.pairs {
            guard known.contains(LanguageTag(language)) else {
                report(Message(.configLanguageUndeclared, ["language": language]), keyNode.range)
                continue
            }
            guard let text = value.scalar else { report(Message(.configExpectedText), value.range); continue }
            texts.append((LanguageTag(language), text, value))
        }
        return texts
    }

    /// A mapping of ids to localized labels (categories, archives, enum values).
    private mutating func labelled(_ node: YAMLNode, what: String) -> [(String, LocalizedText)] {
        guard let mapping = MappingReader(node, path: path, rule: .config, what: .yamlKey(what), into: &diagnostics) else { return [] }
        return mapping.pairs.compactMap { name, keyNode, value in
            guard EntryID.isValid(name) else {
                report(Message(.configLabelIDInvalid, ["key": what, "name": name]), keyNode.range)
                return nil
            }
            return (name, localized(value, what: name))
        }
    }

    private mutating func report(_ message: Message, _ range: SourceRange, fix: Diagnostic.Fix? = nil) {
        diagnostics.append(Diagnostic(.config, message, at: SourceLocation(path: path, range: range), fix: fix))
    }
}

private extension Message {
    /// A mapping of asyl.yaml named by its key, as "`web`".
    static func yamlKey(_ name: String) -> Message { Message(.whatKey, ["key": name]) }
}
