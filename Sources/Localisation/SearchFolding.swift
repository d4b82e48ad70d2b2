import Foundation

/// How the web edition's search matches words (docs/web.md, "Search").
/// Pagefind lowers the case of what it indexes and of the query, but it
/// has no Kazakh or Russian rules: Ё stays apart from Е, and the Turkish
/// dotless ı and dotted İ of Latin transcriptions apart from i. A page
/// therefore gives it, besides its text, each of its words that folding
/// changes in folded form, and the search page folds the query alike.
public enum SearchFolding {
    /// `word` in lower case, ё as е, ı and İ as i.
    public static func fold(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.lowercased().unicodeScalars {
            switch scalar {
            case "\u{451}": scalars.append("\u{435}")
            case "\u{131}": scalars.append("i")
            // İ lowers to i and a combining dot above.
            case "\u{307}": continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The words of `markup` (XML as Asyl writes it: text between tags)
    /// that folding changes, folded, each once, in the order they first
    /// occur. A word is what lies between white space, punctuation and all
    /// (Pagefind splits it again as it splits the page), both within one run
    /// of text and across tags, as the page shows it: `<link>Королёв</link>тың`
    /// gives `королев` and `королевтың`. Most pages have none, and cost one
    /// scan of their bytes.
    public static func foldedWords(inMarkup markup: [UInt8]) -> [String] {
        guard containsFoldedLetter(markup) else { return [] }
        var words: [String] = []
        var seen = Set<String>()
        func add(_ bytes: some Collection<UInt8>) {
            guard !bytes.isEmpty, containsFoldedLetter(Array(bytes)) else { return }
            let word = fold(unescaped(String(decoding: bytes, as: UTF8.self)))
            if seen.insert(word).inserted { words.append(word) }
        }
        var run = 0
        var across: [UInt8] = []
        var inTag = false
        for (index, byte) in markup.enumerated() {
            if inTag {
                if byte == UInt8(ascii: ">") {
                    inTag = false
                    run = index + 1
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "<"):
                add(markup[run..<index])
                inTag = true
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                add(markup[run..<index])
                add(across)
                across.removeAll(keepingCapacity: true)
                run = index + 1
            default:
                across.append(byte)
            }
        }
        if !inTag { add(markup[run...]) }
        add(across)
        return words
    }

    /// The five entities XML writes, as their characters.
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Whether the UTF-8 bytes hold Ё (D0 81), ё (D1 91), İ (C4 B0) or ı (C4 B1).
    static func containsFoldedLetter(_ bytes: some RandomAccessCollection<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            guard next != bytes.endIndex else { break }
            switch (bytes[index], bytes[next]) {
            case (0xD0, 0x81), (0xD1, 0x91), (0xC4, 0xB0), (0xC4, 0xB1): return true
            default: index = next
            }
        }
        return false
    }
}
