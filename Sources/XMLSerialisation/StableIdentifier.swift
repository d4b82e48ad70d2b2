import Crypto

/// Name-based UUIDs (RFC 9562 version 5, SHA-1), so a book's identifier is
/// the same on every build of the same edition and language.
public enum StableIdentifier {
    /// The URL namespace of RFC 9562 appendix A.
    static let urlNamespace: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]

    public static func uuid(_ name: String) -> String {
        var hash = Array(Insecure.SHA1.hash(data: urlNamespace + Array(name.utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex = hash.map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }
}
