import Diagnostics
import DocumentModel
import EDTF
import Loading

/// Reads `sources.yaml` (FORMAT.md §3): a mapping of citation keys to sources.
public struct BibliographyParser {
    static let fieldNames = [
        "type", "author", "editor", "title", "container", "volume", "issue", "pages", "place", "publisher",
        "year", "date", "isbn", "doi", "url", "accessed", "note", "archive", "fond", "inventory", "file", "sheets",
    ]
    private static let archiveOnly: Set<String> = ["archive", "fond", "inventory", "file", "sheets"]

    private let path: String
    private let configuration: ProjectConfiguration
    private var diagnostics: [Diagnostic] = []

    public static func parse(_ file: SourceFile, configuration: ProjectConfiguration) -> (Bibliography, [Diagnostic]) {
        var parser = BibliographyParser(path: file.path, configuration: configuration)
        guard let sources = parser.parse(file.text) else { return (Bibliography(isReadable: false), parser.diagnostics) }
        return (Bibliography(sources), parser.diagnostics)
    }

    private init(path: String, configuration: ProjectConfiguration) {
        self.path = path
        self.configuration = configuration
    }

    /// The sources; nil when the file cannot be read as a mapping of keys to sources.
    private mutating func parse(_ text: String) -> [Source]? {
        let root: YAMLNode
        switch YAMLReader.read(text, path: path, rule: .config, findings: &diagnostics) {
        case .failure(let diagnostic): diagnostics.append(diagnostic); return nil
        case .success(nil): return []
        case .success(let node?): root = node
        }
        guard let entries = MappingReader(root, path: path, rule: .config, what: Message(.whatSourcesYAML), into: &diagnostics)
        else { return nil }
        return entries.pairs.compactMap { key, keyNode, value in source(key, keyNode, value) }
    }

    /// Letters and digits of ASCII, then also `_ : . -` (checked by hand: a
    /// regex literal is compiled anew on every call, and a large sources.yaml has thousands of keys).
    static func isCitationKey(_ key: String) -> Bool {
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard let first = key.utf8.first, isLetterOrDigit(first) else { return false }
        return key.utf8.dropFirst().allSatisfy { isLetterOrDigit($0) || "_:.-".utf8.contains($0) }
    }

        private mutating func source(_ key: String, _ keyNode: YAMLNode, _ node: YAMLNode) -> Source? {
        guard Self.isCitationKey(key) else {
            report(Message(.sourcesKeyInvalid, ["key": key]), keyNode.range)
            return nil
        }
        let what = Message(.whatSource, ["key": key])
        guard let fields = MappingReader(node, path: path, rule: .config, what: what, into: &diagnostics) else { return nil }
        diagnostics += fields.unknownKeys(Self.fieldNames, what: what)
        // A source with a wrong type is still a source: its citations are not reported as unknown too.
        let type: Source.SourceType
        let typeNames = Source.SourceType.allCases.map(\.rawValue)
        let types = typeNames.joined(separator: ", ")
        if let typeNode = fields["type"], let typeText = typeNode.scalar, !typeText.isEmpty {
            if let known = Source.SourceType(rawValue: typeText) {
                type = known
            } else {
                let near = NearMiss.closest(to: typeText, in: typeNames)
                let message = near.map { Message(.sourcesTypeUnknownDidYouMean, ["type": typeText, "key": key, "near": $0, "types": types]) }
                    ?? Message(.sourcesTypeUnknown, ["type": typeText, "key": key, "types": types])
                report(message, typeNode.range, fix: near.map { Diagnostic.Fix(replacing: typeNode.range, with: $0) })
                type = near.flatMap(Source.SourceType.init(rawValue:)) ?? .book
            }
        } else {
            report(Message(.sourcesTypeMissing, ["key": key, "types": types]), fields["type"]?.range ?? keyNode.range)
            type = .book
        }
        var source = Source(key: key, type: type, location: SourceLocation(path: path, range: keyNode.range))
        for (name, nameNode, value) in fields.pairs where name != "type" {
            if Self.archiveOnly.contains(name), type != .archive {
                report(Message(.sourcesFieldArchivalOnly, ["name": name]), nameNode.range)
            }
            switch name {
            case "author": source.authors = names(value)
            case "editor": source.editors = names(value)
            case "year":
                if let text = value.scalar, let year = Int(text) { source.year = year }
                else { report(Message(.sourcesYearNotNumber), value.range) }
            case "date", "accessed":
                guard let text = value.scalar else { report(Message(.sourcesDateNotText, ["name": name]), value.range); continue }
                do {
                    let date = try EDTFValue.parse(text)
                    if name == "date" { source.date = date } else { source.accessed = date }
                } catch {
                    report(Message(.sourcesDateMalformed, ["date": text, "reason": error.message]), value.range)
                }
            case "archive":
                guard let id = value.scalar, configuration.archive(id) != nil else {
                    let written = value.scalar ?? ""
                    if let near = NearMiss.closest(to: written, in: configuration.archives.map(\.id)) {
                        report(Message(.sourcesArchiveUndeclaredDidYouMean, ["archive": written, "near": near]), value.range)
                    } else {
                        report(Message(.sourcesArchiveUndeclared, ["archive": written]), value.range)
                    }
                    continue
                }
                source.archive = id
            case "url":
                guard let text = value.scalar else {
                    report(Message(.sourcesFieldNotSingle, ["name": name, "shape": value.description]), value.range)
                    continue
                }
                guard WebAddress.isFollowable(text) else {
                    report(Message(.sourcesURLNotFollowable, ["url": text]), value.range)
                    continue
                }
                source.url = text
            default:
                guard let text = value.scalar else {
                    report(Message(.sourcesFieldNotSingle, ["name": name, "shape": value.description]), value.range)
                    continue
                }
                set(name, text, on: &source)
            }
        }
        if type == .archive {
            if source.archive == nil, fields["archive"] == nil {
                report(Message(.sourcesArchiveMissing, ["key": key]), keyNode.range)
            }
            if source.fond == nil { report(Message(.sourcesFondMissing, ["key": key]), keyNode.range) }
        } else if source.title == nil {
            report(Message(.sourcesTitleMissing, ["key": key]), keyNode.range)
        }
        return source
    }

    private func set(_ name: String, _ text: String, on source: inout Source) {
        switch name {
        case "title": source.title = text
        case "container": source.container = text
        case "volume": source.volume = text
        case "issue": source.issue = text
        case "pages": source.pages = text
        case "place": source.place = text
        case "publisher": source.publisher = text
        case "isbn": source.isbn = text
        case "doi": source.doi = text
        case "note": source.note = text
        case "fond": source.fond = text
        case "inventory": source.inventory = text
        case "file": source.file = text
        case "sheets": source.sheets = text
        default: break
        }
    }

    private mutating func names(_ node: YAMLNode) -> [PersonName] {
        let items: [YAMLNode]
        switch node.kind {
        case .sequence(let list): items = list
        case .scalar: items = [node]
        case .mapping: report(Message(.sourcesNamesNotList), node.range); return []
        }
        return items.compactMap { item in
            guard let text = item.scalar, !text.isEmpty else { report(Message(.sourcesNameNotText), item.range); return nil }
            return PersonName(parsing: text)
        }
    }

    private mutating func report(_ message: Message, _ range: SourceRange, fix: Diagnostic.Fix? = nil) {
        diagnostics.append(Diagnostic(.config, message, at: SourceLocation(path: path, range: range), fix: fix))
    }
}
