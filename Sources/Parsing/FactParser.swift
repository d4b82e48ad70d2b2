import Diagnostics
import DocumentModel
import EDTF

/// Types a version's facts against its kind's fields (FORMAT.md §2.1), from
/// each scalar's source text: `1845-08-10` is a date and `-0400` a year
/// because the field says so, not because YAML guesses.
enum FactParser {
    static func parse(
        _ raw: [(key: String, keyNode: YAMLNode, value: YAMLNode)], kind: KindSchema,
        path: String, into diagnostics: inout [Diagnostic]
    ) -> [Fact] {
        var facts: [Fact] = []
        for (key, keyNode, node) in raw {
            guard let field = kind.field(key) else {
                let candidates = kind.fields.map(\.name) + FrontMatterParser.reservedKeys
                let message = NearMiss.closest(to: key, in: candidates).map {
                    Message(.factUnknownFieldDidYouMean, ["kind": kind.name, "field": key, "near": $0])
                } ?? Message(.factUnknownField, ["kind": kind.name, "field": key])
                diagnostics.append(Diagnostic(.frontMatter, message, at: SourceLocation(path: path, range: keyNode.range)))
                continue
            }
            do throws(FactError) {
                let typed = try typedValue(of: node, as: field)
                facts.append(Fact(field: key, value: typed, range: keyNode.range))
            } catch {
                diagnostics.append(Diagnostic(.frontMatter, error.message, at: SourceLocation(path: path, range: error.range), fix: error.fix))
            }
        }
        return facts
    }

    /// A value written as plain text outside YAML (a spreadsheet's cell), typed as `field` says.
    static func typed(_ text: String, at position: SourcePosition, as field: FieldSchema) throws(FactError) -> FactValue {
        try typedValue(of: YAMLNode(kind: .scalar(text, quoted: false), position: position), as: field)
    }

    struct FactError: Error {
        var message: Message
        var range: SourceRange
        var fix: Diagnostic.Fix? = nil
    }

    private static func typedValue(of node: YAMLNode, as field: FieldSchema) throws(FactError) -> FactValue {
        switch field.type {
        case .text:
            return .text(try scalar(node, field, expected: Message(.factExpectedText)))
        case .date:
            let text = try scalar(node, field, expected: Message(.factExpectedDate))
            do throws(EDTFError) {
                return .date(try EDTFValue.parse(text))
            } catch {
                let inside = node.position.column + (isQuoted(node) ? 1 : 0)
                // `28.09.1897`, `1897 ж.`: the whole value is wrong, and what was meant is plain.
                if let guess = EDTFGuess.guess(text) {
                    let range = SourceRange(line: node.position.line, column: inside, length: text.unicodeScalars.count)
                    throw FactError(
                        message: Message(.factDateMalformed, ["text": text, "field": field.name, "reason": guess.advice]), range: range,
                        fix: Diagnostic.Fix(replacing: range, with: guess.written))
                }
                let range = SourceRange(line: node.position.line, column: inside + error.offset)
                throw FactError(
                    message: Message(.factDateMalformed, ["text": text, "field": field.name, "reason": error.message]), range: range,
                    fix: error.suggestion.map {
                        Diagnostic.Fix(replacing: SourceRange(line: node.position.line, column: inside, length: text.unicodeScalars.count), with: $0)
                    })
            }
        case .number:
            let text = try scalar(node, field, expected: Message(.factExpectedNumber))
            guard isDecimal(text), let number = Double(text) else {
                throw FactError(message: Message(.factNotNumber, ["field": field.name, "text": text]), range: node.range)
            }
            return .number(number, written: text)
        case .geo:
            return try geo(node, field)
        case .link:
            return .link(try link(node, field))
        case .links:
            guard case .sequence(let items) = node.kind else {
                if node.scalar != nil { return .links([try link(node, field)]) }
                throw FactError(message: Message(.factLinksForm, ["field": field.name]), range: node.range)
            }
            var links: [FactLink] = []
            for item in items { links.append(try link(item, field)) }
            return .links(links)
        case .enumeration(let values):
            let ids = values.map(\.id).joined(separator: ", ")
            let text = try scalar(node, field, expected: Message(.factExpectedEnumeration, ["values": ids]))
            guard values.contains(where: { $0.id == text }) else {
                let message = NearMiss.closest(to: text, in: values.map(\.id)).map {
                    Message(.factEnumerationValueDidYouMean, ["text": text, "field": field.name, "near": $0])
                } ?? Message(.factEnumerationValueUnknown, ["text": text, "field": field.name, "values": ids])
                throw FactError(message: message, range: node.range)
            }
            return .enumeration(text)
        case .source:
            switch node.kind {
            case .scalar(let key, _): return .sources([key])
            case .sequence(let items):
                var keys: [String] = []
                for item in items { keys.append(try scalar(item, field, expected: Message(.factExpectedCitationKey))) }
                return .sources(keys)
            case .mapping:
                throw FactError(message: Message(.factSourcesForm, ["field": field.name]), range: node.range)
            }
        }
    }

