import CLibXML
import Foundation
import Synchronization

/// Why libxml2 or libxslt refused: their own words, collected, not printed.
public struct XMLError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// The libraries' own words alone, when `message` adds Asyl's before them.
    public var details: String?
    public var description: String { message }

    public init(message: String, details: String? = nil) {
        self.message = message
        self.details = details
    }

    /// One thing libxslt or libxml2 found, where its words name a place:
    /// `file F line N element E` (a stylesheet's compilation or a
    /// transformation) or `F:N: parser error : …` (XML that does not read).
    public struct Problem: Sendable, Equatable {
        public var file: String
        public var line: Int
        /// The element of the stylesheet, when libxslt names one.
        public var element: String?
        /// libxslt's words about it, joined.
        public var text: String

        public init(file: String, line: Int, element: String?, text: String) {
            self.file = file
            self.line = line
            self.element = element
            self.text = text
        }
    }

    /// The problems the message names, each with its file and line, in the
    /// order found; empty when it names no place. libxslt writes a place on a
    /// line of its own with its words on the next; what an XPath expression
    /// said comes before the place it is about. So the line right after a
    /// place is that place's, and other lines belong to the next place (the
    /// last lines, to the last). libxml2's parser errors carry their words,
    /// then the source line and a caret, which are not kept.
    public var problems: [Problem] {
        var found: [(problem: Problem, words: [String])] = []
        var pending: [String] = []
        var ownWordsNext = false
        for line in (details ?? message).split(separator: "\n").map(String.init) {
            if let place = line.wholeMatch(of: /(?:compilation|runtime) error: file (.+) line ([0-9]+) element (.+)/) {
                found.append((Problem(file: String(place.1), line: Int(place.2) ?? 0, element: String(place.3), text: ""), pending))
                pending = []
                ownWordsNext = true
            } else if let place = line.wholeMatch(of: /(.+):([0-9]+): (?:parser |namespace )?error ?: (.+)/) {
                found.append((Problem(file: String(place.1), line: Int(place.2) ?? 0, element: nil, text: ""), pending + [String(place.3)]))
                pending = []
                ownWordsNext = false
            } else if found.last?.problem.element == nil && !found.isEmpty && pending.isEmpty && !ownWordsNext {
                // The source line and caret after a parser error.
                continue
            } else if !line.allSatisfy(\.isWhitespace) {
                let words = line.trimmingCharacters(in: .whitespaces)
                if ownWordsNext, !found.isEmpty { found[found.count - 1].words.append(words) } else { pending.append(words) }
                ownWordsNext = false
            }
        }
        if !pending.isEmpty, !found.isEmpty, found[found.count - 1].problem.element != nil { found[found.count - 1].words += pending }
        return found.map { entry in
            var seen: Set<String> = []
            var problem = entry.problem
            problem.text = entry.words.filter { seen.insert($0).inserted }.joined(separator: "; ")
            return problem
        }
    }
}

