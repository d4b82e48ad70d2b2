import CLibXML
import Foundation

/// What an SVG file holds that a book must not carry, read by libxml2 with
/// Asyl's parser options (no entity substituted, no DTD loaded, no network).
/// Only what is found is reported; what to make of it is the caller's.
public struct SVGScan: Sendable, Equatable {
    /// libxml2's words when the file is not well-formed XML (nothing else is then known).
    public var notWellFormed: String?
    /// The root element's name, when it is not `svg`.
    public var otherRoot: String?
    /// `script` and `foreignObject` elements, by name, in document order.
    public var activeElements: [String] = []
    /// `on…` attributes (event handlers), by name.
    public var eventAttributes: [String] = []
    /// Addresses outside the file: an `href` (or one an animation sets) that
    /// is not `#…` or an embedded raster image, a `url(…)` or `@import` in a
    /// style or a presentation attribute, an `xml-stylesheet` instruction.
    public var externalReferences: [String] = []
    /// Whether the DOCTYPE has an internal subset (entity or other declarations).
    public var declarations = false

    public static func scan(_ bytes: [UInt8]) -> SVGScan {
        var scan = SVGScan()
        let parsed: XMLDocument
        do {
            parsed = try XMLDocument.parse(bytes, url: "image.svg")
        } catch {
            scan.notWellFormed = error.problems.first.map { "line \($0.line): \($0.text)" } ?? error.details ?? error.message
            return scan
        }
        let document = parsed.pointer
        scan.declarations = [document.pointee.intSubset, document.pointee.extSubset].contains { subset in
            subset?.pointee.children != nil
        }
        // Nothing more is read: the content of a node that refers to an entity would be expanded without limit.
        guard !scan.declarations else { return scan }
        var node = document.pointee.children
        while let current = node {
            switch current.pointee.type {
            case XML_PI_NODE:
                // `<?xml-stylesheet href="…"?>`: a style from elsewhere.
                if Self.name(current.pointee.name) == "xml-stylesheet" {
                    let data = Self.content(current)
                    let address = data.firstMatch(of: /href\s*=\s*["']([^"']*)["']/).map { String($0.1) } ?? data
                    if !Self.isInFile(address) { scan.externalReferences.append(address) }
                }
            case XML_ELEMENT_NODE:
                let rootName = Self.name(current.pointee.name)
                if rootName != "svg" { scan.otherRoot = rootName }
                scan.walk(current)
            default:
                break
            }
            node = current.pointee.next
        }
        return scan
    }

    /// Elements that set another attribute's value over time (SMIL animation).
    private static let animations: Set<String> = ["set", "animate", "animateMotion", "animateTransform", "animateColor"]

    private mutating func walk(_ element: xmlNodePtr) {
        let name = Self.name(element.pointee.name)
        if name == "script" || name == "foreignObject" { activeElements.append(name) }
        var values: [String: String] = [:]
        var attribute = element.pointee.properties
        while let current = attribute {
            let attributeName = Self.name(current.pointee.name)
            let value = Self.content(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            values[attributeName] = value
            if attributeName.lowercased().hasPrefix("on") { eventAttributes.append(attributeName) }
            if attributeName == "href" || attributeName == "src", !Self.isInFile(value) { externalReferences.append(value) }
            // `style`, and every presentation attribute (`fill`, `filter`, `mask`, `cursor`…), may hold `url(…)`.
            checkStyle(value)
            attribute = current.pointee.next
        }
        // An animation may set an address or an event handler: `<set attributeName="href" to="javascript:…"/>`.
        if Self.animations.contains(name), let target = values["attributeName"].map({ $0.split(separator: ":").last.map(String.init) ?? $0 }) {
            if target.lowercased().hasPrefix("on") { eventAttributes.append(target) }
            if target == "href" || target == "src" {
                let set = ["to", "from", "by"].compactMap { values[$0] } + (values["values"]?.split(separator: ";").map(String.init) ?? [])
                externalReferences += set.filter { !Self.isInFile($0) }
            }
        }
        var child = element.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: walk(current)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: if name == "style" { checkStyle(Self.content(current)) }
            default: break
            }
            child = current.pointee.next
        }
    }

    /// `url(…)` to anything but a fragment of this file or an embedded raster image, and
    /// `@import`; CSS names are read in any case, and CSS escapes in them are refused.
    private mutating func checkStyle(_ css: String) {
        // Most values (path data, numbers, colours) have neither; they are not read again.
        guard css.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "@") }) else { return }
        let lowered = css.lowercased()
        if lowered.contains("@import") { externalReferences.append("@import") }
        if lowered.contains("\\") && (lowered.contains("(") || lowered.contains("@")) { externalReferences.append(css) }
        let characters = Array(css)
        var index = 0
        while index + 4 <= characters.count {
            guard String(characters[index..<(index + 4)]).lowercased() == "url(" else {
                index += 1
                continue
            }
            var end = index + 4
            while end < characters.count, characters[end] != ")" { end += 1 }
            let address = String(characters[(index + 4)..<end]).trimmingCharacters(in: " \t\n\"'")
            if !Self.isInFile(address) { externalReferences.append(address) }
            index = end
        }
    }

    /// A fragment of the file itself, or a PNG, JPEG or GIF embedded as a `data:` address.
    static func isInFile(_ address: String) -> Bool {
        let trimmed = address.trimmingCharacters(in: " \t\n")
        if trimmed.hasPrefix("#") { return true }
        let lowered = trimmed.lowercased()
        return ["data:image/png", "data:image/jpeg", "data:image/gif"].contains { lowered.hasPrefix($0 + ";") || lowered.hasPrefix($0 + ",") }
    }

    private static func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func content(_ node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { asyl_xmlFree(text) }
        return String(cString: text)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String { Substring(self).trimmingCharacters(in: set) }
}
