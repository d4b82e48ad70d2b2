import DocumentModel
import NativeBridge

/// An entry's version on a plaque: its headword, its kind's label and its region's headword, in one language.
public struct PlaqueVersion: Sendable, Hashable {
    public var language: LanguageTag
    public var title: String
    public var kind: String
    public var region: String?

    public init(language: LanguageTag, title: String, kind: String, region: String?) {
        self.language = language
        self.title = title
        self.kind = kind
        self.region = region
    }
}

/// Writes the documents plaque.xsl reads: one `plaque` per entry, and the
/// `plaques` of an edition's print sheet (xml-vocabulary.md).
public enum PlaqueSerialiser {
    /// The light margin around a QR code, in modules: four, as the standard asks.
    public static let quietZone = 4

    public static func plaque(
        edition: String, id: EntryID, address: String, code: QRCode, quietZone: Int, versions: [PlaqueVersion]
    ) -> [UInt8] {
        let xml = XMLTreeBuilder(root: "plaque", namespace: BookVocabulary.namespace, attributes: [
            ("xml:lang", versions.first?.language.rawValue ?? "und"), ("edition", edition), ("id", id.rawValue),
        ])
        xml.element("address", text: address)
        xml.element("qr", [
            ("modules", String(code.size + 2 * quietZone)), ("correction", code.correction.letter), ("path", code.pathData(quietZone: quietZone)),
        ])
        for version in versions {
            var attributes = [("language", version.language.rawValue), ("title", version.title), ("kind", version.kind)]
            if let region = version.region { attributes.append(("region", region)) }
            xml.element("version", attributes)
        }
        return xml.finish().serialized()
    }

    /// An edition's plaques (`plaque` documents) under one `plaques`, for the print sheet.
    public static func sheet(edition: String, plaques: [[UInt8]]) -> [UInt8] {
        let xml = XMLTreeBuilder(root: "plaques", namespace: BookVocabulary.namespace, attributes: [("edition", edition)])
        let end = Array("</plaques>\n".utf8)
        var bytes = Array(xml.finish().serialized())
        // `<plaques …/>\n` when empty: opened again so the plaques go inside.
        if bytes.suffix(3) == Array("/>\n".utf8) {
            bytes = Array(bytes.dropLast(3)) + Array(">".utf8)
        } else {
            bytes = Array(bytes.dropLast(end.count))
        }
        for plaque in plaques {
            // Each without its XML declaration.
            let start = plaque.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            bytes += plaque[start...]
        }
        return bytes + end
    }
}
