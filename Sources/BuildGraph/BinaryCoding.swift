/// The one encoding of every value the build graph keeps: a compact, typed
/// binary form of `Codable` values, so that a model type declares what it
/// persists once, by conforming to `Codable`, and nowhere else.
///
/// Each value is a tag byte and its payload: integers as variable-length
/// (zig-zag for signed), strings and byte arrays with their length, arrays
/// with their count, keyed containers with their keys sorted (a dictionary's
/// order would otherwise change from run to run, and with it the value's
/// fingerprint) and each key written once per document, then referred to.
/// `[UInt8]` is one byte string, not an array of numbers.
///
/// Reading never trusts its input: every length is checked against what is
/// left, nesting is bounded, and a malformed document throws.
public enum BinaryCoding {
    /// Deeper documents are refused when read, so a crafted one cannot exhaust the stack.
    public static let maximumDepth = 1_000

    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = EncodingNode()
        try root.store(value, codingPath: [])
        var writer = BinaryWriter()
        writer.write(root.finish())
        return writer.bytes
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        var reader = BinaryReader(bytes)
        let value = try reader.readValue(depth: 0)
        guard reader.isAtEnd else { throw BinaryCodingError.malformed("bytes after the end of the value") }
        return try TreeDecoder(value: value, codingPath: []).decodeValue(T.self)
    }
}

public enum BinaryCodingError: Error, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let what): "malformed stored value: \(what)"
        }
    }
}

/// The document model the bytes are read into and written from.
indirect enum BinaryValue: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case array([BinaryValue])
    case map([(key: String, value: BinaryValue)])

    static func == (a: BinaryValue, b: BinaryValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.uint(let x), .uint(let y)): x == y
        case (.double(let x), .double(let y)): x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): x == y
        case (.bytes(let x), .bytes(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.map(let x), .map(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}

private enum Tag: UInt8 {
    case null = 0, `false`, `true`, int, uint, double, string, bytes, array, map
}

// MARK: Writing

struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    private var keys: [String: Int] = [:]

    mutating func write(_ value: BinaryValue) {
        switch value {
        case .null: bytes.append(Tag.null.rawValue)
        case .bool(let flag): bytes.append(flag ? Tag.true.rawValue : Tag.false.rawValue)
        case .int(let number):
            bytes.append(Tag.int.rawValue)
            varint(UInt64(bitPattern: (number << 1) ^ (number >> 63)))
        case .uint(let number):
            bytes.append(Tag.uint.rawValue)
            varint(number)
        case .double(let number):
            bytes.append(Tag.double.rawValue)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .string(let text):
            bytes.append(Tag.string.rawValue)
            string(text)
        case .bytes(let data):
            bytes.append(Tag.bytes.rawValue)
            varint(UInt64(data.count))
            bytes.append(contentsOf: data)
        case .array(let items):
            bytes.append(Tag.array.rawValue)
            varint(UInt64(items.count))
            for item in items { write(item) }
        case .map(let entries):
            bytes.append(Tag.map.rawValue)
            varint(UInt64(entries.count))
            for entry in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                key(entry.key)
                write(entry.value)
            }
        }
    }

    private mutating func key(_ text: String) {
        if let index = keys[text] {
            varint(UInt64(index + 1))
        } else {
            keys[text] = keys.count
            varint(0)
            string(text)
        }
    }

    private mutating func string(_ text: String) {
        varint(UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

// MARK: Reading

struct BinaryReader {
    private let bytes: [UInt8]
    private var position = 0
    private var keys: [String] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func readValue(depth: Int) throws -> BinaryValue {
        guard depth <= BinaryCoding.maximumDepth else { throw BinaryCodingError.malformed("nested too deeply") }
        guard let tag = Tag(rawValue: try byte()) else { throw BinaryCodingError.malformed("unknown tag") }
        switch tag {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .int:
            let raw = try varint()
            return .int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        case .uint: return .uint(try varint())
        case .double:
            let raw = try take(8)
            var bits: UInt64 = 0
            for (index, byte) in raw.enumerated() { bits |= UInt64(byte) << (8 * UInt64(index)) }
            return .double(Double(bitPattern: bits))
        case .string: return .string(try string())
        case .bytes: return .bytes(Array(try take(try length())))
        case .array:
            let count = try length()
            var items: [BinaryValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try readValue(depth: depth + 1)) }
            return .array(items)
        case .map:
            let count = try length()
            var entries: [(key: String, value: BinaryValue)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let key = try readKey()
                entries.append((key, try readValue(depth: depth + 1)))
            }
            return .map(entries)
        }
    }

    private mutating func readKey() throws -> String {
        let reference = try varint()
        guard reference > 0 else {
            let key = try string()
            keys.append(key)
            return key
        }
        guard reference <= UInt64(keys.count) else { throw BinaryCodingError.malformed("a key that was never written") }
        return keys[Int(reference - 1)]
    }

    private mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw BinaryCodingError.malformed("truncated") }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64, shift < 63 || next <= 1 else { throw BinaryCodingError.malformed("integer too long") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A length or count, which can never exceed the bytes that are left
    /// (every item takes at least one byte).
    private mutating func length() throws -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - position) else { throw BinaryCodingError.malformed("a length past the end") }
        return Int(value)
    }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count <= bytes.count - position else { throw BinaryCodingError.malformed("truncated") }
        defer { position += count }
        return bytes[position..<position + count]
    }

    private mutating func string() throws -> String {
        let raw = try take(try length())
        guard let text = String(validating: raw, as: UTF8.self) else { throw BinaryCodingError.malformed("text that is not UTF-8") }
        return text
    }
}
