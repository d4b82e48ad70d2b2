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
        // deflateBound guarantees one call finishes the stream.
        let status = run(&stream, from: bytes, into: &output) { deflate(&$0, Z_FINISH) }
        precondition(status == Z_STREAM_END, "deflate did not finish within deflateBound")
        output.removeSubrange(Int(stream.total_out)...)
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
        let status = run(&stream, from: bytes, into: &output) { inflate(&$0, Z_FINISH) }
        guard status == Z_STREAM_END, Int(stream.total_out) == expectedSize else { return nil }
        output.removeLast()
        return output
    }

    /// One call of `step` with all of `input` in and all of `output` free.
    private static func run(
        _ stream: inout z_stream, from input: [UInt8], into output: inout [UInt8], _ step: (inout z_stream) -> Int32
    ) -> Int32 {
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return step(&stream)
            }
        }
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}
