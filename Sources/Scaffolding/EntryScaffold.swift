import DocumentModel
import Foundation

/// The version files of a new entry (`asyl new`), made from its kind's
/// fields in asyl.yaml: the kind and a headword, `draft: true` so that no
/// book prints it half-written, the required fields with a value that
/// checks, every other field commented out with its type, and a body to
/// write over. Language-neutral values go in the first language's file
/// only, as FORMAT.md §2.1 reads them from there.
public struct EntryScaffold: Sendable {
    /// What the tree already holds that a value may name.
    public struct Examples: Sendable {
        /// Entry ids by kind, sorted.
        public var entries: [String: [EntryID]]
        /// Citation keys of sources.yaml, sorted.
        public var sourceKeys: [String]

        public init(entries: [String: [EntryID]] = [:], sourceKeys: [String] = []) {
            self.entries = entries
            self.sourceKeys = sourceKeys
        }
    }

    public struct File: Sendable, Equatable {
        public var language: LanguageTag
        public var text: String
    }

    public var configuration: ProjectConfiguration
    public var kind: KindSchema
    public var id: EntryID
    /// In `languages` order; the first gets the language-neutral values.
    public var languages: [LanguageTag]
    public var examples: Examples

    public init(
        configuration: ProjectConfiguration, kind: KindSchema, id: EntryID, languages: [LanguageTag], examples: Examples
    ) {
        self.configuration = configuration
        self.kind = kind
        self.id = id
        self.languages = languages
        self.examples = examples
    }

    /// Required fields no value can be given for yet: a link to a kind the
    /// tree has no entry of, a source when sources.yaml is empty. The check
    /// reports them until the editor writes them.
    public var unfilled: [String] {
        kind.fields.filter { $0.isRequired && value(for: $0.type) == nil }.map(\.name)
    }

    public var files: [File] {
        languages.enumerated().map { index, language in
            File(language: language, text: text(in: language, isReference: index == 0))
        }
    }

    /// A headword to write over, from the id: `berel-2` → `Berel 2`.
    var headword: String {
        id.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    private func text(in language: LanguageTag, isReference: Bool) -> String {
        let phrases = ScaffoldPhrases.forLanguage(language)
        var lines = ["---", "kind: \(kind.name)", "# \(phrases.headword)", "title: \(Self.quoted(headword))",
                     "# \(phrases.draft)", "draft: true"]
        let fields = kind.fields.filter { isReference || !$0.type.isLanguageNeutral }
        for field in fields.filter(\.isRequired) + fields.filter({ !$0.isRequired }) {
            lines += self.lines(for: field, in: language, phrases: phrases)
        }
        lines += ["# \(phrases.summary) \(phrases.optional)", "# summary: …",
                  "# \(phrases.aliases) \(phrases.optional)", "# aliases: [ … ]"]
        if isReference, !configuration.categories.isEmpty {
            let ids = configuration.categories.map(\.id)
            lines += ["# \(phrases.categories) \(ids.joined(separator: ", ")). \(phrases.optional)",
                      "# categories: [\(ids[0])]"]
        }
        lines += ["---", String(format: phrases.leadPattern, headword, phrases.lead), "", "## \(phrases.section)", "", "…", ""]
        return lines.joined(separator: "\n")
    }

    private func lines(for field: FieldSchema, in language: LanguageTag, phrases: ScaffoldPhrases) -> [String] {
        let label = field.label.text(in: language, fallbacks: configuration.languages) ?? field.name
        let value = value(for: field.type)
        var comment = "# \(label): \(description(of: field.type, in: language, phrases: phrases))."
        guard field.isRequired else {
            return [comment + " \(phrases.optional)", "# \(field.name): \(value ?? example(for: field.type))"]
        }
        comment += " \(phrases.required)"
        guard let value else { return [comment + " (\(phrases.noExample))", "# \(field.name): \(example(for: field.type))"] }
        return [comment, "\(field.name): \(value)"]
    }

    private func description(of type: FieldType, in language: LanguageTag, phrases: ScaffoldPhrases) -> String {
        switch type {
        case .text: phrases.text
        case .date: phrases.date
        case .number: phrases.number
        case .geo: phrases.geo
        case .link(let kinds): String(format: phrases.link, kindLabels(kinds, in: language))
        case .links(let kinds): String(format: phrases.links, kindLabels(kinds, in: language))
        case .enumeration(let values):
            "\(phrases.oneOf) " + values.map { value in
                value.label.text(in: language, fallbacks: configuration.languages).map { "\(value.id) (\($0))" } ?? value.id
            }.joined(separator: ", ")
        case .source: phrases.source
        }
    }

    private func kindLabels(_ names: [String], in language: LanguageTag) -> String {
        let names = names.isEmpty ? configuration.kinds.map(\.name) : names
        return names.map { name in
            configuration.kinds.first { $0.name == name }?.label.text(in: language, fallbacks: configuration.languages) ?? name
        }.joined(separator: ", ")
    }

    /// A value that checks: an example for what any value would do, an
    /// existing entry or source for what must name one; nil if none exists.
    private func value(for type: FieldType) -> String? {
        switch type {
        case .text, .date, .number, .geo, .enumeration: example(for: type)
        case .link(let kinds): firstEntry(of: kinds).map { "\"[[\($0.rawValue)]]\"" }
        case .links(let kinds): firstEntry(of: kinds).map { "[\"[[\($0.rawValue)]]\"]" }
        case .source: examples.sourceKeys.first.map(Self.quoted)
        }
    }

    private func example(for type: FieldType) -> String {
        switch type {
        case .text: "…"
        case .date: "\"1845-08-10\""
        case .number: "1"
        case .geo: "{lat: 49.3719, lon: 86.4297}"
        case .link: "\"[[id]]\""
        case .links: "[\"[[id]]\"]"
        case .enumeration(let values): values.first?.id ?? "…"
        case .source: examples.sourceKeys.first.map(Self.quoted) ?? "key"
        }
    }

    private func firstEntry(of kinds: [String]) -> EntryID? {
        let kinds = kinds.isEmpty ? configuration.kinds.map(\.name) : kinds
        return kinds.compactMap { examples.entries[$0]?.first }.min()
    }

    /// A headword as a YAML scalar that stays text (`Null`, `Yes 1` or `1941` unquoted would not).
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
