/// `Encoder` and `Decoder` over `BinaryValue`: the part of `BinaryCoding`
/// that Swift's `Codable` talks to.

// MARK: Encoding

/// A value being encoded: nothing yet, a finished value, or a container
/// whose children are still being filled in.
final class EncodingNode {
    private enum Kind { case empty, value, array, map }

    private var kind = Kind.empty
    private var value = BinaryValue.null
    private var items: [EncodingNode] = []
    private var entries: [(String, EncodingNode)] = []

    func finish() -> BinaryValue {
        switch kind {
        case .empty: return .null
        case .value: return value
        case .array: return .array(items.map { $0.finish() })
        case .map:
            // A key encoded twice keeps its last value, as JSON's encoder does.
            var seen: [String: Int] = [:]
            var finished: [(key: String, value: BinaryValue)] = []
            for (key, node) in entries {
                if let index = seen[key] {
                    finished[index].value = node.finish()
                } else {
                    seen[key] = finished.count
                    finished.append((key, node.finish()))
                }
            }
            return .map(finished)
        }
    }

    func set(_ value: BinaryValue) {
        kind = .value
        self.value = value
    }

    func makeArray() { if kind != .array { kind = .array; items = [] } }

    func makeMap() { if kind != .map { kind = .map; entries = [] } }

    func append() -> EncodingNode {
        let child = EncodingNode()
        items.append(child)
        return child
    }

    func child(_ key: String) -> EncodingNode {
        let child = EncodingNode()
        entries.append((key, child))
        return child
    }

    var count: Int { items.count }

    /// Encodes `value` into this node: primitives and byte arrays directly, anything else through its `encode(to:)`.
    func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        if let primitive = BinaryValue.primitive(value) {
            set(primitive)
        } else {
            try value.encode(to: TreeEncoder(node: self, codingPath: codingPath))
        }
    }
}

extension BinaryValue {
    /// By the value's static type, never by a dynamic cast (an empty array of anything casts to `[UInt8]`).
    static func primitive<T>(_ value: T) -> BinaryValue? {
        switch T.self {
        case is [UInt8].Type: .bytes(value as! [UInt8])
        case is Bool.Type: .bool(value as! Bool)
        case is String.Type: .string(value as! String)
        case is Double.Type: .double(value as! Double)
        case is Float.Type: .double(Double(value as! Float))
        case is Int.Type: .int(Int64(value as! Int))
        case is Int8.Type: .int(Int64(value as! Int8))
        case is Int16.Type: .int(Int64(value as! Int16))
        case is Int32.Type: .int(Int64(value as! Int32))
        case is Int64.Type: .int(value as! Int64)
        case is UInt.Type: .uint(UInt64(value as! UInt))
        case is UInt8.Type: .uint(UInt64(value as! UInt8))
        case is UInt16.Type: .uint(UInt64(value as! UInt16))
        case is UInt32.Type: .uint(UInt64(value as! UInt32))
        case is UInt64.Type: .uint(value as! UInt64)
        default: nil
        }
    }
}

struct CodingIndex: CodingKey {
    var intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "super" }

    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
    static let superKey = CodingIndex(intValue: -1)
}

struct TreeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeMap()
        return KeyedEncodingContainer(KeyedWriter<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedWriter(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(node: node, codingPath: codingPath) }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).set(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(key.stringValue).set(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.child(key.stringValue).set(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { try put(value, key) }

    private func put(_ value: some Encodable, _ key: Key) throws {
        try node.child(key.stringValue).store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child("super"), codingPath: codingPath + [CodingIndex.superKey])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.append().set(.null) }
    mutating func encode(_ value: Bool) throws { node.append().set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.append().set(.string(value)) }
    mutating func encode(_ value: Double) throws { try put(value) }
    mutating func encode(_ value: Float) throws { try put(value) }
    mutating func encode(_ value: Int) throws { try put(value) }
    mutating func encode(_ value: Int8) throws { try put(value) }
    mutating func encode(_ value: Int16) throws { try put(value) }
    mutating func encode(_ value: Int32) throws { try put(value) }
    mutating func encode(_ value: Int64) throws { try put(value) }
    mutating func encode(_ value: UInt) throws { try put(value) }
    mutating func encode(_ value: UInt8) throws { try put(value) }
    mutating func encode(_ value: UInt16) throws { try put(value) }
    mutating func encode(_ value: UInt32) throws { try put(value) }
    mutating func encode(_ value: UInt64) throws { try put(value) }
    mutating func encode(_ value: some Encodable) throws { try put(value) }

    private func put(_ value: some Encodable) throws {
        let index = CodingIndex(intValue: count)
        try node.append().store(value, codingPath: codingPath + [index])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = CodingIndex(intValue: count)
        return TreeEncoder(node: node.append(), codingPath: codingPath + [index]).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = CodingIndex(intValue: count)
        return TreeEncoder(node: node.append(), codingPath: codingPath + [index]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let index = CodingIndex(intValue: count)
        return TreeEncoder(node: node.append(), codingPath: codingPath + [index])
    }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.set(.string(value)) }
    mutating func encode(_ value: Double) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: Int8) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: Int16) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: Int32) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: Int64) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt8) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt16) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt32) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: UInt64) throws { try node.store(value, codingPath: codingPath) }
    mutating func encode(_ value: some Encodable) throws { try node.store(value, codingPath: codingPath) }
}

