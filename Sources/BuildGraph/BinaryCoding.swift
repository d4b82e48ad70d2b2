/// The one encoding of every value the build graph keeps: a compact, typed
/// binary form of `Codable` values, so that a model type declares what it
/// persists once, by conforming to `Codable`, and nowhere else.
///
/// A document is its table of keys (each coding key's text, once), then its
/// value. A value is a tag byte and its payload: integers as variable-length
/// numbers (zig-zag for signed), text and byte arrays with their length,
/// arrays and keyed containers with their length in bytes and their count
/// (four bytes each),
/// so a reader can step over a value it is not asked for. `[UInt8]` is one
/// byte string, not an array of numbers. Dictionaries are written in key
/// order: the same value always has the same bytes, and so the same
/// fingerprint.
///
/// It is written and read in one pass, without a tree in between. Reading
/// never trusts its input: every length is checked against what is left,
/// nesting is bounded, and a malformed document throws.
public enum BinaryCoding {
    /// Deeper documents are refused when read, so a crafted one cannot exhaust the stack.
    public static let maximumDepth = 1_000

    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let sink = BinarySink()
        try sink.encode(value, codingPath: [])
        try sink.closeAll()
        return sink.finish()
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let source = try BinarySource(bytes)
        var position = source.valueStart
        let end = try source.skip(&position, depth: 0)
        guard end == bytes.count else { throw BinaryCodingError.malformed("bytes after the end of the value") }
        return try BinaryDecoder(source: source, position: source.valueStart, codingPath: []).decodeValue(T.self)
    }
}

public enum BinaryCodingError: Error, CustomStringConvertible {
    case malformed(String)
    /// A type wrote into a container after it had opened another one after it
    /// (no synthesised `Codable` conformance does).
    case interleavedContainers
    /// A container of more than 4 GiB or 2³² items.
    case tooLarge

    public var description: String {
        switch self {
        case .malformed(let what): "malformed stored value: \(what)"
        case .interleavedContainers: "a value wrote into a container it had left"
        case .tooLarge: "a value too large to keep"
        }
    }
}

enum BinaryTag: UInt8 {
    case null = 0, `false`, `true`, int, uint, double, string, bytes, array, map
}

/// Dictionaries, written in the order of their keys.
protocol SortedEncodable {
    func encodeSorted(to encoder: any Encoder) throws
}

extension Dictionary: SortedEncodable where Key: Encodable & Comparable, Value: Encodable {
    func encodeSorted(to encoder: any Encoder) throws {
        let entries = sorted { $0.key < $1.key }
        // The shapes `Dictionary.init(from:)` reads: keyed by text for text and
        // key-representable keys, else keys and values alternating.
        if Key.self == String.self {
            var container = encoder.container(keyedBy: TextKey.self)
            for (key, value) in entries { try container.encode(value, forKey: TextKey(key as! String)) }
        } else if Key.self is any CodingKeyRepresentable.Type {
            var container = encoder.container(keyedBy: TextKey.self)
            for (key, value) in entries {
                try container.encode(value, forKey: TextKey((key as! any CodingKeyRepresentable).codingKey.stringValue))
            }
        } else {
            var container = encoder.unkeyedContainer()
            for (key, value) in entries {
                try container.encode(key)
                try container.encode(value)
            }
        }
    }
}

struct TextKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ text: String) { stringValue = text }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "super" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
