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
    var description: Message {
        switch kind {
        case .scalar: Message(.whatSingleValue)
        case .sequence: Message(.whatList)
        case .mapping: Message(.whatMapping)
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
    /// What is read but not kept (a key written twice, whose second value is
    /// left out; a tag; a control character) is reported in `findings`; the
    /// failure is YAML that cannot be read at all.
    static func read(
        _ text: String, path: String, lineOffset: Int = 0, rule: Rule, maximumNodes: Int = maximumProjectNodes,
        findings: inout [Diagnostic]
    ) -> Result<YAMLNode?, Diagnostic> {
        let original = text
        var text = text
        var root: Node?
        var composed = false
        // Each key written twice is left out and the text read again; a file is not rewritten forever.
        for _ in 0...maximumDuplicates {
            do {
                root = try Yams.compose(yaml: text, .basic, .default, .utf8)
                composed = true
                break
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                guard let (finding, without) = leavingOut(keys, firstAt: context.mark, of: text, path: path, lineOffset: lineOffset, rule: rule)
                else {
                    return .failure(Diagnostic(
                        rule, Message(.yamlKeysWrittenTwice, ["keys": keys.map { "'\($0)'" }.joined(separator: ", ")]),
                        at: SourceLocation(path: path, line: context.mark.line + lineOffset, column: max(context.mark.column, 1))))
                }
                findings.append(finding)
                text = without
            } catch {
                // The lines are split only for a file that fails: most are read once and never explained.
                let explainer = YAMLErrorExplainer(text: original, path: path, lineOffset: lineOffset, rule: rule)
                return .failure(diagnostic(for: error, explainer: explainer, path: path, lineOffset: lineOffset, rule: rule))
            }
        }
        guard composed else {
            return .failure(Diagnostic(
                rule, Message(.yamlTooManyKeysWrittenTwice, ["limit": maximumDuplicates]),
                at: SourceLocation(path: path, line: lineOffset + 1, column: 1)))
        }
        guard let root else { return .success(nil) }
        var budget = maximumNodes
        let reading = Conversion(path: path, lineOffset: lineOffset, rule: rule)
        guard let node = reading.convert(root, budget: &budget, findings: &findings) else {
            return .failure(Diagnostic(
                rule, Message(.yamlTooManyValues, ["limit": maximumNodes]),
                at: SourceLocation(path: path, line: lineOffset + 1, column: 1)))
        }
        return .success(node)
    }

    static let maximumDuplicates = 100

    /// The second `key:` of the mapping whose first is at `first`, found in
    /// the text by its column, with the finding for it and the text with its
    /// lines (the key and what is indented under it) blanked, so that the
    /// line numbers stay.
    private static func leavingOut(
        _ keys: [String], firstAt first: Mark, of text: String, path: String, lineOffset: Int, rule: Rule
    ) -> (Diagnostic, String)? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let column = max(first.column, 1) - 1
        func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        for key in keys {
            let written = [key + ":", "\"\(key)\":", "'\(key)':"]
            var seen: Int?
            for index in (first.line - 1)..<lines.count {
                let line = lines[index]
                // The mapping's first key may follow a list item's `- ` on its line.
                let atKeyColumn = index == first.line - 1 || indentation(line) == column
                guard atKeyColumn, written.contains(where: { line.dropFirst(column).hasPrefix($0) }) else {
                    // Below the mapping's first line, a line less indented than its keys (not a comment) ends it.
                    let content = line.drop { $0 == " " }
                    if index > first.line - 1, !content.isEmpty, !content.hasPrefix("#"), indentation(line) < column { break }
                    continue
                }
                guard let firstLine = seen else { seen = index; continue }
                var end = index + 1
                while end < lines.count, lines[end].allSatisfy(\.isWhitespace) || indentation(lines[end]) > column { end += 1 }
                for blank in index..<end { lines[blank] = "" }
                let finding = Diagnostic(
                    rule, Message(.yamlKeyWrittenTwice, ["key": key]),
                    at: SourceLocation(path: path, range: SourceRange(
                        line: index + 1 + lineOffset, column: column + 1, length: key.unicodeScalars.count)),
                    notes: [.init(Message(.yamlKeyWrittenTwiceFirst),
                                  at: SourceLocation(path: path, line: firstLine + 1 + lineOffset, column: column + 1))])
                return (finding, lines.joined(separator: "\n"))
            }
        }
        return nil
    }

    /// Yams's nodes as Asyl's, reporting what YAML can say that Asyl does not read.
    private struct Conversion {
        let path: String
        let lineOffset: Int
        let rule: Rule

        func convert(_ node: Node, budget: inout Int, findings: inout [Diagnostic]) -> YAMLNode? {
            budget -= 1
            guard budget >= 0 else { return nil }
            let position = SourcePosition(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
            if let tag = node.tag.rawValue.nonStandard {
                findings.append(Diagnostic(
                    rule, Message(.yamlTagNotRead, ["tag": tag]),
                    at: SourceLocation(path: path, line: position.line, column: position.column)))
            }
            switch node {
            case .scalar(let scalar):
                if let control = scalar.string.unicodeScalars.first(where: \.isUnprintableControl) {
                    findings.append(Diagnostic(
                        rule, Message(.yamlControlCharacter, ["code": String(control.value, radix: 16, uppercase: true).leftPadded(to: 4)]),
                        at: SourceLocation(path: path, line: position.line, column: position.column)))
                }
                return YAMLNode(kind: .scalar(scalar.string, quoted: scalar.style != .plain && scalar.style != .any), position: position)
            case .sequence(let sequence):
                var items: [YAMLNode] = []
                for item in sequence {
                    guard let converted = convert(item, budget: &budget, findings: &findings) else { return nil }
                    items.append(converted)
                }
                return YAMLNode(kind: .sequence(items), position: position)
            case .mapping(let mapping):
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                for (key, value) in mapping {
                    guard let k = convert(key, budget: &budget, findings: &findings),
                          let v = convert(value, budget: &budget, findings: &findings)
                    else { return nil }
                    pairs.append((k, v))
                }
                return YAMLNode(kind: .mapping(pairs), position: position)
            case .alias(let alias):
                return YAMLNode(kind: .scalar("*" + alias.anchor.rawValue, quoted: false), position: position)
            }
        }
    }

    private static func diagnostic(
        for error: Error, explainer: YAMLErrorExplainer, path: String, lineOffset: Int, rule: Rule
    ) -> Diagnostic {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return explainer.diagnostic(problem: problem, at: mark, context: context)
        case .reader(let problem, _, _, _):
            return Diagnostic(
                rule, Message(.yamlInvalidProblem, ["problem": problem]), at: SourceLocation(path: path, line: lineOffset + 1, column: 1))
        default:
            return Diagnostic(rule, Message(.yamlInvalid), at: SourceLocation(path: path, line: lineOffset + 1, column: 1))
        }
    }
}

