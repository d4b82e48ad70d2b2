import Diagnostics

/// A block of an entry's body. Every block keeps the range it was read from.
public struct Block: Hashable, Sendable, Codable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Hashable, Sendable, Codable {
        case paragraph([Inline])
        case heading(Heading)
        case blockQuote([Block])
        case list(List)
        case codeBlock(language: String, code: String)
        case thematicBreak
        case table(Table)
        /// An image standing alone in its paragraph.
        case figure(Figure)
    }
}

public struct Heading: Hashable, Sendable, Codable {
    /// 2 for `##`; a level-1 heading is a markup error and never reaches a build.
    public var level: Int
    public var content: [Inline]
    /// The anchor links use: the explicit `{#anchor}` or else the heading's slug.
    public var anchor: String
    public var hasExplicitAnchor: Bool

    public init(level: Int, content: [Inline], anchor: String, hasExplicitAnchor: Bool) {
        self.level = level
        self.content = content
        self.anchor = anchor
        self.hasExplicitAnchor = hasExplicitAnchor
    }
}

public struct List: Hashable, Sendable, Codable {
    public var isOrdered: Bool
    public var start: Int
    public var isTight: Bool
    public var items: [[Block]]

    public init(isOrdered: Bool, start: Int, isTight: Bool, items: [[Block]]) {
        self.isOrdered = isOrdered
        self.start = start
        self.isTight = isTight
        self.items = items
    }
}

public struct Table: Hashable, Sendable, Codable {
    public enum Alignment: Hashable, Sendable, Codable { case none, left, center, right }

    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]

    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

public struct Figure: Hashable, Sendable, Codable {
    public var image: MediaReference
    /// Alternative text for readers who cannot see the image; required.
    public var alt: String
    public var caption: String?

    public init(image: MediaReference, alt: String, caption: String?) {
        self.image = image
        self.alt = alt
        self.caption = caption
    }
}

/// An inline node of a paragraph, heading or cell, with its source range.
public struct Inline: Hashable, Sendable, Codable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Hashable, Sendable, Codable {
        case text(String)
        case emphasis([Inline])
        case strong([Inline])
        case strikethrough([Inline])
        case code(String)
        case softBreak
        case lineBreak
        /// `[text](https://…)` or an autolink.
        case externalLink(url: String, title: String, content: [Inline])
        /// An image inside running text (not alone in a paragraph).
        case image(MediaReference, alt: String, title: String)
        /// `[[id]]`, `[[id|text]]`, `[[id#section]]`.
        case wikiLink(WikiLink)
        /// `[@key]`, `[@key, locator]`, `[@a; @b, 12-б.]`.
        case citation([CitationItem])
        /// `[^label]`.
        case footnoteReference(label: String)
    }
}

extension Inline {
    /// The text a reader sees, without markup: for headings' slugs and previews.
    public var plainText: String {
        switch kind {
        case .text(let text), .code(let text): text
        case .emphasis(let content), .strong(let content), .strikethrough(let content): content.plainText
        case .externalLink(_, _, let content): content.plainText
        case .softBreak, .lineBreak: " "
        case .image(_, let alt, _): alt
        case .wikiLink(let link): link.content?.plainText ?? link.resolution.title ?? link.target.rawValue
        case .citation, .footnoteReference: ""
        }
    }
}

extension [Inline] {
    public var plainText: String { map(\.plainText).joined() }
}
