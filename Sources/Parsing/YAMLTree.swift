import Diagnostics
import Yams

/// A YAML node with its position in the file, as Asyl reads YAML: scalars
/// keep their source text (never YAML's implicit types), mappings keep order.
struct YAMLNode: Sendable {
    enum Kind: Sendable {
        /// The scalar's text; `quoted` when written in quotes or as a block.
        case scalar(String, quoted: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var kind: Kind
    var position: SourcePosition

    var scalar: String? {
        if case .scalar(let text, _) = kind { text } else { nil }
    }

    /// One line from the node's start, as long as a scalar's text (for underlines).
    var range: SourceRange {
        switch kind {
        case .scalar(let text, let quoted):
            let width = text.unicodeScalars.count + (quoted ? 2 : 0)
            return SourceRange(line: position.line, column: position.column, length: text.contains("\n") ? 1 : width)
        case .sequence, .mapping:
            return SourceRange(line: position.line, column: position.column)
        }
    }

    /// What a node is, in words for messages ("a list", "a mapping").
    var description: String {
        switch kind {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// Reads YAML text into `YAMLNode`s, turning every failure into a finding.
enum YAMLReader {
    /// YAML with more nodes than this is refused: it guards against alias
    /// bombs as well as pasted data. Front matter is small; asyl.yaml and
    /// sources.yaml grow with the project (and are bounded by the file size limit).
    static let maximumFrontMatterNodes = 20_000
    static let maximumProjectNodes = 5_000_000

    /// `lineOffset` is added to every line, for YAML that starts inside a file.
    static func read(
        _ text: String, path: String, lineOffset: Int = 0, rule: Rule, maximumNodes: Int = maximumProjectNodes
    ) -> Result<YAMLNode?, Diagnostic> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset, rule: rule))
        }
        guard let root else { return .success(nil) }
        var budget = maximumNodes
        guard let node = convert(root, lineOffset: lineOffset, budget: &budget) else {
            return .failure(Diagnostic(
                rule, "too much YAML: more than \(maximumNodes) values (aliases count each time they are used)",
                at: SourceLocation(path: path, line: lineOffset + 1, column: 1)))
        }
        return .success(node)
    }

    private static func convert(_ node: Node, lineOffset: Int, budget: inout Int) -> YAMLNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let position = SourcePosition(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(kind: .scalar(scalar.string, quoted: scalar.style != .plain && scalar.style != .any), position: position)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                guard let converted = convert(item, lineOffset: lineOffset, budget: &budget) else { return nil }
                items.append(converted)
            }
            return YAMLNode(kind: .sequence(items), position: position)
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            for (key, value) in mapping {
                guard let k = convert(key, lineOffset: lineOffset, budget: &budget),
                      let v = convert(value, lineOffset: lineOffset, budget: &budget)
                else { return nil }
                pairs.append((k, v))
            }
            return YAMLNode(kind: .mapping(pairs), position: position)
        case .alias(let alias):
            return YAMLNode(kind: .scalar("*" + alias.anchor.rawValue, quoted: false), position: position)
        }
    }

    private static func diagnostic(for error: Error, path: String, lineOffset: Int, rule: Rule) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: max(mark.column, 1))
        }
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return Diagnostic(rule, "this is not valid YAML: \(problem)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(rule, "key \(keys) is written twice", at: at(context.mark))
        case .reader(let problem, _, _, _):
            return Diagnostic(rule, "this is not valid YAML: \(problem)", at: SourceLocation(path: path, line: lineOffset + 1, column: 1))
        default:
            return Diagnostic(rule, "this is not valid YAML", at: SourceLocation(path: path, line: lineOffset + 1, column: 1))
        }
    }
}

/// Reads a mapping's keys once each and reports the ones nobody asked for.
struct MappingReader {
    let path: String
    let rule: Rule
    private(set) var pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []

    /// Nil (with a finding) when `node` is not a mapping of text keys.
    init?(_ node: YAMLNode, path: String, rule: Rule, what: String, into diagnostics: inout [Diagnostic]) {
        self.path = path
        self.rule = rule
        guard case .mapping(let raw) = node.kind else {
            diagnostics.append(Diagnostic(rule, "\(what) must be a mapping of keys to values, not \(node.description)",
                                          at: SourceLocation(path: path, range: node.range)))
            return nil
        }
        for (key, value) in raw {
            guard let name = key.scalar else {
                diagnostics.append(Diagnostic(rule, "a key must be a single word", at: SourceLocation(path: path, range: key.range)))
                continue
            }
            pairs.append((name, key, value))
        }
    }

    subscript(key: String) -> YAMLNode? { pairs.first { $0.key == key }?.value }

    func keyNode(_ key: String) -> YAMLNode? { pairs.first { $0.key == key }?.keyNode }

    /// Findings for keys outside `known`, with a near-miss suggestion.
    func unknownKeys(_ known: [String], what: String) -> [Diagnostic] {
        pairs.filter { !known.contains($0.key) }.map { pair in
            var message = "unknown key '\(pair.key)' in \(what)"
            if let near = NearMiss.closest(to: pair.key, in: known) { message += "; did you mean '\(near)'?" }
            return Diagnostic(rule, message, at: SourceLocation(path: path, range: pair.keyNode.range))
        }
    }
}
