import Crypto
import Diagnostics
import DocumentModel

/// A hash of everything about a version that reaches beyond its own file:
/// its front matter with every range (headwords, facts and the findings about
/// them, indexes, chronology, the entry's merged facts), its section anchors,
/// what it links to and cites, and the images it shows. Two states of a file
/// with the same exports differ only in what its own entry's rendering and
/// its own findings show, which is what lets `IncrementalBuild` read that
/// file alone. (Its size, which decides where chunks are cut, is checked apart.)
enum VersionExports {
    static func hash(_ version: Version) -> [UInt8] {
        var writer = ByteWriter()
        writer.string(version.id.rawValue)
        writer.string(version.language.rawValue)
        writer.string(version.path)
        writer.optional(version.kind) { $0.string($1.value); $0.range($1.range) }
        writer.string(version.title)
        writer.optional(version.titleRange) { $0.range($1) }
        writer.optional(version.sort) { $0.string($1) }
        writer.strings(version.aliases)
        writer.optional(version.summary) { $0.string($1) }
        writer.optional(version.categories) { $0.strings($1.value); $0.range($1.range) }
        writer.integer(version.isDraft ? 1 : 0)
        writer.optional(version.translatedFrom) { $0.string($1.rawValue) }
        writer.integer(version.facts.count)
        for fact in version.facts {
            writer.string(fact.field)
            writer.range(fact.range)
            writer.value(fact.value)
        }
        writer.strings(version.sectionAnchors)
        version.forEachInline { inline in
            switch inline.kind {
            case .wikiLink(let link):
                writer.string("link")
                writer.string(link.target.rawValue)
                writer.optional(link.section) { $0.string($1) }
            case .citation(let items):
                for item in items {
                    writer.string("cite")
                    writer.string(item.key)
                }
            case .text, .emphasis, .strong, .strikethrough, .code, .softBreak, .lineBreak, .externalLink, .image,
                 .footnoteReference:
                break
            }
        }
        for image in version.images {
            writer.string("image")
            writer.string(image.reference.path)
        }
        return Array(SHA256.hash(data: writer.bytes))
    }
}

extension ByteWriter {
    fileprivate mutating func value(_ value: FactValue) {
        switch value {
        case .text(let text): string("text"); string(text)
        case .date(let date): string("date"); string(date.description)
        case .number(let number, let written): string("number"); integer(Int(bitPattern: UInt(number.bitPattern))); string(written)
        case .geo(let latitude, let longitude):
            string("geo")
            integer(Int(bitPattern: UInt(latitude.bitPattern)))
            integer(Int(bitPattern: UInt(longitude.bitPattern)))
        case .link(let link): string("link"); string(link.target.rawValue); range(link.range)
        case .links(let links):
            string("links")
            for link in links { string(link.target.rawValue); range(link.range) }
        case .enumeration(let name): string("enum"); string(name)
        case .sources(let keys): string("sources"); strings(keys)
        }
    }
}