// MARK: Decoding

struct TreeDecoder: Decoder {
    let value: BinaryValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .map(let entries) = value else { throw mismatch("a keyed container") }
        var values: [String: BinaryValue] = [:]
        for entry in entries { values[entry.key] = entry.value }
        return KeyedDecodingContainer(KeyedReader<Key>(values: values, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch("an array") }
        return UnkeyedReader(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(decoder: self) }

    func mismatch(_ expected: String) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected)"))
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let primitive = try primitive(type) { return primitive }
        return try T(from: self)
    }

    /// The value as a primitive of type `T`; nil when `T` is not a primitive.
    private func primitive<T>(_ type: T.Type) throws -> T? {
        func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
            switch value {
            case .int(let number): if let exact = I(exactly: number) { return exact }
            case .uint(let number): if let exact = I(exactly: number) { return exact }
            default: break
            }
            throw mismatch("\(I.self)")
        }
        switch type {
        case is [UInt8].Type:
            guard case .bytes(let bytes) = value else { throw mismatch("bytes") }
            return bytes as? T
        case is Bool.Type:
            guard case .bool(let flag) = value else { throw mismatch("a Boolean") }
            return flag as? T
        case is String.Type:
            guard case .string(let text) = value else { throw mismatch("text") }
            return text as? T
        case is Double.Type:
            guard case .double(let number) = value else { throw mismatch("a number") }
            return number as? T
        case is Float.Type:
            guard case .double(let number) = value else { throw mismatch("a number") }
            return Float(number) as? T
        case is Int.Type: return try integer(Int.self) as? T
        case is Int8.Type: return try integer(Int8.self) as? T
        case is Int16.Type: return try integer(Int16.self) as? T
        case is Int32.Type: return try integer(Int32.self) as? T
        case is Int64.Type: return try integer(Int64.self) as? T
        case is UInt.Type: return try integer(UInt.self) as? T
        case is UInt8.Type: return try integer(UInt8.self) as? T
        case is UInt16.Type: return try integer(UInt16.self) as? T
        case is UInt32.Type: return try integer(UInt32.self) as? T
        case is UInt64.Type: return try integer(UInt64.self) as? T
        default: return nil
        }
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let values: [String: BinaryValue]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { values.keys.sorted().compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

    private func decoder(_ key: Key) throws -> TreeDecoder {
        guard let value = values[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return TreeDecoder(value: value, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).value == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(key).decodeValue(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(key).decodeValue(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(key).decodeValue(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder(key).decodeValue(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(key).decodeValue(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder(key).decodeValue(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder(key).decodeValue(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder(key).decodeValue(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder(key).decodeValue(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder(key).decodeValue(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder(key).decodeValue(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder(key).decodeValue(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder(key).decodeValue(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder(key).decodeValue(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder {
        TreeDecoder(value: values["super"] ?? .null, codingPath: codingPath + [CodingIndex.superKey])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let items: [BinaryValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [BinaryValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> TreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the array has ended"))
        }
        defer { currentIndex += 1 }
        return TreeDecoder(value: items[currentIndex], codingPath: codingPath + [CodingIndex(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().decodeValue(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next().decodeValue(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().decodeValue(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().decodeValue(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().decodeValue(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().decodeValue(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().decodeValue(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().decodeValue(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().decodeValue(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().decodeValue(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().decodeValue(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().decodeValue(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().decodeValue(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().decodeValue(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleReader: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeValue(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeValue(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeValue(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.decodeValue(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeValue(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeValue(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeValue(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeValue(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeValue(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeValue(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeValue(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeValue(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeValue(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeValue(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