/// Global set-up of libxml2, libxslt and EXSLT, done once.
enum XMLLibrary {
    static let ready: Bool = {
        xmlInitParser()
        exsltRegisterAll()
        // Stylesheets may read local files (imports, string tables) and nothing
        // else: no network, no writing; outputs are written by Swift.
        let prefs = xsltNewSecurityPrefs()
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, allowOnlyReadableFolders)
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid)
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid)
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, allowOnlyAsylScheme)
        xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid)
        xsltSetDefaultSecurityPrefs(prefs)
        xmlSetExternalEntityLoader(loadEntity)
        defaultLoader = asyl_default_document_loader()
        xsltSetLoaderFunc(loadDocument)
        return true
    }()

    /// libxslt's own loader, which checks the security preferences and parses.
    nonisolated(unsafe) private static var defaultLoader: xsltDocLoaderFunc?

    /// Documents stylesheets read with document() (string tables), parsed once
    /// by URI and shared by every transform: a web edition transforms tens of
    /// thousands of small pages, and each would otherwise parse (or copy) the
    /// same tables again. libxslt frees the documents a transform loaded when
    /// it ends, except those marked as its main one: `keepShared` marks the
    /// shared ones. libxslt also numbers a loaded document's elements
    /// (`xmlXPathOrderDocElems`), writing the same numbers each time, and
    /// `xsl:key` notes on a node that it indexed it (`psvi`): concurrent
    /// transforms write the same values there, which a race detector would
    /// flag but which change nothing. The numbers are written once here first.
    private struct SharedDocuments {
        var byURI: [String: XMLDocument] = [:]
        /// The shared documents each running transform was given, by its
        /// context's address: alive until it ends, even if forgotten meanwhile.
        var given: [Int: [XMLDocument]] = [:]
    }

    private static let documents = Mutex(SharedDocuments())

    /// Forgets the documents read so far, and which paths may be read (the
    /// stylesheets or the readable folders may have changed).
    static func forgetDocuments() {
        documents.withLock { $0.byURI = [:] }
        readDecisions.withLock { $0 = [:] }
    }

    /// Every document libxslt reads for Asyl (an import, an include, a
    /// document() target) comes through here, parsed with Asyl's options
    /// whatever libxslt asks for (its own would substitute entities and load
    /// DTDs), and is refused if it declares entities.
    private static let loadDocument: xsltDocLoaderFunc = { uri, dict, _, context, type in
        guard let defaultLoader = XMLLibrary.defaultLoader, let uri else { return nil }
        let key = String(cString: uri)
        guard type == XSLT_LOAD_DOCUMENT else {
            guard let loaded = defaultLoader(uri, dict, parseOptions, context, type) else { return nil }
            guard !declaresEntities(loaded) else {
                xmlFreeDoc(loaded)
                asyl_transform_error(nil, context?.assumingMemoryBound(to: xsltStylesheet.self), refusal(key))
                return nil
            }
            return loaded
        }
        // A stylesheet with xsl:strip-space strips what it loads (xsltApplyStripSpaces frees
        // nodes): its transforms get a copy of their own.
        let strips = context.map { xsltNeedElemSpaceHandling($0.assumingMemoryBound(to: xsltTransformContext.self)) != 0 } ?? true
        let transform = Int(bitPattern: context)
        let given = documents.withLock { shared -> XMLDocument? in
            guard let document = shared.byURI[key] else { return nil }
            if !strips { shared.given[transform, default: []].append(document) }
            return document
        }
        if let given { return strips ? xmlCopyDoc(given.pointer, 1) : given.pointer }
        // The first read of a URI goes through libxslt's loader, which parses it with the
        // transform's own dictionary; the shared copy has none.
        guard let loaded = defaultLoader(uri, dict, parseOptions, context, type) else { return nil }
        guard !declaresEntities(loaded) else {
            xmlFreeDoc(loaded)
            let transform = context?.assumingMemoryBound(to: xsltTransformContext.self)
            asyl_transform_error(transform, nil, refusal(key))
            // document() would go on with an empty node-set: the transform stops instead.
            transform?.pointee.state = XSLT_STATE_STOPPED
            return nil
        }
        guard let copy = xmlCopyDoc(loaded, 1) else { return loaded }
        xmlXPathOrderDocElems(copy)
        // Two transforms may read a URI for the first time at once: the first copy stays
        // shared (another transform may be reading it), the second is not kept.
        let kept = documents.withLock { shared -> Bool in
            guard shared.byURI[key] == nil else { return false }
            shared.byURI[key] = XMLDocument(copy)
            return true
        }
        if !kept { xmlFreeDoc(copy) }
        return loaded
    }

    /// Marks the shared documents `context` was given as not its to free, and
    /// hands them over: the caller keeps them alive until it has freed the context.
    static func keepShared(_ context: xsltTransformContextPtr) -> [XMLDocument] {
        let given = documents.withLock { $0.given.removeValue(forKey: Int(bitPattern: context)) ?? [] }
        let pointers = Set(given.map { Int(bitPattern: $0.pointer) })
        var loaded = context.pointee.docList
        while let document = loaded {
            if let pointer = document.pointee.doc, pointers.contains(Int(bitPattern: pointer)) { document.pointee.main = 1 }
            loaded = document.pointee.next
        }
        return given
    }

    /// Where `asyl:NAME` resolves, so a project's stylesheet can write
    /// `<xsl:import href="asyl:epub.xsl"/>` wherever Asyl is installed.
    /// Set once, before the first stylesheet is compiled.
    nonisolated(unsafe) static var stylesDirectory: String?

    /// Folders stylesheets may read from (imports, string tables).
    nonisolated(unsafe) static var readableFolders: [String] = []

    /// Everything not local is refused, except the `asyl:` scheme.
    private static let allowOnlyAsylScheme: xsltSecurityCheck = { _, _, value in
        guard let value else { return 0 }
        return String(cString: value).hasPrefix("asyl:") ? 1 : 0
    }

    /// Local files only inside the readable folders, after `..` and links are
    /// resolved. Asked at every document() call, so each path's answer is kept.
    private static let allowOnlyReadableFolders: xsltSecurityCheck = { _, _, value in
        guard let value else { return 0 }
        let path = String(cString: value)
        if let known = readDecisions.withLock({ $0[path] }) { return known ? 1 : 0 }
        let answer = isReadable(path)
        readDecisions.withLock { $0[path] = answer }
        return answer ? 1 : 0
    }

    private static let readDecisions = Mutex<[String: Bool]>([:])

    static func isReadable(_ path: String) -> Bool {
        readable(path.removingPercentEncoding ?? path) != nil
    }

    /// `path` (decoded) with `..` and links resolved, if that is inside a readable folder.
    static func readable(_ path: String) -> String? {
        let real = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let inside = readableFolders.contains { folder in real == folder || real.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") }
        return inside ? real : nil
    }

    /// What libxml2 opens, for every parser: the file of a document being
    /// read (a stylesheet, an import, a string table), only inside the
    /// readable folders (or Asyl's styles, as `asyl:NAME`); and, asked for
    /// from inside a document (an external entity, a DTD), nothing.
    private static let loadEntity: xmlExternalEntityLoader = { url, _, context in
        guard let url else { return nil }
        if let context, context.pointee.inputNr > 0 { return nil }
        let text = String(cString: url)
        if text.hasPrefix("asyl:") {
            guard let directory = XMLLibrary.stylesDirectory else { return nil }
            let name = String(text.dropFirst(5)).removingPercentEncoding ?? ""
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).standardizedFileURL
                .resolvingSymlinksInPath().path
            guard path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/") else { return nil }
            return xmlNewInputFromFile(context, path)
        }
        // The path checked is the path opened: decoded once, its links resolved.
        guard let path = localPath(text), let real = readable(path) else { return nil }
        return xmlNewInputFromFile(context, real)
    }

    /// The file a URI names, percent-decoded, if it names a local one.
    static func localPath(_ uri: String) -> String? {
        if uri.hasPrefix("file:") { return URL(string: uri)?.path }
        return uri.contains("://") ? nil : uri.removingPercentEncoding
    }

    /// Whether a document's DTD declares an entity (general or parameter):
    /// what Asyl reads declares none.
    static func declaresEntities(_ document: xmlDocPtr) -> Bool {
        [document.pointee.intSubset, document.pointee.extSubset].contains(where: { subset in
            guard let subset else { return false }
            return [subset.pointee.entities, subset.pointee.pentities].contains(where: { table in
                table.map { xmlHashSize(OpaquePointer($0)) > 0 } ?? false
            })
        })
    }

    static func refusal(_ uri: String) -> String {
        "\(uri) declares entities (<!ENTITY …> in a DOCTYPE): Asyl reads no entity and no DTD; remove them"
    }

    /// Parser options: no network, no entity substitution, no DTD loading.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Runs `body` with this thread's library messages collected; returns them too.
    static func collectingMessages<T>(_ body: (UnsafeMutablePointer<asyl_messages>) throws(XMLError) -> T) throws(XMLError) -> T {
        _ = ready
        let messages = UnsafeMutablePointer<asyl_messages>.allocate(capacity: 1)
        messages.initialize(to: asyl_messages())
        defer {
            asyl_collect_messages(nil)
            messages.deallocate()
        }
        asyl_collect_messages(messages)
        return try body(messages)
    }

    static func text(_ messages: UnsafeMutablePointer<asyl_messages>) -> String {
        withUnsafeBytes(of: &messages.pointee.text) { raw in
            String(decoding: raw.prefix(Int(messages.pointee.length)), as: UTF8.self)
        }.trimmingTrailingNewlines
    }
}

