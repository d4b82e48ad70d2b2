#if canImport(Glibc)
import Glibc
#endif

/// Byte searches with the C library's `memchr` and `memcmp`, which scan a
/// word at a time: the text scanners' hot paths, on buffers their callers lend.
public enum ByteSearch {
    /// The offset of the first `byte` at or after `start`.
    public static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count,
              let hit = memchr(base + start, Int32(byte), buffer.count - start)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `pattern` occurs at `offset`.
    public static func matches(_ pattern: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard let base = buffer.baseAddress, let needle = pattern.baseAddress, offset + pattern.count <= buffer.count else {
            return pattern.isEmpty
        }
        return memcmp(base + offset, needle, pattern.count) == 0
    }
}
