/// Fast text primitives on UTF-8, for the per-file hot paths: splitting by
/// `Character` or searching through Foundation costs grapheme breaking and
/// bridging on every call, and these run millions of times on a large corpus.
extension StringProtocol {
    /// The lines, without their `\n`; a final `\n` does not make an empty last line.
    var lines: [Substring] {
        let text = Substring(self)
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            if text.utf8[index] == UInt8(ascii: "\n") {
                result.append(text[start..<index])
                start = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        if start != text.endIndex { result.append(text[start..<text.endIndex]) }
        return result
    }

    /// The first occurrence of an ASCII needle, found byte by byte.
    func range(ofASCII needle: StaticString) -> Range<Index>? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return nil }
        let utf8 = self.utf8
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
