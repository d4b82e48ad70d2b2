/// The reading half of `BinaryCoding`: values are read where they lie, and a
/// keyed container finds its entries by stepping over the values between.
final class BinarySource {
    let bytes: [UInt8]
    let keys: [String]
    let keyIndex: [String: Int]
    /// Where the value starts, after the table of keys.
    let valueStart: Int

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        var position = 0
        let count = try Self.length(bytes, &position)
        var keys: [String] = []
        var keyIndex: [String: Int] = [:]
        for _ in 0..<count {
            let length = try Self.length(bytes, &position)
            guard let key = String(validating: bytes[position..<position + length], as: UTF8.self) else {
                throw BinaryCodingError.malformed("a key that is not UTF-8")
            }
            position += length
            keyIndex[key] = keyIndex[key] ?? keys.count
            keys.append(key)
        }
        self.keys = keys
        self.keyIndex = keyIndex
        valueStart = position
    }

    // MARK: Reading

    func tag(at position: Int) throws -> BinaryTag {
        guard position < bytes.count, let tag = BinaryTag(rawValue: bytes[position]) else {
            throw BinaryCodingError.malformed(position < bytes.count ? "unknown tag" : "truncated")
        }
        return tag
    }

    static func varint(_ bytes: [UInt8], _ position: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw BinaryCodingError.malformed("truncated") }
            let next = bytes[position]
            position += 1
            guard shift < 63 || (shift == 63 && next <= 1) else { throw BinaryCodingError.malformed("integer too long") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A length that fits in what is left after `position`.
    static func length(_ bytes: [UInt8], _ position: inout Int) throws -> Int {
        let value = try varint(bytes, &position)
        guard value <= UInt64(bytes.count - position) else { throw BinaryCodingError.malformed("a length past the end") }
        return Int(value)
    }

    func word(at position: Int) throws -> Int {
        guard position + 4 <= bytes.count else { throw BinaryCodingError.malformed("truncated") }
        var value = 0
        for index in 0..<4 { value |= Int(bytes[position + index]) << (8 * index) }
        return value
    }

    /// Checks the value at `position` whole, and steps over it; returns where
    /// it ends. A document is checked once, before it is read: the reading
    /// that follows trusts its lengths, counts, tags and keys.
    @discardableResult
    func skip(_ position: inout Int, depth: Int) throws -> Int {
        let tag = try tag(at: position)
        position += 1
        switch tag {
        case .null, .false, .true: break
        case .int, .uint: _ = try Self.varint(bytes, &position)
        case .double:
            guard position + 8 <= bytes.count else { throw BinaryCodingError.malformed("truncated") }
            position += 8
        case .string, .bytes: position += try Self.length(bytes, &position)
        case .array, .map:
            guard depth < BinaryCoding.maximumDepth else { throw BinaryCodingError.malformed("nested too deeply") }
            let length = try word(at: position)
            guard length >= 4, length <= bytes.count - position - 4 else { throw BinaryCodingError.malformed("a length past the end") }
            let end = position + 4 + length
            var inner = position + 8
            let count = try word(at: position + 4)
            for _ in 0..<count {
                guard inner < end else { throw BinaryCodingError.malformed("a container shorter than its count") }
                if tag == .map {
                    let key = try Self.varint(bytes, &inner)
                    guard key < UInt64(keys.count) else { throw BinaryCodingError.malformed("a key that was never written") }
                }
                try skip(&inner, depth: depth + 1)
                guard inner <= end else { throw BinaryCodingError.malformed("an item past its container") }
            }
            guard inner == end else { throw BinaryCodingError.malformed("a container longer than its items") }
            position = end
        }
        return position
    }
}

extension BinarySource {
    // MARK: Reading a checked document

    func trustedVarint(_ position: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = bytes[position]
            position += 1
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    func trustedWord(_ position: Int) -> Int {
        Int(bytes[position]) | Int(bytes[position + 1]) << 8 | Int(bytes[position + 2]) << 16 | Int(bytes[position + 3]) << 24
    }

    /// Where the value at `position` ends.
    func end(of position: Int) -> Int {
        var next = position + 1
        switch BinaryTag(rawValue: bytes[position])! {
        case .null, .false, .true: return next
        case .int, .uint:
            _ = trustedVarint(&next)
            return next
        case .double: return next + 8
        case .string, .bytes:
            let length = Int(trustedVarint(&next))
            return next + length
        case .array, .map: return next + 4 + trustedWord(next)
        }
    }

    func text(at position: Int) -> String? {
        guard bytes[position] == BinaryTag.string.rawValue else { return nil }
        var next = position + 1
        let length = Int(trustedVarint(&next))
        return String(validating: bytes[next..<next + length], as: UTF8.self)
    }
}

struct BinaryDecoder: Decoder {
    let source: BinarySource
    let position: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var tag: BinaryTag { BinaryTag(rawValue: source.bytes[position])! }

