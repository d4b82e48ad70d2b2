import Foundation

/// Heading slugs of FORMAT.md §4: lowercase, Cyrillic letters by the table,
/// `a`–`z` and `0`–`9` kept, other Latin letters without diacritics, every
/// other run of characters one `-`, trimmed; empty becomes `section`.
public enum Slug {
    /// The Cyrillic table of FORMAT.md §4 (Kazakh and Russian letters).
    public static let cyrillic: [Character: String] = [
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo",
        "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
        "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
        "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    /// The table by scalar: hashing a `Character` normalises it, a scalar is a number.
    private static let cyrillicScalars: [Unicode.Scalar: String] = Dictionary(
        uniqueKeysWithValues: cyrillic.map { ($0.key.unicodeScalars.first!, $0.value) })

    public static func make(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        func emit(_ piece: String) {
            if pendingDash, !out.isEmpty { out += "-" }
            pendingDash = false
            out += piece
        }
        let lower = text.lowercased()
        // Scalar by scalar is fast and, where every scalar is a character of
        // its own, the same as character by character.
        if lower.unicodeScalars.allSatisfy(isCharacterOnItsOwn) {
            for scalar in lower.unicodeScalars {
                if scalar.isASCII {
                    if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { emit(String(scalar)) } else { pendingDash = true }
                } else if let latin = cyrillicScalars[scalar] ?? latin(for: Character(scalar)) {
                    // ъ and ь vanish without breaking the word.
                    if !latin.isEmpty { emit(latin) }
                } else {
                    pendingDash = true
                }
            }
        } else {
            for character in lower {
                if let latin = latin(for: character) {
                    if !latin.isEmpty { emit(latin) }
                } else {
                    pendingDash = true
                }
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// A character's Latin letters: by the table (a stress mark left out), or a
    /// Latin letter or digit without its accents; nil for anything else.
    private static func latin(for character: Character) -> String? {
        cyrillic[character] ?? withoutStress(character).flatMap { cyrillic[$0] } ?? asciiLetterOrDigit(character)
    }

    /// Latin, Cyrillic and general punctuation, without combining marks, joiners
    /// or variation selectors: scalars that never join the one before them.
    private static func isCharacterOnItsOwn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x0300, 0x0400...0x0482, 0x048A...0x04FF, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }

    /// A Cyrillic letter without a stress or other accent over it (`е́` → `е`),
    /// keeping the breve of `й` and the diaeresis of `ё`.
    private static func withoutStress(_ character: Character) -> Character? {
        let kept = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x0300...0x036F).contains($0.value) || $0.value == 0x0306 || $0.value == 0x0308
        }
        let composed = String(String.UnicodeScalarView(kept)).precomposedStringWithCanonicalMapping
        return composed.count == 1 ? composed.first : nil
    }

    /// `a`–`z`, `0`–`9`, or a Latin letter with its diacritics removed.
    private static func asciiLetterOrDigit(_ character: Character) -> String? {
        let base = character.unicodeScalars.first!
        if base.isASCII {
            return (("a"..."z").contains(base) || ("0"..."9").contains(base)) ? String(base) : nil
        }
        let stripped = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x0300...0x036F).contains($0.value) }
        guard stripped.count == 1, let scalar = stripped.first, scalar.isASCII,
              ("a"..."z").contains(scalar) else { return nil }
        return String(scalar)
    }

    /// Makes anchors unique within one version: the second `x` becomes `x-2`.
    public struct Deduplicator {
        private var seen: [String: Int] = [:]
        private var used: Set<String> = []

        public init() {}

        /// Marks an anchor as taken without handing it out (an explicit `{#anchor}`).
        public mutating func reserve(_ anchor: String) {
            used.insert(anchor)
        }

        public mutating func unique(_ slug: String) -> String {
            guard used.contains(slug) else {
                used.insert(slug)
                seen[slug] = 1
                return slug
            }
            var count = seen[slug, default: 1]
            var candidate: String
            repeat {
                count += 1
                candidate = "\(slug)-\(count)"
            } while used.contains(candidate)
            seen[slug] = count
            used.insert(candidate)
            return candidate
        }
    }
}
