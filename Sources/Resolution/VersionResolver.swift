import Diagnostics
import DocumentModel

/// Resolves the references of one version: wiki-links, citations (numbered
/// in order of first citation) and media paths.
struct VersionResolver {
    let targets: TargetIndex
    let bibliography: Bibliography
    let files: Set<String>
    let language: LanguageTag
    private var cited: [String] = []

    init(targets: TargetIndex, bibliography: Bibliography, files: Set<String>, language: LanguageTag) {
        self.targets = targets
        self.bibliography = bibliography
        self.files = files
        self.language = language
    }

    mutating func resolve(_ version: Version, kind: KindSchema?) -> Version {
        var version = version
        var this = self
        let rewrite = { (block: Block) -> Block in
            block.rewritten(inline: { this.resolve($0) }, media: { this.resolveMedia($0) })
        }
        version.body = version.body.map(rewrite)
        version.footnotes = version.footnotes.map { footnote in
            var footnote = footnote
            footnote.blocks = footnote.blocks.map(rewrite)
            return footnote
        }
        version.facts = version.facts.map { fact in
            var fact = fact
            fact.value = targets.resolve(fact.value, field: kind?.field(fact.field), language: language)
            if case .sources(let keys) = fact.value {
                for key in keys where bibliography[key] != nil && !this.cited.contains(key) { this.cited.append(key) }
            }
            return fact
        }
        version.citedSources = this.cited
        self = this
        return version
    }

    private mutating func resolve(_ inline: Inline) -> Inline {
        var inline = inline
        switch inline.kind {
        case .wikiLink(var link):
            link.resolution = targets.resolve(link.target, section: link.section, language: language)
            inline.kind = .wikiLink(link)
        case .citation(let items):
            inline.kind = .citation(items.map { item in
                var item = item
                if bibliography[item.key] != nil {
                    if !cited.contains(item.key) { cited.append(item.key) }
                    item.resolution = .source(number: cited.firstIndex(of: item.key)! + 1)
                } else {
                    item.resolution = .unknown(suggestion: NearMiss.closest(to: item.key, in: bibliography.keys))
                }
                return item
            })
        case .text, .emphasis, .strong, .strikethrough, .code, .softBreak, .lineBreak, .externalLink, .image,
             .footnoteReference:
            break
        }
        return inline
    }

    private func resolveMedia(_ reference: MediaReference) -> MediaReference {
        var reference = reference
        reference.resolution = MediaPath.resolve(reference.path, files: files)
        return reference
    }
}

/// Media paths are relative to the source tree's root and may not leave it.
enum MediaPath {
    static func resolve(_ written: String, files: Set<String>) -> MediaResolution {
        if written.contains("://") || written.hasPrefix("//") || written.hasPrefix("data:") { return .missing(.external) }
        if written.hasPrefix("/") { return .missing(.leavesSourceTree) }
        var parts: [Substring] = []
        for part in written.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return .missing(.leavesSourceTree) }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        let path = parts.joined(separator: "/")
        let fileExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard parts.count > 1 || !path.isEmpty, let mediaType = Resolver.mediaTypes[fileExtension] else {
            return .missing(.unsupportedType(fileExtension))
        }
        guard files.contains(path) else {
            let candidates = files.filter { Resolver.mediaTypes[$0.split(separator: ".").last.map { $0.lowercased() } ?? ""] != nil }
            return .missing(.notFound(suggestion: NearMiss.closest(to: path, in: candidates)))
        }
        return .file(path: path, mediaType: mediaType)
    }
}
