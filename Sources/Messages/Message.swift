/// A text for the user, as a key into the message catalogues and the values
/// it names, so that it can be put in any interface language: the text report
/// in the editor's language, JSON and SARIF in English (FORMAT.md §7).
public struct Message: Hashable, Sendable, Codable, CustomStringConvertible {
    public var key: MessageKey
    public var arguments: [String: MessageArgument]

    public init(_ key: MessageKey, _ arguments: KeyValuePairs<String, any MessageArgumentConvertible> = [:]) {
        self.key = key
        self.arguments = Dictionary(arguments.map { ($0.key, $0.value.messageArgument) }, uniquingKeysWith: { _, last in last })
    }

    /// The text in `language`; English where that language's catalogue lacks the key.
    public func text(in language: InterfaceLanguage) -> String {
        MessageCatalogue.shipped(language).text(of: self)
    }

    /// The text in English: what JSON, SARIF and tests see.
    public var english: String { text(in: .english) }

    public var description: String { english }
}

/// A value a message names.
public indirect enum MessageArgument: Hashable, Sendable, Codable {
    /// Shown as it is: an id, a path, the text of a file, a library's own words.
    case text(String)
    /// A count, which chooses a plural form.
    case number(Int)
    /// A phrase of its own, put in the same language as the message around it.
    case message(Message)
}

public protocol MessageArgumentConvertible {
    var messageArgument: MessageArgument { get }
}

extension String: MessageArgumentConvertible {
    public var messageArgument: MessageArgument { .text(self) }
}

extension Substring: MessageArgumentConvertible {
    public var messageArgument: MessageArgument { .text(String(self)) }
}

extension Int: MessageArgumentConvertible {
    public var messageArgument: MessageArgument { .number(self) }
}

extension Message: MessageArgumentConvertible {
    public var messageArgument: MessageArgument { .message(self) }
}

extension MessageArgument: MessageArgumentConvertible {
    public var messageArgument: MessageArgument { self }
}
