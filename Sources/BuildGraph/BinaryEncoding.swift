/// The writing half of `BinaryCoding`: one buffer, written front to back.
/// A container's length and count (four bytes each) are filled in when it is closed, which is
/// when the value that opened it has been written, or when its parent is
/// written to again.
final class BinarySink {
    private var bytes: [UInt8] = []
    private var keys: [String: Int] = [:]
    private var keyList: [String] = []

    /// A failure found where the `Encoder` protocol cannot throw (opening a
    /// nested container), reported by the next write or at the end.
    private var pending: (any Error)?

    /// Containers not yet closed, innermost last.
    private var open: [Container] = []
    private var nextIdentity = 0

    struct Container {
        var identity: Int
        /// Where its 4-byte length goes.
        var lengthAt: Int
        var count: Int
    }

    /// The table of keys, then the value.
    func finish() -> [UInt8] {
        var head: [UInt8] = []
        Self.varint(UInt64(keyList.count), into: &head)
        for key in keyList {
            Self.varint(UInt64(key.utf8.count), into: &head)
            head.append(contentsOf: key.utf8)
        }
        return head + bytes
    }

    // MARK: Values

    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let bytes as [UInt8] where T.self == [UInt8].self: data(bytes)
        case let text as String where T.self == String.self: string(text)
        case let sorted as any SortedEncodable: try sorted.encodeSorted(to: BinaryEncoder(sink: self, codingPath: codingPath))
        default: try value.encode(to: BinaryEncoder(sink: self, codingPath: codingPath))
        }
    }

    func null() { bytes.append(BinaryTag.null.rawValue) }
    func bool(_ flag: Bool) { bytes.append(flag ? BinaryTag.true.rawValue : BinaryTag.false.rawValue) }

    func int(_ number: Int64) {
        bytes.append(BinaryTag.int.rawValue)
        Self.varint(UInt64(bitPattern: (number << 1) ^ (number >> 63)), into: &bytes)
    }

    func uint(_ number: UInt64) {
        bytes.append(BinaryTag.uint.rawValue)
        Self.varint(number, into: &bytes)
    }

    func double(_ number: Double) {
        bytes.append(BinaryTag.double.rawValue)
        withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func string(_ text: String) {
        bytes.append(BinaryTag.string.rawValue)
        var text = text
        text.withUTF8 { utf8 in
            Self.varint(UInt64(utf8.count), into: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    func data(_ data: [UInt8]) {
        bytes.append(BinaryTag.bytes.rawValue)
        Self.varint(UInt64(data.count), into: &bytes)
        bytes.append(contentsOf: data)
    }

    // MARK: Containers

    /// Opens an array or a keyed container; returns its identity.
    func openContainer(_ tag: BinaryTag) -> Int {
        bytes.append(tag.rawValue)
        nextIdentity += 1
        open.append(Container(identity: nextIdentity, lengthAt: bytes.count, count: 0))
        bytes.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 0])
        return nextIdentity
    }

    /// Before an item of container `identity` is written: closes what was
    /// opened after it, and counts the item.
    func item(of identity: Int) throws {
        if let pending { throw pending }
        try close(after: identity)
        open[open.count - 1].count += 1
    }

    /// `item(of:)` where the caller cannot throw: a failure waits for the next write.
    func itemLater(of identity: Int) {
        do { try item(of: identity) } catch { pending = pending ?? error }
    }

    func key(_ text: String) {
        if let index = keys[text] {
            Self.varint(UInt64(index), into: &bytes)
        } else {
            keys[text] = keyList.count
            Self.varint(UInt64(keyList.count), into: &bytes)
            keyList.append(text)
        }
    }

    func count(of identity: Int) -> Int { open.last { $0.identity == identity }?.count ?? 0 }

    /// Closes every container opened after `identity`, which must still be open.
    func close(after identity: Int) throws {
        guard open.contains(where: { $0.identity == identity }) else { throw BinaryCodingError.interleavedContainers }
        while open.last!.identity != identity { closeLast() }
    }

    func closeAll() throws {
        while !open.isEmpty { closeLast() }
        if let pending { throw pending }
    }

    /// Closes the containers opened since `depth` containers were open.
    func close(downTo depth: Int) { while open.count > depth { closeLast() } }

    var depth: Int { open.count }

    /// Fills in the length (of the count and the items that follow it) and the count.
    private func closeLast() {
        let container = open.removeLast()
        guard let length = UInt32(exactly: bytes.count - container.lengthAt - 4), let count = UInt32(exactly: container.count) else {
            pending = pending ?? BinaryCodingError.tooLarge
            return
        }
        for index in 0..<4 {
            bytes[container.lengthAt + index] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(index)))
            bytes[container.lengthAt + 4 + index] = UInt8(truncatingIfNeeded: count >> (8 * UInt32(index)))
        }
    }

    static func varint(_ value: UInt64, into bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

struct BinaryEncoder: Encoder {
    let sink: BinarySink
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(sink: sink, identity: sink.openContainer(.map), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedWriter(sink: sink, identity: sink.openContainer(.array), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(sink: sink, codingPath: codingPath) }
}

/// `nestedContainer` and `superEncoder` cannot throw: what goes wrong there
/// is reported by the next write (`BinarySink.itemLater`).
private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: BinarySink
    let identity: Int
    let codingPath: [any CodingKey]

    private func entry(_ key: Key) throws {
        try sink.item(of: identity)
        sink.key(key.stringValue)
    }

    private func entryLater(_ key: Key) {
        sink.itemLater(of: identity)
        sink.key(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { try entry(key); sink.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try entry(key); sink.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try entry(key); sink.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try entry(key); sink.double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try entry(key); sink.double(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try entry(key); sink.int(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try entry(key); sink.int(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try entry(key); sink.int(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try entry(key); sink.int(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try entry(key); sink.int(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try entry(key); sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try entry(key); sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try entry(key); sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try entry(key); sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try entry(key); sink.uint(value) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try entry(key)
        let depth = sink.depth
        try sink.encode(value, codingPath: codingPath + [key])
        sink.close(downTo: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        entryLater(key)
        return BinaryEncoder(sink: sink, codingPath: codingPath + [key]).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        entryLater(key)
        return BinaryEncoder(sink: sink, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.itemLater(of: identity)
        sink.key("super")
        return BinaryEncoder(sink: sink, codingPath: codingPath + [IndexKey.init(intValue: -1)!])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        entryLater(key)
        return BinaryEncoder(sink: sink, codingPath: codingPath + [key])
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let sink: BinarySink
    let identity: Int
    let codingPath: [any CodingKey]
    var count: Int { sink.count(of: identity) }

    private func item() throws { try sink.item(of: identity) }

    mutating func encodeNil() throws { try item(); sink.null() }
    mutating func encode(_ value: Bool) throws { try item(); sink.bool(value) }
    mutating func encode(_ value: String) throws { try item(); sink.string(value) }
    mutating func encode(_ value: Double) throws { try item(); sink.double(value) }
    mutating func encode(_ value: Float) throws { try item(); sink.double(Double(value)) }
    mutating func encode(_ value: Int) throws { try item(); sink.int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { try item(); sink.int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { try item(); sink.int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { try item(); sink.int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { try item(); sink.int(value) }
    mutating func encode(_ value: UInt) throws { try item(); sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { try item(); sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { try item(); sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { try item(); sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { try item(); sink.uint(value) }

    mutating func encode(_ value: some Encodable) throws {
        let index = count
        try item()
        let depth = sink.depth
        try sink.encode(value, codingPath: codingPath + [IndexKey(index)])
        sink.close(downTo: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        sink.itemLater(of: identity)
        return BinaryEncoder(sink: sink, codingPath: codingPath + [IndexKey(index)]).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = count
        sink.itemLater(of: identity)
        return BinaryEncoder(sink: sink, codingPath: codingPath + [IndexKey(index)]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let index = count
        sink.itemLater(of: identity)
        return BinaryEncoder(sink: sink, codingPath: codingPath + [IndexKey(index)])
    }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let sink: BinarySink
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { sink.null() }
    mutating func encode(_ value: Bool) throws { sink.bool(value) }
    mutating func encode(_ value: String) throws { sink.string(value) }
    mutating func encode(_ value: Double) throws { sink.double(value) }
    mutating func encode(_ value: Float) throws { sink.double(Double(value)) }
    mutating func encode(_ value: Int) throws { sink.int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { sink.int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { sink.int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { sink.int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { sink.int(value) }
    mutating func encode(_ value: UInt) throws { sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { sink.uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { sink.uint(value) }
    mutating func encode(_ value: some Encodable) throws { try sink.encode(value, codingPath: codingPath) }
}
