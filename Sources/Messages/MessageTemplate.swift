/// One message of a catalogue, parsed. The syntax is a small part of ICU
/// MessageFormat, which translation tools know, and one addition for Kazakh:
///
///     plain text, with \{ \} \\ for the characters themselves
///     {name}                                   the value
///     {count, plural, one {# file} other {# files}}   a form by the language's plural rules; # is the number
///     {name, case, dative}                     the value with its Kazakh case ending: berel-ге, Абайға, 1845-ке
///     {name, ending, dative}                   the ending alone, after a closing quote: «berel»-ге
public struct MessageTemplate: Hashable, Sendable {
    public indirect enum Part: Hashable, Sendable {
        case literal(String)
        case value(String)
        /// `#` inside a plural form.
        case count
        case plural(String, [PluralCategory: [Part]])
        case kazakhCase(String, KazakhCase, endingOnly: Bool)
    }

    public var parts: [Part]

    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        public var column: Int
        public var reason: String
        public var description: String { "column \(column): \(reason)" }
    }

    public init(parsing text: String) throws(SyntaxError) {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        parts = try parser.parts(insidePlural: false)
        if parser.index < parser.scalars.count { throw parser.error("a '}' that closes nothing (write \\} for the character)") }
    }

    /// The names of the values this message uses, whatever it does with them.
    public var placeholders: Set<String> { Self.placeholders(of: parts) }

    private static func placeholders(of parts: [Part]) -> Set<String> {
        parts.reduce(into: Set<String>()) { names, part in
            switch part {
            case .literal, .count: break
            case .value(let name), .kazakhCase(let name, _, _): names.insert(name)
            case .plural(let name, let forms):
                names.insert(name)
                for form in forms.values { names.formUnion(placeholders(of: form)) }
            }
        }
    }

    /// The plural forms each `plural` gives, by value name.
    public var pluralForms: [String: Set<PluralCategory>] {
        var forms: [String: Set<PluralCategory>] = [:]
        func visit(_ parts: [Part]) {
            for case .plural(let name, let cases) in parts {
                forms[name, default: []].formUnion(cases.keys)
                cases.values.forEach(visit)
            }
        }
        visit(parts)
        return forms
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        func error(_ reason: String) -> SyntaxError { SyntaxError(column: index + 1, reason: reason) }

        mutating func parts(insidePlural: Bool) throws(SyntaxError) -> [Part] {
            var parts: [Part] = []
            var literal = String.UnicodeScalarView()
            func flush() {
                if !literal.isEmpty { parts.append(.literal(String(literal))); literal = String.UnicodeScalarView() }
            }
            while index < scalars.count {
                let scalar = scalars[index]
                switch scalar {
                case "\\":
                    guard index + 1 < scalars.count, "{}\\#".unicodeScalars.contains(scalars[index + 1]) else {
                        throw error("'\\' escapes only { } \\ and #")
                    }
                    literal.append(scalars[index + 1])
                    index += 2
                case "{":
                    flush()
                    index += 1
                    parts.append(try placeholder())
                case "}":
                    flush()
                    return parts
                case "#" where insidePlural:
                    flush()
                    parts.append(.count)
                    index += 1
                default:
                    literal.append(scalar)
                    index += 1
                }
            }
            flush()
            return parts
        }

        mutating func word() -> String {
            skipSpaces()
            var word = String.UnicodeScalarView()
            while index < scalars.count, scalars[index].properties.isAlphabetic || "0123456789-_".unicodeScalars.contains(scalars[index]) {
                word.append(scalars[index])
                index += 1
            }
            skipSpaces()
            return String(word)
        }

        mutating func skipSpaces() {
            while index < scalars.count, scalars[index] == " " { index += 1 }
        }

        mutating func expect(_ scalar: Unicode.Scalar, _ reason: String) throws(SyntaxError) {
            guard index < scalars.count, scalars[index] == scalar else { throw error(reason) }
            index += 1
        }

        mutating func placeholder() throws(SyntaxError) -> Part {
            let name = word()
            guard !name.isEmpty else { throw error("a '{' must be followed by a value's name (write \\{ for the character)") }
            if index < scalars.count, scalars[index] == "}" {
                index += 1
                return .value(name)
            }
            try expect(",", "after '{\(name)' comes '}' or ', plural', ', case' or ', ending'")
            let type = word()
            switch type {
            case "plural":
                try expect(",", "'plural' is followed by ',' and its forms: one {…} other {…}")
                var forms: [PluralCategory: [Part]] = [:]
                while true {
                    skipSpaces()
                    if index < scalars.count, scalars[index] == "}" { index += 1; break }
                    let categoryName = word()
                    guard let category = PluralCategory(rawValue: categoryName) else {
                        throw error("'\(categoryName)' is not a plural form; the forms are zero, one, two, few, many, other")
                    }
                    try expect("{", "a plural form's text is in braces: \(categoryName) {…}")
                    forms[category] = try parts(insidePlural: true)
                    try expect("}", "the text of the form '\(categoryName)' is not closed with '}'")
                }
                guard forms[.other] != nil else { throw error("a plural needs the form 'other'") }
                return .plural(name, forms)
            case "case", "ending":
                try expect(",", "'\(type)' is followed by ',' and a Kazakh case: genitive, dative, accusative, locative, ablative or instrumental")
                let caseName = word()
                guard let grammaticalCase = KazakhCase(rawValue: caseName) else {
                    throw error("'\(caseName)' is not a case; the cases are \(KazakhCase.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                try expect("}", "'{\(name), \(type), \(caseName)' is not closed with '}'")
                return .kazakhCase(name, grammaticalCase, endingOnly: type == "ending")
            default:
                throw error("'\(type)' is not a kind of placeholder; write plural, case or ending")
            }
        }
    }
}

/// The plural categories of CLDR, of which each language uses some.
public enum PluralCategory: String, CaseIterable, Hashable, Sendable {
    case zero, one, two, few, many, other

    /// The category of `n` in `language`, by the CLDR rules for integers.
    public static func of(_ n: Int, in language: InterfaceLanguage) -> PluralCategory {
        switch language {
        case .english, .kazakh:
            return n == 1 ? .one : .other
        case .russian:
            let (units, hundreds) = (abs(n) % 10, abs(n) % 100)
            if units == 1 && hundreds != 11 { return .one }
            if (2...4).contains(units) && !(12...14).contains(hundreds) { return .few }
            return .many
        }
    }

    /// The forms a message in `language` must give to say every count.
    public static func required(in language: InterfaceLanguage) -> Set<PluralCategory> {
        switch language {
        case .english, .kazakh: [.one, .other]
        case .russian: [.one, .few, .many, .other]
        }
    }
}