    /// `expected` says what the field takes ("a number"), for a value that is a list or a mapping.
    private static func scalar(_ node: YAMLNode, _ field: FieldSchema, expected: Message) throws(FactError) -> String {
        guard let text = node.scalar else {
            throw FactError(
                message: Message(.factNotScalar, ["field": field.name, "expected": expected, "node": node.description]), range: node.range)
        }
        return text
    }

    /// `-12`, `3.25`: what editors write; not YAML's `0x1F`, `1e3` or `.inf`.
    static func isDecimal(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
    }

    private static func isQuoted(_ node: YAMLNode) -> Bool {
        if case .scalar(_, let quoted) = node.kind { quoted } else { false }
    }

    private static func geo(_ node: YAMLNode, _ field: FieldSchema) throws(FactError) -> FactValue {
        let form = Message(.factGeoForm, ["field": field.name])
        guard case .mapping(let pairs) = node.kind else { throw FactError(message: form, range: node.range) }
        var latitude: Double?
        var longitude: Double?
        for (key, value) in pairs {
            guard let name = key.scalar, name == "lat" || name == "lon" else {
                throw FactError(message: Message(.factGeoUnknownKey, ["field": field.name, "key": key.scalar ?? "?"]), range: key.range)
            }
            guard let text = value.scalar, isDecimal(text), let number = Double(text) else {
                throw FactError(message: Message(.factGeoNotNumber, ["coordinate": name]), range: value.range)
            }
            let limit = name == "lat" ? 90.0 : 180.0
            guard abs(number) <= limit else {
                throw FactError(
                    message: Message(.factGeoOutOfRange, ["coordinate": name, "value": text, "limit": Int(limit)]), range: value.range)
            }
            if name == "lat" { latitude = number } else { longitude = number }
        }
        guard let latitude, let longitude else { throw FactError(message: form, range: node.range) }
        return .geo(latitude: latitude, longitude: longitude)
    }

    private static func link(_ node: YAMLNode, _ field: FieldSchema) throws(FactError) -> FactLink {
        if case .sequence(let outer) = node.kind, outer.count == 1, case .sequence(let inner) = outer[0].kind,
           inner.count == 1, let id = inner[0].scalar {
            throw FactError(message: Message(.factLinkUnquoted, ["id": id]), range: node.range)
        }
        guard let text = node.scalar else {
            throw FactError(message: Message(.factLinkNotScalar, ["field": field.name, "node": node.description]), range: node.range)
        }
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasPrefix("[["), trimmed.hasSuffix("]]"), trimmed.count > 4 else {
            throw FactError(message: Message(.factLinkMalformed, ["field": field.name, "text": text]), range: node.range)
        }
        let id = String(trimmed.dropFirst(2).dropLast(2))
        if id.contains("|") || id.contains("#") {
            throw FactError(message: Message(.factLinkToSection, ["id": id]), range: node.range)
        }
        guard EntryID.isValid(id) else {
            throw FactError(message: Message(.factLinkInvalidID, ["id": id]), range: node.range)
        }
        let column = node.position.column + (isQuoted(node) ? 1 : 0)
        return FactLink(target: EntryID(id), range: SourceRange(line: node.position.line, column: column, length: trimmed.count))
    }
}

extension String {
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
