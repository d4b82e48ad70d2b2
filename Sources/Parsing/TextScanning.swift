import NativeBridge

/// Fast text primitives on UTF-8, for the per-file hot paths: splitting by
/// `Character` or searching through Foundation costs grapheme breaking and
/// bridging on every call, and these run millions of times on a large corpus.
/// Each works on the string's contiguous bytes when it has them (native
/// strings always do) and falls back to the UTF-8 view otherwise.
extension StringProtocol {
    /// The lines, without their `\n`; a final `\n` does not make an empty last line.
    var lines: [Substring] {
        let text = Substring(self)
        var result: [Substring] = []
        let utf8 = text.utf8
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                guard let end = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: offset) else { break }
                result.append(text[utf8.index(utf8.startIndex, offsetBy: offset)..<utf8.index(utf8.startIndex, offsetBy: end)])
                offset = end + 1
            }
            if offset < bytes.count { result.append(text[utf8.index(utf8.startIndex, offsetBy: offset)...]) }
            return true
        }
        if found != nil { return result }
        var start = text.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                result.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != text.endIndex { result.append(text[start..<text.endIndex]) }
        return result
    }

    /// Whether an ASCII byte occurs, found with `memchr`.
    func containsASCII(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { ByteSearch.firstIndex(of: byte, in: $0) != nil } ?? utf8.contains(byte)
    }

    /// The number of Unicode scalars: the UTF-8 bytes that start one.
    var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? unicodeScalars.count
    }

    /// The first occurrence of an ASCII needle, found byte by byte.
    func range(ofASCII needle: StaticString) -> Range<Index>? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return nil }
        let utf8 = self.utf8
        let offset = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var from = 0
            while let at = ByteSearch.firstIndex(of: first, in: bytes, from: from) {
                guard at + pattern.count <= bytes.count else { return nil }
                if ByteSearch.matches(pattern, in: bytes, at: at) { return at }
                from = at + 1
            }
            return nil
        }
        if let offset {
            guard let at = offset else { return nil }
            let start = utf8.index(utf8.startIndex, offsetBy: at)
            return start..<utf8.index(start, offsetBy: pattern.count)
        }
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == first {
                var probe = index
                var matched = true
                for byte in pattern {
                    guard probe != utf8.endIndex, utf8[probe] == byte else { matched = false; break }
                    probe = utf8.index(after: probe)
                }
                if matched { return index..<probe }
            }
            index = utf8.index(after: index)
        }
        return nil
    }
}

extension Array {
    /// The element at `index`, or nil past either end: for positions read from a file, which may name a line it lacks.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