private extension String {
    /// A tag that is not one of YAML's own for text, lists and mappings (which every value has).
    var nonStandard: String? {
        let standard = ["tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "", "?", "!"]
        guard !standard.contains(self) else { return nil }
        return hasPrefix("tag:yaml.org,2002:") ? "!!" + dropFirst("tag:yaml.org,2002:".count) : self
    }

    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

private extension Unicode.Scalar {
    /// C0 and C1 controls other than tab and line breaks, and DEL.
    var isUnprintableControl: Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }
}

/// Reads a mapping's keys once each and reports the ones nobody asked for.
struct MappingReader {
    let path: String
    let rule: Rule
    private(set) var pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []

    /// Nil (with a finding) when `node` is not a mapping of text keys.
    /// `what` names the mapping in the finding ("asyl.yaml", "kind 'person'").
    init?(_ node: YAMLNode, path: String, rule: Rule, what: Message, into diagnostics: inout [Diagnostic]) {
        self.path = path
        self.rule = rule
        guard case .mapping(let raw) = node.kind else {
            diagnostics.append(Diagnostic(rule, Message(.yamlNotMapping, ["what": what, "shape": node.description]),
                                          at: SourceLocation(path: path, range: node.range)))
            return nil
        }
        for (key, value) in raw {
            guard let name = key.scalar else {
                diagnostics.append(Diagnostic(rule, Message(.yamlKeyNotWord), at: SourceLocation(path: path, range: key.range)))
                continue
            }
            pairs.append((name, key, value))
        }
    }

    subscript(key: String) -> YAMLNode? { pairs.first { $0.key == key }?.value }

    func keyNode(_ key: String) -> YAMLNode? { pairs.first { $0.key == key }?.keyNode }

    /// Findings for keys outside `known`, with a near-miss suggestion.
    func unknownKeys(_ known: [String], what: Message) -> [Diagnostic] {
        pairs.filter { !known.contains($0.key) }.map { pair in
            let message = NearMiss.closest(to: pair.key, in: known).map {
                Message(.yamlUnknownKeyDidYouMean, ["key": pair.key, "what": what, "near": $0])
            } ?? Message(.yamlUnknownKey, ["key": pair.key, "what": what])
            return Diagnostic(rule, message, at: SourceLocation(path: path, range: pair.keyNode.range))
        }
    }
}