public enum XMLSettings {
    /// The folder `asyl:` URIs in stylesheets resolve to (Asyl's `styles/`);
    /// stylesheets may read files there and in `readable` folders, nowhere else.
    /// Set before the first stylesheet is compiled.
    public static func setStylesDirectory(_ path: String, readable: [String] = []) {
        let real = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        XMLLibrary.stylesDirectory = real(path)
        XMLLibrary.readableFolders = ([path] + readable).map(real)
        _ = XMLLibrary.ready
        XMLLibrary.forgetDocuments()
    }
}

/// An XML document owned by Swift; freed when the last reference goes.
/// Not changed once built, except that libxslt annotates a document it
/// transforms (`xmlXPathOrderDocElems`): share one between threads only to
/// read it, and give each concurrent transform its own.
public final class XMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) { self.pointer = pointer }

    deinit { xmlFreeDoc(pointer) }

    /// Parses bytes without network access, external entities or DTDs.
    public static func parse(_ bytes: [UInt8], url: String = "input.xml") throws(XMLError) -> XMLDocument {
        try XMLLibrary.collectingMessages { messages throws(XMLError) in
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), url, "UTF-8", XMLLibrary.parseOptions)
                }
            }
            guard let document else {
                let details = XMLLibrary.text(messages)
                throw XMLError(message: "not well-formed XML: \(details)", details: details)
            }
            return XMLDocument(document)
        }
    }

    /// The document as UTF-8 bytes with an XML declaration.
    public func serialized() -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        xmlDocDumpFormatMemoryEnc(pointer, &buffer, &length, "UTF-8", 0)
        defer { asyl_xmlFree(buffer) }
        guard let buffer else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
