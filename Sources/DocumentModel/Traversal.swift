import Diagnostics

/// Walking and rewriting bodies without repeating the shape of every case.
extension Block {
    /// Calls `visit` on every inline inside, nested ones included, depth first.
    public func forEachInline(_ visit: (Inline) -> Void) {
        switch kind {
        case .paragraph(let inlines): inlines.forEach { $0.forEach(visit) }
        case .heading(let heading): heading.content.forEach { $0.forEach(visit) }
        case .blockQuote(let blocks): blocks.forEach { $0.forEachInline(visit) }
        case .list(let list): list.items.forEach { $0.forEach { $0.forEachInline(visit) } }
        case .table(let table):
            table.header.forEach { $0.forEach { $0.forEach(visit) } }
            table.rows.forEach { $0.forEach { $0.forEach { $0.forEach(visit) } } }
        case .codeBlock, .thematicBreak, .figure: break
        }
    }

    /// A copy with `inline` applied to every inline (children first),
    /// `media` to every image reference, figures' included, and `figure` to
    /// every figure after its image.
    public func rewritten(
        inline: (Inline) -> Inline, media: (MediaReference) -> MediaReference, figure: (Figure) -> Figure = { $0 }
    ) -> Block {
        func inlines(_ list: [Inline]) -> [Inline] { list.map { $0.rewritten(inline: inline, media: media) } }
        func blocks(_ list: [Block]) -> [Block] { list.map { $0.rewritten(inline: inline, media: media, figure: figure) } }
        var copy = self
        switch kind {
        case .paragraph(let content): copy.kind = .paragraph(inlines(content))
        case .heading(var heading):
            heading.content = inlines(heading.content)
            copy.kind = .heading(heading)
        case .blockQuote(let content): copy.kind = .blockQuote(blocks(content))
        case .list(var list):
            list.items = list.items.map(blocks)
            copy.kind = .list(list)
        case .table(var table):
            table.header = table.header.map(inlines)
            table.rows = table.rows.map { $0.map(inlines) }
            copy.kind = .table(table)
        case .figure(var value):
            value.image = media(value.image)
            copy.kind = .figure(figure(value))
        case .codeBlock, .thematicBreak: break
        }
        return copy
    }
}

extension Inline {
    public func forEach(_ visit: (Inline) -> Void) {
        visit(self)
        switch kind {
        case .emphasis(let children), .strong(let children), .strikethrough(let children):
            children.forEach { $0.forEach(visit) }
        case .externalLink(_, _, let children): children.forEach { $0.forEach(visit) }
        case .wikiLink(let link): link.content?.forEach { $0.forEach(visit) }
        case .text, .code, .softBreak, .lineBreak, .image, .citation, .footnoteReference: break
        }
    }

    public func rewritten(inline: (Inline) -> Inline, media: (MediaReference) -> MediaReference) -> Inline {
        func children(_ list: [Inline]) -> [Inline] { list.map { $0.rewritten(inline: inline, media: media) } }
        var copy = self
        switch kind {
        case .emphasis(let content): copy.kind = .emphasis(children(content))
        case .strong(let content): copy.kind = .strong(children(content))
        case .strikethrough(let content): copy.kind = .strikethrough(children(content))
        case .externalLink(let url, let title, let content): copy.kind = .externalLink(url: url, title: title, content: children(content))
        case .wikiLink(var link):
            link.content = link.content.map(children)
            copy.kind = .wikiLink(link)
        case .image(let reference, let alt, let title): copy.kind = .image(media(reference), alt: alt, title: title)
        case .text, .code, .softBreak, .lineBreak, .citation, .footnoteReference: break
        }
        return inline(copy)
    }
}

extension Version {
    /// Every block, the footnotes' included.
    public var allBlocks: [Block] { body + footnotes.flatMap(\.blocks) }

    /// Calls `visit` on every inline of the body and footnotes.
    public func forEachInline(_ visit: (Inline) -> Void) {
        allBlocks.forEach { $0.forEachInline(visit) }
    }

    /// Entries this version links to, from its body and its facts.
    public var linkedEntries: Set<EntryID> {
        var ids: Set<EntryID> = []
        forEachInline { inline in
            if case .wikiLink(let link) = inline.kind { ids.insert(link.target) }
        }
        for fact in facts {
            switch fact.value {
            case .link(let link): ids.insert(link.target)
            case .links(let links): links.forEach { ids.insert($0.target) }
            case .text, .date, .number, .geo, .enumeration, .sources: break
            }
        }
        return ids
    }

    /// Every image, figures and images in running text alike.
    public var images: [ImageUse] {
        var found: [ImageUse] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .figure(let figure):
                    found.append(ImageUse(reference: figure.image, alt: figure.alt, range: block.range, isFigure: true))
                case .blockQuote(let inner): visit(inner)
                case .list(let list): list.items.forEach(visit)
                case .paragraph, .heading, .table:
                    block.forEachInline { inline in
                        if case .image(let reference, let alt, _) = inline.kind {
                            found.append(ImageUse(reference: reference, alt: alt, range: inline.range))
                        }
                    }
                case .codeBlock, .thematicBreak: break
                }
            }
        }
        visit(allBlocks)
        return found
    }
}

/// An image as used in a version: what it names, its alt text and where.
public struct ImageUse: Hashable, Sendable, Codable {
    public var reference: MediaReference
    public var alt: String
    public var range: SourceRange
    /// A figure (an image alone in its paragraph), not an image in running text.
    public var isFigure: Bool

    public init(reference: MediaReference, alt: String, range: SourceRange, isFigure: Bool = false) {
        self.reference = reference
        self.alt = alt
        self.range = range
        self.isFigure = isFigure
    }
}
