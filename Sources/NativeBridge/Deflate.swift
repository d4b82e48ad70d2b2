import CZlib

/// zlib's raw deflate and CRC-32, the two things a ZIP member needs.
public enum Deflate {
    /// Level 6 is zlib's default: about twice as fast as 9 for a few per cent
    /// more bytes, and a book's text is most of its build time at that point.
    public static let defaultLevel: Int32 = 6

    /// The bytes compressed as a raw deflate stream (no zlib header), as ZIP stores them.
    public static func compress(_ bytes: [UInt8], level: Int32 = defaultLevel) -> [UInt8] {
        var stream = z_stream()
        // windowBits -15: raw deflate; memLevel 8 is zlib's default.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            fatalError("zlib could not start deflate: out of memory")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let written = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                // deflateBound guarantees one call finishes the stream.
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflate did not finish within deflateBound")
                return Int(stream.total_out)
            }
        }
        output.removeSubrange(written...)
        return output
    }

    /// The bytes of a raw deflate stream, or nil if it is not one or does not
    /// give exactly `expectedSize` bytes.
    public static func decompress(_ bytes: [UInt8], expectedSize: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        // One spare byte: a stream longer than promised fills it and fails.
        var output = [UInt8](repeating: 0, count: expectedSize + 1)
        let complete = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out -> Bool in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return inflate(&stream, Z_FINISH) == Z_STREAM_END && Int(stream.total_out) == expectedSize
            }
        }
        guard complete else { return nil }
        output.removeLast()
        return output
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}