    func mismatch(_ expected: String) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected)"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tag == .map else { throw mismatch("a keyed container") }
        return KeyedDecodingContainer(KeyedReader<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tag == .array else { throw mismatch("an array") }
        return UnkeyedReader(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(decoder: self) }

    func child(at position: Int, key: any CodingKey) -> BinaryDecoder {
        BinaryDecoder(source: source, position: position, codingPath: codingPath + [key])
    }

    var isNull: Bool { tag == .null }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == [UInt8].self { return try bytes() as! T }
        if T.self == String.self { return try string() as! T }
        return try T(from: self)
    }

    func bool() throws -> Bool {
        switch tag {
        case .true: return true
        case .false: return false
        default: throw mismatch("a Boolean")
        }
    }

    func string() throws -> String {
        guard let text = source.text(at: position) else { throw mismatch("text") }
        return text
    }

    func bytes() throws -> [UInt8] {
        guard tag == .bytes else { throw mismatch("bytes") }
        var next = position + 1
        let length = Int(source.trustedVarint(&next))
        return Array(source.bytes[next..<next + length])
    }

    func double() throws -> Double {
        guard tag == .double else { throw mismatch("a number") }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(source.bytes[position + 1 + index]) << (8 * UInt64(index)) }
        return Double(bitPattern: bits)
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        var next = position + 1
        switch tag {
        case .int:
            let raw = source.trustedVarint(&next)
            if let exact = I(exactly: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)) { return exact }
        case .uint:
            if let exact = I(exactly: source.trustedVarint(&next)) { return exact }
        default: break
        }
        throw mismatch("\(I.self)")
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: BinaryDecoder
    /// Each entry's key (its index in the table) and where its value starts.
    private let entries: [(key: Int, value: Int)]
    /// For a large container (a dictionary), where each key's value starts:
    /// looking keys up one by one in `entries` would take quadratic time.
    private let index: [Int: Int]?

    init(decoder: BinaryDecoder) {
        self.decoder = decoder
        let source = decoder.source
        let count = source.trustedWord(decoder.position + 5)
        var entries: [(key: Int, value: Int)] = []
        entries.reserveCapacity(count)
        var next = decoder.position + 9
        for _ in 0..<count {
            let key = Int(source.trustedVarint(&next))
            entries.append((key, next))
            next = source.end(of: next)
        }
        self.entries = entries
        index = count > 16 ? Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }) : nil
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] { entries.compactMap { Key(stringValue: decoder.source.keys[$0.key]) } }

    private func position(_ key: Key) -> Int? {
        guard let key = decoder.source.keyIndex[key.stringValue] else { return nil }
        if let index { return index[key] }
        return entries.last { $0.key == key }?.value
    }

    func contains(_ key: Key) -> Bool { position(key) != nil }

    private func value(_ key: Key) throws -> BinaryDecoder {
        guard let position = position(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return decoder.child(at: position, key: key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).double() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try value(key).double()) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).integer(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).integer(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).integer(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key).integer(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).integer(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).integer(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).integer(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).integer(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try value(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try value(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder {
        guard let index = decoder.source.keyIndex["super"], let position = entries.last(where: { $0.key == index })?.value else {
            throw DecodingError.keyNotFound(IndexKey(-1), .init(codingPath: codingPath, debugDescription: "no super"))
        }
        return decoder.child(at: position, key: IndexKey(-1))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try value(key) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let decoder: BinaryDecoder
    let itemCount: Int
    var currentIndex = 0
    private var next: Int

    init(decoder: BinaryDecoder) {
        self.decoder = decoder
        itemCount = decoder.source.trustedWord(decoder.position + 5)
        next = decoder.position + 9
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { itemCount }
    var isAtEnd: Bool { currentIndex >= itemCount }

    private mutating func item() throws -> BinaryDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the array has ended"))
        }
        let child = decoder.child(at: next, key: IndexKey(currentIndex))
        next = decoder.source.end(of: next)
        currentIndex += 1
        return child
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.source.bytes[next] == BinaryTag.null.rawValue else { return false }
        _ = try item()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try item().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try item().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try item().double() }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try item().double()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try item().integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try item().integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try item().integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try item().integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try item().integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try item().integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try item().integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try item().integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try item().integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try item().integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try item().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try item().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try item().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try item() }
}

private struct SingleReader: SingleValueDecodingContainer {
    let decoder: BinaryDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
