import CLibXML
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A compiled XSLT 1.0 stylesheet (libxslt, with EXSLT). Compile once and
/// transform many documents, from any thread: each transform has its own context.
public final class XSLTStylesheet: @unchecked Sendable {
    private let pointer: xsltStylesheetPtr

    /// Compiles the stylesheet at `path` (its imports are resolved against it).
    public init(path: String) throws(XMLError) {
        pointer = try XMLLibrary.collectingMessages { messages throws(XMLError) in
            guard let document = xmlReadFile(path, nil, XMLLibrary.parseOptions) else {
                let details = XMLLibrary.text(messages)
                throw XMLError(message: "cannot read stylesheet \(path): \(details)", details: details)
            }
            guard !XMLLibrary.declaresEntities(document) else {
                xmlFreeDoc(document)
                throw XMLError(message: "stylesheet \(XMLLibrary.refusal(path))")
            }
            // On success the stylesheet owns the document and frees it with itself.
            guard let stylesheet = xsltParseStylesheetDoc(document) else {
                xmlFreeDoc(document)
                let details = XMLLibrary.text(messages)
                throw XMLError(message: "stylesheet \(path) does not compile: \(details)", details: details)
            }
            return stylesheet
        }
    }

    deinit { xsltFreeStylesheet(pointer) }

    /// Transforms `document`; `parameters` are passed as strings (quoted for XPath
    /// by libxslt). Returns the result serialised as its `xsl:output` says.
    public func transform(_ document: XMLDocument, parameters: [(String, String)] = []) throws(XMLError) -> [UInt8] {
        try XMLLibrary.collectingMessages { messages throws(XMLError) in
            guard let context = xsltNewTransformContext(pointer, document.pointer) else {
                throw XMLError(message: "cannot start a transformation")
            }
            defer {
                let shared = XMLLibrary.keepShared(context)
                xsltFreeTransformContext(context)
                withExtendedLifetime(shared) {}
            }
            xsltSetCtxtSecurityPrefs(xsltGetDefaultSecurityPrefs(), context)
            asyl_collect_transform_messages(context, messages)
            // What the transform reads with document() is parsed as Asyl parses (libxslt's default
            // would substitute entities and load DTDs).
            context.pointee.parserOptions = XMLLibrary.parseOptions
            let strings = parameters.flatMap { [strdup($0.0), strdup($0.1)] } + [nil]
            defer { strings.forEach { free($0) } }
            var constants = strings.map { UnsafePointer($0) }
            let quoted = constants.withUnsafeMutableBufferPointer { xsltQuoteUserParams(context, $0.baseAddress) }
            guard quoted == 0 else { throw XMLError(message: "bad stylesheet parameters: \(XMLLibrary.text(messages))") }
            guard let result = xsltApplyStylesheetUser(pointer, document.pointer, nil, nil, nil, context),
                  context.pointee.state == XSLT_STATE_OK
            else {
                let details = XMLLibrary.text(messages)
                throw XMLError(message: "the transformation failed: \(details)", details: details)
            }
            defer { xmlFreeDoc(result) }
            // An html output (whichever module of the stylesheet says so) is an HTML document.
            if result.pointee.type == XML_HTML_DOCUMENT_NODE, let root = xmlDocGetRootElement(result) {
                Self.outOfNamespaces(root)
            }
            var buffer: UnsafeMutablePointer<xmlChar>?
            var length: Int32 = 0
            guard xsltSaveResultToString(&buffer, &length, result, pointer) == 0, let buffer else {
                throw XMLError(message: "cannot serialise the result: \(XMLLibrary.text(messages))")
            }
            defer { asyl_xmlFree(buffer) }
            return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
        }
    }
}

extension XSLTStylesheet {
    /// HTML output of a result made in the XHTML namespace, as the shared
    /// templates make it: every element is taken out of its namespace and
    /// attributes of other vocabularies (`epub:type`; `xml:lang`, where HTML
    /// has `lang`) are left out, so that libxml2 writes plain HTML (an HTML
    /// parser puts `svg` and `math` back in their namespaces).
    static func outOfNamespaces(_ element: xmlNodePtr) {
        element.pointee.ns = nil
        var attribute = element.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            if current.pointee.ns != nil { xmlRemoveProp(current) }
        }
        var child = element.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { outOfNamespaces(current) }
            child = current.pointee.next
        }
        // Declared here and, with the references above gone, used nowhere.
        if let declarations = element.pointee.nsDef {
            element.pointee.nsDef = nil
            xmlFreeNsList(declarations)
        }
    }
}

/// A RELAX NG schema, for tests and `asyl` itself to validate what it writes.
public final class RelaxNGSchema: @unchecked Sendable {
    private let pointer: xmlRelaxNGPtr

    public init(path: String) throws(XMLError) {
        // Read here, not through libxml2's loader, which opens only the stylesheets' folders.
        guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
            throw XMLError(message: "cannot read schema \(path)")
        }
        pointer = try XMLLibrary.collectingMessages { messages throws(XMLError) in
            // The parser reads the bytes in place, until it has parsed them.
            let schema = bytes.withUnsafeBufferPointer { buffer -> xmlRelaxNGPtr? in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
                    guard let parser = xmlRelaxNGNewMemParserCtxt(text, Int32(buffer.count)) else { return nil }
                    defer { xmlRelaxNGFreeParserCtxt(parser) }
                    asyl_collect_relaxng_parser_messages(parser, messages)
                    return xmlRelaxNGParse(parser)
                }
            }
            guard let schema else { throw XMLError(message: "schema \(path) does not compile: \(XMLLibrary.text(messages))") }
            return schema
        }
    }

    deinit { xmlRelaxNGFree(pointer) }

    /// Nil when valid, else what libxml2 says is wrong.
    public func validate(_ document: XMLDocument) -> String? {
        do {
            return try XMLLibrary.collectingMessages { messages throws(XMLError) -> String? in
                guard let context = xmlRelaxNGNewValidCtxt(pointer) else { return "cannot start validation" }
                defer { xmlRelaxNGFreeValidCtxt(context) }
                asyl_collect_relaxng_messages(context, messages)
                return xmlRelaxNGValidateDoc(context, document.pointer) == 0 ? nil : XMLLibrary.text(messages)
            }
        } catch {
            return error.message
        }
    }
}
