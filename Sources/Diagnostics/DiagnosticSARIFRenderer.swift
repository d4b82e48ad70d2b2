/// Findings as SARIF 2.1.0, for code-scanning services and SARIF viewers:
/// one run, the rules with their metadata, results with locations relative
/// to the source tree (`SRCROOT`), notes as related locations, a fix as `fixes`.
public enum DiagnosticSARIFRenderer {
    public static func render(_ diagnostics: [Diagnostic], toolVersion: String, sourceRoot: String) -> String {
        let rules = Rule.allCases
        var out = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
        out += "    \"tool\": {\"driver\": {\"name\": \"asyl\", \"version\": \(JSONText.string(toolVersion)), "
        out += "\"rules\": [\n"
        out += rules.map { rule in
            "      {\"id\": \(JSONText.string(rule.rawValue)), "
                + "\"shortDescription\": {\"text\": \(JSONText.string(rule.summary.english))}, "
                + "\"fullDescription\": {\"text\": \(JSONText.string(rule.explanation.english))}, "
                + "\"help\": {\"text\": \(JSONText.string(rule.explanation.english))}, "
                + "\"defaultConfiguration\": {\"level\": \(JSONText.string(rule.defaultSeverity.rawValue))}}"
        }.joined(separator: ",\n")
        out += "\n    ]}},\n"
        let root = sourceRoot.hasSuffix("/") ? sourceRoot : sourceRoot + "/"
        out += "    \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": \(JSONText.string("file://" + percentEncoded(root)))}},\n"
        out += "    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [\n"
        out += diagnostics.map { diagnostic in
            var result = "      {\"ruleId\": \(JSONText.string(diagnostic.rule.rawValue)), "
            result += "\"ruleIndex\": \(rules.firstIndex(of: diagnostic.rule)!), "
            result += "\"level\": \(JSONText.string(diagnostic.severity.rawValue)), "
            result += "\"message\": {\"text\": \(JSONText.string(diagnostic.message.english))}, "
            result += "\"locations\": [\(location(diagnostic.location))]"
            if !diagnostic.notes.isEmpty {
                result += ", \"relatedLocations\": [" + diagnostic.notes.enumerated().map { index, note in
                    let place = location(note.location ?? diagnostic.location, id: index + 1, message: note.message.english)
                    return place
                }.joined(separator: ", ") + "]"
            }
            if let fix = diagnostic.fix {
                result += ", \"fixes\": [{\"description\": {\"text\": \(JSONText.string("replace with '\(fix.replacement)'"))}, "
                result += "\"artifactChanges\": [{\"artifactLocation\": {\"uri\": "
                result += "\(JSONText.string(percentEncoded(diagnostic.location.path))), \"uriBaseId\": \"SRCROOT\"}, "
                result += "\"replacements\": [{\"deletedRegion\": {\"startLine\": \(fix.start.line), "
                result += "\"startColumn\": \(fix.start.column), \"endLine\": \(fix.end.line), \"endColumn\": \(fix.end.column)}, "
                result += "\"insertedContent\": {\"text\": \(JSONText.string(fix.replacement))}}]}]}]"
            }
            return result + "}"
        }.joined(separator: ",\n")
        out += "\n    ]\n  }]\n}\n"
        return out
    }

    private static func location(_ location: SourceLocation, id: Int? = nil, message: String? = nil) -> String {
        var out = "{"
        if let id { out += "\"id\": \(id), " }
        out += "\"physicalLocation\": {\"artifactLocation\": {\"uri\": \(JSONText.string(percentEncoded(location.path))), \"uriBaseId\": \"SRCROOT\"}"
        if let range = location.range, range.start.line > 0 {
            out += ", \"region\": {\"startLine\": \(range.start.line), \"startColumn\": \(range.start.column), "
            out += "\"endLine\": \(range.end.line), \"endColumn\": \(range.end.column + 1)}"
        }
        out += "}"
        if let message { out += ", \"message\": {\"text\": \(JSONText.string(message))}" }
        return out + "}"
    }

    /// URIs in SARIF are percent-encoded; paths may hold spaces or Cyrillic.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let safe = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || "-._~/".utf8.contains(byte)
            out += safe ? String(UnicodeScalar(byte)) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
        return out
    }
}
