import NativeBridge

/// One file of a ZIP archive, already in the form it is stored in: its bytes
/// deflated (or not) and their CRC-32 taken. Making members is the costly
/// part of packaging, so it runs on every core and its results can be cached.
public struct ZIPMember: Sendable, Hashable, Codable {
    public enum Method: UInt16, Sendable, Codable {
        case stored = 0
        case deflated = 8
    }

    public var path: String
    public var method: Method
    public var crc32: UInt32
    public var uncompressedSize: Int
    /// The stored bytes: deflated when `method` says so.
    public var data: [UInt8]

    public init(path: String, method: Method, crc32: UInt32, uncompressedSize: Int, data: [UInt8]) {
        self.path = path
        self.method = method
        self.crc32 = crc32
        self.uncompressedSize = uncompressedSize
        self.data = data
    }

    /// Deflates `bytes`, unless deflating gains nothing (images are compressed already).
    public init(path: String, bytes: [UInt8], compress: Bool = true) {
        self.path = path
        crc32 = Deflate.crc32(bytes)
        uncompressedSize = bytes.count
        if compress {
            let deflated = Deflate.compress(bytes)
            if deflated.count < bytes.count {
                method = .deflated
                data = deflated
                return
            }
        }
        method = .stored
        data = bytes
    }

    /// The member's content, uncompressed; nil if its data does not give it.
    public var contents: [UInt8]? {
        let bytes = method == .stored ? data : Deflate.decompress(data, expectedSize: uncompressedSize)
        guard let bytes, bytes.count == uncompressedSize, Deflate.crc32(bytes) == crc32 else { return nil }
        return bytes
    }
}

/// Writes ZIP archives (APPNOTE 6.3) in one pass: local headers and data in
/// the members' order, then the central directory. No ZIP64: a book over
/// 4 GiB, or with 65,535 files, is refused.
enum ZIPWriter {
    enum Failure: Error, CustomStringConvertible {
        case tooLarge

        var description: String { "the book is too large for a ZIP archive without ZIP64 (4 GiB, 65,535 files)" }
    }

    /// `time` and `date` are MS-DOS fields, the same for every member.
    static func archive(_ members: [ZIPMember], time: UInt16, date: UInt16) throws(Failure) -> [UInt8] {
        guard members.count < 0xFFFF else { throw .tooLarge }
        var out: [UInt8] = []
        out.reserveCapacity(members.reduce(22) { $0 + $1.data.count + 2 * (46 + $1.path.utf8.count) })
        var central: [UInt8] = []
        for member in members {
            let offset = out.count
            let name = Array(member.path.utf8)
            guard offset < 0xFFFF_FFFF, member.data.count < 0xFFFF_FFFF, member.uncompressedSize < 0xFFFF_FFFF else {
                throw .tooLarge
            }
            // The fields both headers share, from "version needed" to "extra length".
            var shared: [UInt8] = []
            shared.append16(20)
            // Bit 11: the name is UTF-8 (only matters for non-ASCII names).
            shared.append16(name.allSatisfy { $0 < 0x80 } ? 0 : 0x0800)
            shared.append16(member.method.rawValue)
            shared.append16(time)
            shared.append16(date)
            shared.append32(member.crc32)
            shared.append32(UInt32(member.data.count))
            shared.append32(UInt32(member.uncompressedSize))
            shared.append16(UInt16(name.count))
            shared.append16(0)

            out.append32(0x0403_4B50)
            out += shared
            out += name
            out += member.data

            central.append32(0x0201_4B50)
            central.append16(0x0314)  // made by: Unix, version 2.0
            central += shared
            central.append16(0)  // comment
            central.append16(0)  // disk
            central.append16(0)  // internal attributes
            central.append32(0o100644 << 16)  // a regular file, rw-r--r--
            central.append32(UInt32(offset))
            central += name
        }
        let centralOffset = out.count
        guard centralOffset < 0xFFFF_FFFF else { throw .tooLarge }
        out += central
        out.append32(0x0605_4B50)
        out.append16(0)
        out.append16(0)
        out.append16(UInt16(members.count))
        out.append16(UInt16(members.count))
        out.append32(UInt32(central.count))
        out.append32(UInt32(centralOffset))
        out.append16(0)
        return out
    }

    /// MS-DOS time and date fields of a moment, read in UTC so every machine writes the same.
    static func dosTimeAndDate(secondsSince1970 seconds: Int64) -> (time: UInt16, date: UInt16) {
        // DOS dates run from 1980 to 2107.
        let clamped = min(max(seconds, 315_532_800), 4_354_819_198)
        let days = clamped / 86_400
        let secondsOfDay = Int(clamped % 86_400)
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let time = UInt16(secondsOfDay / 3600) << 11 | UInt16(secondsOfDay / 60 % 60) << 5 | UInt16(secondsOfDay % 60 / 2)
        let date = UInt16(year - 1980) << 9 | UInt16(month) << 5 | UInt16(day)
        return (time, date)
    }
}

extension [UInt8] {
    fileprivate mutating func append16(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    fileprivate mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
