import Crypto

/// A SHA-256 digest: what the graph compares to decide whether a product is
/// still what it was, and the name of every value in the store. Kept inline
/// (four words, no allocation): a run compares hundreds of thousands of them.
public struct Fingerprint: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The digest's bytes, eight to a word, most significant first.
    private let words: (UInt64, UInt64, UInt64, UInt64)

    public init(digest bytes: some Collection<UInt8>) {
        precondition(bytes.count == SHA256.byteCount, "a fingerprint is a SHA-256 digest")
        var words = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        for (index, byte) in bytes.enumerated() {
            switch index / 8 {
            case 0: words.0 = words.0 << 8 | UInt64(byte)
            case 1: words.1 = words.1 << 8 | UInt64(byte)
            case 2: words.2 = words.2 << 8 | UInt64(byte)
            default: words.3 = words.3 << 8 | UInt64(byte)
            }
        }
        self.words = words
    }

    /// The digest's 32 bytes.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        append(to: &bytes)
        return bytes
    }

    /// Appends the digest's 32 bytes (with no array of its own: a trace file writes hundreds of thousands).
    func append(to bytes: inout [UInt8]) {
        func word(_ word: UInt64) {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        word(words.0)
        word(words.1)
        word(words.2)
        word(words.3)
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
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public var description: String { String(hex.prefix(12)) }

    public static func == (a: Fingerprint, b: Fingerprint) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }

    public static func < (a: Fingerprint, b: Fingerprint) -> Bool {
        (a.words.0, a.words.1, a.words.2, a.words.3) < (b.words.0, b.words.1, b.words.2, b.words.3)
    }

    public init(from decoder: any Decoder) throws {
        let bytes = try decoder.singleValueContainer().decode([UInt8].self)
        guard bytes.count == SHA256.byteCount else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a SHA-256 digest"))
        }
        self.init(digest: bytes)
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

    public func finalize() -> Fingerprint {
        hasher.finalize().withUnsafeBytes { Fingerprint(digest: $0) }
    }
}
