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
        VersionSummary.encodeFrontMatter(version, &writer)
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
