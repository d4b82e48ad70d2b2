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
    /// Addresses outside the file: an `href` that is not `#…` or an embedded
    /// raster image, a `url(…)` or `@import` in a style.
    public var externalReferences: [String] = []
    /// Whether the DOCTYPE has an internal subset (entity or other declarations).
    public var declarations = false

    public static func scan(_ bytes: [UInt8]) -> SVGScan {
        var scan = SVGScan()
        let parsed: XMLDocument
        do {
            parsed = try XMLDocument.parse(bytes, url: "image.svg")
        } catch {
            scan.notWellFormed = error.message
            return scan
        }
        let document = parsed.pointer
        scan.declarations = [document.pointee.intSubset, document.pointee.extSubset].contains { subset in
            subset?.pointee.children != nil
        }
        guard let root = xmlDocGetRootElement(document) else {
            scan.notWellFormed = "no root element"
            return scan
        }
        let rootName = Self.name(root.pointee.name)
        if rootName != "svg" { scan.otherRoot = rootName }
        scan.walk(root)
        return scan
    }

    private mutating func walk(_ element: xmlNodePtr) {
        let name = Self.name(element.pointee.name)
        if name == "script" || name == "foreignObject" { activeElements.append(name) }
        if name == "style" { checkStyle(Self.content(element)) }
        var attribute = element.pointee.properties
        while let current = attribute {
            let attributeName = Self.name(current.pointee.name)
            let value = Self.content(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            if attributeName.lowercased().hasPrefix("on") { eventAttributes.append(attributeName) }
            if attributeName == "href" || attributeName == "src", !Self.isInFile(value) { externalReferences.append(value) }
            if attributeName == "style" { checkStyle(value) }
            attribute = current.pointee.next
        }
        var child = element.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { walk(current) }
            child = current.pointee.next
        }
    }

    /// `url(…)` to anything but a fragment of this file or an embedded raster image, and `@import`.
    private mutating func checkStyle(_ css: String) {
        if css.lowercased().contains("@import") { externalReferences.append("@import") }
        var rest = Substring(css)
        while let open = rest.range(of: "url(") {
            let inside = rest[open.upperBound...].prefix { $0 != ")" }
            let address = inside.trimmingCharacters(in: " \t\n\"'")
            if !Self.isInFile(address) { externalReferences.append(address) }
            rest = rest[open.upperBound...].dropFirst(inside.count)
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
