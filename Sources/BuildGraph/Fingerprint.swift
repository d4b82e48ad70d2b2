import Crypto

/// A SHA-256 digest: what the graph compares to decide whether a product is
/// still what it was, and the name of every value in the store.
public struct Fingerprint: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(digest bytes: [UInt8]) {
        precondition(bytes.count == SHA256.byteCount, "a fingerprint is a SHA-256 digest")
        self.bytes = bytes
    }

    /// The fingerprint of some bytes.
    public static func of(_ bytes: some Sequence<UInt8>) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(bytes: Array(bytes))
        return hasher.finalize()
    }

    /// Lower-case hexadecimal: how a value is named on disk.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public var description: String { String(hex.prefix(12)) }

    public static func < (a: Fingerprint, b: Fingerprint) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    public init(from decoder: any Decoder) throws {
        let bytes = try decoder.singleValueContainer().decode([UInt8].self)
        guard bytes.count == SHA256.byteCount else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a SHA-256 digest"))
        }
        self.bytes = bytes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(bytes)
    }
}

/// Hashes parts so that no two different lists of parts hash alike: each
/// part is preceded by its length.
public struct FingerprintHasher {
    private var hasher = SHA256()

    public init() {}

    public mutating func combine(bytes: [UInt8]) {
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: bytes)
    }

    public mutating func combine(_ text: String) { combine(bytes: Array(text.utf8)) }

    public mutating func combine(_ fingerprint: Fingerprint) { combine(bytes: fingerprint.bytes) }

    public func finalize() -> Fingerprint { Fingerprint(digest: Array(hasher.finalize())) }
}
