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
                var message = "kind '\(kind.name)' has no field '\(key)'"
                let candidates = kind.fields.map(\.name) + FrontMatterParser.reservedKeys
                if let near = NearMiss.closest(to: key, in: candidates) { message += "; did you mean '\(near)'?" }
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

    struct FactError: Error {
        var message: String
        var range: SourceRange
        var fix: Diagnostic.Fix? = nil
    }

    private static func typedValue(of node: YAMLNode, as field: FieldSchema) throws(FactError) -> FactValue {
        switch field.type {
        case .text:
            return .text(try scalar(node, field, expected: "text"))
        case .date:
            let text = try scalar(node, field, expected: "an EDTF date such as 1845-08-10, 1845~ or 1941/1945")
            do throws(EDTFError) {
                return .date(try EDTFValue.parse(text))
            } catch {
                let inside = node.position.column + (isQuoted(node) ? 1 : 0)
                // `28.09.1897`, `1897 ж.`: the whole value is wrong, and what was meant is plain.
                if let guess = EDTFGuess.guess(text) {
                    let range = SourceRange(line: node.position.line, column: inside, length: text.unicodeScalars.count)
                    throw FactError(
                        message: "malformed date '\(text)' in `\(field.name)`: \(guess.advice)", range: range,
                        fix: Diagnostic.Fix(replacing: range, with: guess.written))
                }
                let range = SourceRange(line: node.position.line, column: inside + error.offset)
                throw FactError(
                    message: "malformed date '\(text)' in `\(field.name)`: \(error.message)", range: range,
                    fix: error.suggestion.map {
                        Diagnostic.Fix(replacing: SourceRange(line: node.position.line, column: inside, length: text.unicodeScalars.count), with: $0)
                    })
            }
        case .number:
            let text = try scalar(node, field, expected: "a number")
            guard isDecimal(text), let number = Double(text) else {
                throw FactError(message: "`\(field.name)` is a number, not '\(text)'", range: node.range)
            }
            return .number(number, written: text)
        case .geo:
            return try geo(node, field)
        case .link:
            return .link(try link(node, field))
        case .links:
            guard case .sequence(let items) = node.kind else {
                if node.scalar != nil { return .links([try link(node, field)]) }
                throw FactError(message: "`\(field.name)` is a list of links, as in [\"[[a]]\", \"[[b]]\"]", range: node.range)
            }
            var links: [FactLink] = []
            for item in items { links.append(try link(item, field)) }
            return .links(links)
        case .enumeration(let values):
            let text = try scalar(node, field, expected: "one of \(values.map(\.id).joined(separator: ", "))")
            guard values.contains(where: { $0.id == text }) else {
                var message = "'\(text)' is not a value of `\(field.name)`"
                if let near = NearMiss.closest(to: text, in: values.map(\.id)) { message += "; did you mean '\(near)'?" }
                else { message += "; it takes \(values.map(\.id).joined(separator: ", "))" }
                throw FactError(message: message, range: node.range)
            }
            return .enumeration(text)
        case .source:
            switch node.kind {
            case .scalar(let key, _): return .sources([key])
            case .sequence(let items):
                var keys: [String] = []
                for item in items { keys.append(try scalar(item, field, expected: "a citation key")) }
                return .sources(keys)
            case .mapping:
                throw FactError(message: "`\(field.name)` is a citation key or a list of them", range: node.range)
            }
        }
    }

    private static func scalar(_ node: YAMLNode, _ field: FieldSchema, expected: String) throws(FactError) -> String {
        guard let text = node.scalar else {
            throw FactError(message: "`\(field.name)` is \(expected), not \(node.description)", range: node.range)
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
        let form = "`\(field.name)` is written {lat: 49.37, lon: 86.43} in decimal degrees"
        guard case .mapping(let pairs) = node.kind else { throw FactError(message: form, range: node.range) }
        var latitude: Double?
        var longitude: Double?
        for (key, value) in pairs {
            guard let name = key.scalar, name == "lat" || name == "lon" else {
                throw FactError(message: form + "; '\(key.scalar ?? "?")' is not lat or lon", range: key.range)
            }
            guard let text = value.scalar, isDecimal(text), let number = Double(text) else {
                throw FactError(message: "`\(name)` is a number of decimal degrees", range: value.range)
            }
            let limit = name == "lat" ? 90.0 : 180.0
            guard abs(number) <= limit else {
                throw FactError(message: "\(name) \(text) is out of range (±\(Int(limit))°)", range: value.range)
            }
            if name == "lat" { latitude = number } else { longitude = number }
        }
        guard let latitude, let longitude else { throw FactError(message: form, range: node.range) }
        return .geo(latitude: latitude, longitude: longitude)
    }

    private static func link(_ node: YAMLNode, _ field: FieldSchema) throws(FactError) -> FactLink {
        if case .sequence(let outer) = node.kind, outer.count == 1, case .sequence(let inner) = outer[0].kind,
           inner.count == 1, let id = inner[0].scalar {
            throw FactError(message: "quote the link, or YAML reads it as a list: \"[[\(id)]]\"", range: node.range)
        }
        guard let text = node.scalar else {
            throw FactError(message: "`\(field.name)` is a link written \"[[id]]\", not \(node.description)", range: node.range)
        }
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasPrefix("[["), trimmed.hasSuffix("]]"), trimmed.count > 4 else {
            throw FactError(message: "`\(field.name)` is a link written \"[[id]]\", not '\(text)'", range: node.range)
        }
        let id = String(trimmed.dropFirst(2).dropLast(2))
        if id.contains("|") || id.contains("#") {
            throw FactError(message: "a fact links to a whole entry: no |text or #section in \"[[\(id)]]\"", range: node.range)
        }
        guard EntryID.isValid(id) else {
            throw FactError(message: "'\(id)' is not an entry id (lowercase letters, digits and '-')", range: node.range)
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
