import Diagnostics
import DocumentModel
import EDTF
import Localisation

/// A resolved version as the build record keeps it: its front matter, typed,
/// and its body as a `BodySummary`. Read back, it is a `Version` with no body
/// that plans, outlines and checks across entries as the whole one does; an
/// incremental build reads it for entries it does not read again.
enum VersionSummary {
    static func encoded(_ version: Version) -> [UInt8] {
        var writer = ByteWriter()
        encode(version, &writer)
        return writer.bytes
    }

    static func encode(_ version: Version, _ writer: inout ByteWriter) {
        encodeFrontMatter(version, &writer)
        writer.strings(version.citedSources)
        let body = summary(of: version)
        writer.integer(body.estimatedSize)
        writer.strings(body.anchors)
        writer.strings(body.links.map(\.rawValue))
        writer.strings(body.citations)
        writer.integer(body.images.count)
        for image in body.images {
            writer.string(image.reference.path)
            writer.media(image.reference.resolution)
            writer.string(image.alt)
            writer.range(image.range)
        }
    }

    /// The front matter with every range; `VersionExports` hashes it too.
    static func encodeFrontMatter(_ version: Version, _ writer: inout ByteWriter) {
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
            writer.fact(fact.value)
        }
    }

    static func decode(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Version {
        var version = Version(id: EntryID(try reader.string()), language: LanguageTag(try reader.string()), path: try reader.string())
        version.kind = try reader.optional { reader throws(ByteReader.Malformed) in
            Located(try reader.string(), range: try reader.range())
        }
        version.title = try reader.string()
        version.titleRange = try reader.optional { reader throws(ByteReader.Malformed) in try reader.range() }
        version.sort = try reader.optional { reader throws(ByteReader.Malformed) in try reader.string() }
        version.aliases = try reader.strings()
        version.summary = try reader.optional { reader throws(ByteReader.Malformed) in try reader.string() }
        version.categories = try reader.optional { reader throws(ByteReader.Malformed) in
            Located(try reader.strings(), range: try reader.range())
        }
        version.isDraft = try reader.integer() == 1
        version.translatedFrom = try reader.optional { reader throws(ByteReader.Malformed) in LanguageTag(try reader.string()) }
        version.facts = try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
            let field = try reader.string()
            let range = try reader.range()
            return Fact(field: field, value: try reader.fact(), range: range)
        }
        version.citedSources = try reader.strings()
        version.bodySummary = BodySummary(
            estimatedSize: try reader.integer(), anchors: try reader.strings(),
            links: try reader.strings().map { EntryID($0) }, citations: try reader.strings(),
            images: try (0..<reader.count()).map { _ throws(ByteReader.Malformed) in
                ImageUse(reference: MediaReference(path: try reader.string(), resolution: try reader.media()),
                         alt: try reader.string(), range: try reader.range())
            })
        return version
    }

    /// The body's summary: kept, or made from the body.
    static func summary(of version: Version) -> BodySummary {
        if let summary = version.bodySummary { return summary }
        var links: [EntryID] = []
        var citations: [String] = []
        version.forEachInline { inline in
            switch inline.kind {
            case .wikiLink(let link): links.append(link.target)
            case .citation(let items): citations += items.map(\.key)
            case .text, .emphasis, .strong, .strikethrough, .code, .softBreak, .lineBreak, .externalLink, .image,
                 .footnoteReference:
                break
            }
        }
        return BodySummary(
            estimatedSize: version.estimatedSize, anchors: version.sectionAnchors, links: links, citations: citations,
            images: version.images)
    }
}

extension ByteWriter {
    mutating func range(_ range: SourceRange) {
        for value in [range.start.line, range.start.column, range.end.line, range.end.column] { integer(value) }
    }

    mutating func fact(_ value: FactValue) {
        switch value {
        case .text(let text): integer(0); string(text)
        case .date(let date): integer(1); string(date.description)
        case .number(let number, let written): integer(2); integer(Int(bitPattern: UInt(number.bitPattern))); string(written)
        case .geo(let latitude, let longitude):
            integer(3)
            integer(Int(bitPattern: UInt(latitude.bitPattern)))
            integer(Int(bitPattern: UInt(longitude.bitPattern)))
        case .link(let link): integer(4); string(link.target.rawValue); range(link.range)
        case .links(let links):
            integer(5)
            integer(links.count)
            for link in links { string(link.target.rawValue); range(link.range) }
        case .enumeration(let name): integer(6); string(name)
        case .sources(let keys): integer(7); strings(keys)
        }
    }

    mutating func media(_ resolution: MediaResolution) {
        switch resolution {
        case .unresolved: integer(0)
        case .file(let path, let mediaType): integer(1); string(path); string(mediaType)
        case .missing(.notFound): integer(2)
        case .missing(.unsupportedType(let type)): integer(3); string(type)
        case .missing(.leavesSourceTree): integer(4)
        case .missing(.external): integer(5)
        }
    }
}

extension ByteReader {
    /// Lines, columns and sizes a real file can have: nothing read from a record can overflow the arithmetic on them.
    static let positions = 0...Int(Int32.max)
    static let sizes = 0...(1 << 40)

    mutating func range() throws(Malformed) -> SourceRange {
        let values = [try integer(), try integer(), try integer(), try integer()]
        guard values.allSatisfy(Self.positions.contains) else { throw Malformed() }
        return SourceRange(start: SourcePosition(line: values[0], column: values[1]),
                           end: SourcePosition(line: values[2], column: values[3]))
    }

    /// Links come back unresolved: the resolver resolves them again.
    mutating func fact() throws(Malformed) -> FactValue {
        switch try integer() {
        case 0: return .text(try string())
        case 1:
            let text = try string()
            guard let date = try? EDTFValue.parse(text) else { throw Malformed() }
            return .date(date)
        case 2:
            let bits = UInt64(UInt(bitPattern: try integer()))
            return .number(Double(bitPattern: bits), written: try string())
        case 3:
            let latitude = Double(bitPattern: UInt64(UInt(bitPattern: try integer())))
            return .geo(latitude: latitude, longitude: Double(bitPattern: UInt64(UInt(bitPattern: try integer()))))
        case 4: return .link(FactLink(target: EntryID(try string()), range: try range()))
        case 5:
            return .links(try (0..<count()).map { _ throws(Malformed) in FactLink(target: EntryID(try string()), range: try range()) })
        case 6: return .enumeration(try string())
        case 7: return .sources(try strings())
        default: throw Malformed()
        }
    }

    mutating func media() throws(Malformed) -> MediaResolution {
        switch try integer() {
        case 0: return .unresolved
        case 1: return .file(path: try string(), mediaType: try string())
        case 2: return .missing(.notFound)
        case 3: return .missing(.unsupportedType(try string()))
        case 4: return .missing(.leavesSourceTree)
        case 5: return .missing(.external)
        default: throw Malformed()
        }
    }
}
