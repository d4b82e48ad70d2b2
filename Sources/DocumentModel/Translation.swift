import Diagnostics

/// `translated-from:`: the version this one was translated from, and,
/// once `asyl translations --mark` has written them, the fingerprints of
/// that version's sections as they were then (docs/format.md, "Translations").
public struct TranslationSource: Hashable, Sendable, Codable {
    public struct Mark: Hashable, Sendable, Codable {
        public var lead: String
        /// By anchor, in the source's order when marked.
        public var sections: [MarkedSection]

        public init(lead: String, sections: [MarkedSection]) {
            self.lead = lead
            self.sections = sections
        }
    }

    public struct MarkedSection: Hashable, Sendable, Codable {
        public var anchor: String
        public var print: String

        public init(anchor: String, print: String) {
            self.anchor = anchor
            self.print = print
        }
    }

    public var language: LanguageTag
    /// Nil for `translated-from: kk` alone: nothing to compare with.
    public var mark: Mark?
    /// The key's range: findings point at it, and `--mark` rewrites the value after it on its line.
    public var range: SourceRange

    public init(language: LanguageTag, mark: Mark?, range: SourceRange) {
        self.language = language
        self.mark = mark
        self.range = range
    }
}

/// A part of a version's body whose text a translation follows: the lead
/// (the text before the first heading) or a heading and the text under it,
/// up to the next heading.
public struct BodySection: Hashable, Sendable, Codable {
    /// The heading's anchor; nil for the lead.
    public var anchor: String?
    /// The heading's text as written; empty for the lead.
    public var title: String
    /// The heading's line, or the body's first line for the lead.
    public var line: Int
    /// A fingerprint of the section's text with runs of white space as one
    /// space, so that lines wrapped anew do not count as a change.
    public var print: String

    public init(anchor: String?, title: String, line: Int, print: String) {
        self.anchor = anchor
        self.title = title
        self.line = line
        self.print = print
    }
}
