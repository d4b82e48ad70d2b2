import Foundation

/// The texts of every message in one language, read from that language's
/// file in `Catalogues/` (`en.messages`, `kk.messages`, `ru.messages`):
///
///     # a comment
///     formatUnsupported = this version of Asyl reads format 1; the file says format {format}
///
/// One message per line, its key, `=`, and its text in the syntax of
/// `MessageTemplate`. English is the catalogue every other one translates;
/// a key another catalogue lacks is said in English.
public struct MessageCatalogue: Sendable {
    public let language: InterfaceLanguage
    public private(set) var templates: [String: MessageTemplate] = [:]
    /// English's templates, said by English's plural rules, for a key this catalogue lacks.
    private let fallback: [String: MessageTemplate]
    private let fallbackLanguage: InterfaceLanguage

    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Reads a catalogue's text, collecting what cannot be read (a test
    /// requires none) and keeping every message that can.
    public init(language: InterfaceLanguage, text: String, fallback: MessageCatalogue? = nil) {
        self.language = language
        self.fallback = fallback?.templates ?? [:]
        fallbackLanguage = fallback?.language ?? language
        var errors: [SyntaxError] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            // A catalogue saved with CRLF line ends reads as one saved with LF ("\r\n" is one Character, a newline).
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                errors.append(SyntaxError(line: index + 1, reason: "a message is written `key = text`"))
                continue
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let body = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if templates[key] != nil { errors.append(SyntaxError(line: index + 1, reason: "'\(key)' is given twice")) }
            do {
                templates[key] = try MessageTemplate(parsing: body)
            } catch {
                errors.append(SyntaxError(line: index + 1, reason: "'\(key)': \(error)"))
            }
        }
        self.errors = errors
    }

    /// What could not be read, by line.
    public let errors: [SyntaxError]

    public func text(of message: Message) -> String {
        if let template = templates[message.key.rawValue] {
            return render(template.parts, message.arguments, count: nil, language: language)
        }
        if let template = fallback[message.key.rawValue] {
            return render(template.parts, message.arguments, count: nil, language: fallbackLanguage)
        }
        // Only a broken installation (no catalogue beside the executable) gets here: say what is known.
        let values = message.arguments.sorted { $0.key < $1.key }.map { "\($0.key): \(render($0.value))" }
        return message.key.rawValue + (values.isEmpty ? "" : " (" + values.joined(separator: ", ") + ")")
    }

    private func render(
        _ parts: [MessageTemplate.Part], _ arguments: [String: MessageArgument], count: Int?, language: InterfaceLanguage
    ) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text):
                out += text
            case .count:
                out += count.map(String.init) ?? "#"
            case .value(let name):
                out += arguments[name].map(render) ?? "{\(name)}"
            case .kazakhCase(let name, let grammaticalCase, let endingOnly):
                guard let value = arguments[name].map(render) else { out += "{\(name)}"; continue }
                out += endingOnly
                    ? KazakhCaseEndings.ending(after: value, grammaticalCase) : KazakhCaseEndings.inflect(value, grammaticalCase)
            case .plural(let name, let forms):
                guard case .number(let n)? = arguments[name] else { out += "{\(name)}"; continue }
                let form = forms[PluralCategory.of(n, in: language)] ?? forms[.other] ?? []
                out += render(form, arguments, count: n, language: language)
            }
        }
        return out
    }

    private func render(_ argument: MessageArgument) -> String {
        switch argument {
        case .text(let text): text
        case .number(let n): String(n)
        case .message(let message): text(of: message)
        }
    }
}

extension MessageCatalogue {
    /// The catalogue Asyl ships for `language`, read once.
    public static func shipped(_ language: InterfaceLanguage) -> MessageCatalogue {
        switch language {
        case .english: ShippedCatalogues.english
        case .kazakh: ShippedCatalogues.kazakh
        case .russian: ShippedCatalogues.russian
        }
    }

    /// Where the shipped catalogues are; nil when they are not beside the
    /// executable (an installation that copied `asyl` alone), which the
    /// command line refuses to run with rather than speak in bare keys.
    public static var shippedFolder: URL? { ShippedCatalogues.folder }

    /// The text of a shipped catalogue file, for tests that read it as a translator wrote it.
    public static func shippedText(_ language: InterfaceLanguage) -> String? {
        ShippedCatalogues.folder.flatMap { try? String(contentsOf: $0.appendingPathComponent("\(language.rawValue).messages"), encoding: .utf8) }
    }
}

private enum ShippedCatalogues {
    static let english = MessageCatalogue(language: .english, text: MessageCatalogue.shippedText(.english) ?? "")
    static let kazakh = MessageCatalogue(language: .kazakh, text: MessageCatalogue.shippedText(.kazakh) ?? "", fallback: english)
    static let russian = MessageCatalogue(language: .russian, text: MessageCatalogue.shippedText(.russian) ?? "", fallback: english)

    /// SwiftPM's resource folder beside the executable (or the test runner).
    /// Found by hand rather than by `Bundle.module`, which stops the program when it is missing.
    static let folder: URL? = {
        let name = "Asyl_Messages.resources"
        var places = [Bundle.main.bundleURL]
        if let executable = CommandLine.arguments.first {
            places.append(URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for place in places {
            let folder = place.appendingPathComponent(name).appendingPathComponent("Catalogues")
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("en.messages").path) { return folder }
        }
        return nil
    }()
}
