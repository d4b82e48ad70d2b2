/// A compact byte encoding for what the build record keeps: unsigned
/// LEB128 integers and length-prefixed UTF-8 strings. Decoding 30,000 files'
/// worth of it takes milliseconds, where JSON would take most of a second.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func integer(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        integer(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func raw(_ value: [UInt8]) {
        integer(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func strings(_ values: [String]) {
        integer(values.count)
        values.forEach { string($0) }
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout ByteWriter, Value) -> Void) {
        if let value {
            integer(1)
            write(&self, value)
        } else {
            integer(0)
        }
    }
}

/// Reads what `ByteWriter` wrote; any malformed input makes it throw, never trap.
struct ByteReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func integer() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value))
    }

    /// A count or length: never negative, never more than the bytes left.
    mutating func count() throws(Malformed) -> Int {
        let value = try integer()
        guard value >= 0, value <= bytes.count - position else { throw Malformed() }
        return value
    }

    mutating func string() throws(Malformed) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    mutating func raw() throws(Malformed) -> [UInt8] {
        let length = try count()
        defer { position += length }
        return Array(bytes[position..<position + length])
    }

    mutating func strings() throws(Malformed) -> [String] {
        try (0..<count()).map { _ throws(Malformed) in try string() }
    }

    mutating func optional<Value>(_ read: (inout ByteReader) throws(Malformed) -> Value) throws(Malformed) -> Value? {
        switch try integer() {
        case 0: return nil
        case 1: return try read(&self)
        default: throw Malformed()
        }
    }
}
