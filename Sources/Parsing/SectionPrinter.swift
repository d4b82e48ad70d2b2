import DocumentModel

/// Cuts a version's body into its lead and its top-level sections and
/// fingerprints each, so that a translation can say what its source was
/// when it was made, and a check can name what changed since.
enum SectionPrinter {
    static func sections(of body: String, firstLine: Int, blocks: [Block]) -> [BodySection] {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var starts: [(line: Int, heading: Heading?)] = [(firstLine, nil)]
        for block in blocks {
            if case .heading(let heading) = block.kind { starts.append((block.range.start.line, heading)) }
        }
        return starts.indices.map { index in
            let start = starts[index].line - firstLine
            let end = index + 1 < starts.count ? starts[index + 1].line - firstLine : lines.count
            let text = lines[min(max(start, 0), lines.count)..<min(max(end, start, 0), lines.count)]
            let heading = starts[index].heading
            return BodySection(
                anchor: heading?.anchor, title: heading?.content.plainText ?? "", line: starts[index].line,
                print: print(text))
        }
    }

    /// FNV-1a (32 bits, as 8 hex digits) of the text with every run of
    /// white space as one space: enough to tell an edited section from
    /// the same one, and short enough to sit in front matter.
    static func print(_ lines: ArraySlice<Substring>) -> String {
        var hash: UInt32 = 2_166_136_261
        var pendingSpace = false
        var started = false
        func add(_ byte: UInt8) {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        for line in lines {
            for byte in line.utf8 {
                if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                    pendingSpace = started
                    continue
                }
                if pendingSpace { add(0x20) }
                pendingSpace = false
                started = true
                add(byte)
            }
            pendingSpace = started
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    static func isPrint(_ text: String) -> Bool {
        text.utf8.count == 8 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
