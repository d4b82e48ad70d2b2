import CLibXML

/// Builds an XML document element by element with libxml2's tree API, so
/// escaping is libxml2's job and no markup is ever made by joining strings.
public final class XMLTreeBuilder {
    private let document: xmlDocPtr
    private let namespace: xmlNsPtr?
    private var stack: [xmlNodePtr] = []
    private var finished = false

    /// Starts a document whose root element is `root`, in `namespace` (default, no prefix).
    public init(root: String, namespace uri: String?, attributes: [(String, String)] = []) {
        _ = XMLLibrary.ready
        document = xmlNewDoc("1.0")
        let node = xmlNewDocNode(document, nil, root, nil)!
        namespace = uri.map { xmlNewNs(node, $0, nil) }
        xmlSetNs(node, namespace)
        xmlDocSetRootElement(document, node)
        stack = [node]
        for (name, value) in attributes { attribute(name, value) }
    }

    deinit {
        if !finished { xmlFreeDoc(document) }
    }

    /// Opens a child element of the current one; `end()` closes it.
    public func start(_ name: String, _ attributes: [(String, String)] = []) {
        let node = xmlNewChild(stack.last!, namespace, name, nil)!
        stack.append(node)
        for (name, value) in attributes { attribute(name, value) }
    }

    public func end() {
        precondition(stack.count > 1, "end() without start()")
        stack.removeLast()
    }

    /// An element holding only text.
    public func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) {
        start(name, attributes)
        if let text { self.text(text) }
        end()
    }

    /// Sets an attribute of the current element (`xml:lang` goes in the XML namespace).
    public func attribute(_ name: String, _ value: String) {
        let node = stack.last!
        if name.hasPrefix("xml:") {
            let xmlNamespace = xmlSearchNsByHref(document, node, "http://www.w3.org/XML/1998/namespace")
            xmlSetNsProp(node, xmlNamespace, String(name.dropFirst(4)), Self.clean(value))
        } else {
            xmlSetProp(node, name, Self.clean(value))
        }
    }

    public func text(_ text: String) {
        guard !text.isEmpty else { return }
        xmlAddChild(stack.last!, xmlNewText(Self.clean(text)))
    }

    public func finish() -> XMLDocument {
        precondition(!finished)
        finished = true
        return XMLDocument(document)
    }

    /// XML 1.0 cannot hold most control characters; they become U+FFFD.
    static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" ? "\u{FFFD}" : scalar
        }))
    }
}
