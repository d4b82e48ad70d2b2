/// The machine-readable report of FORMAT.md §6:
/// `{"findings": [{"rule", "severity", "file", "line", "column", "message"}],
///   "counts": {"error", "warning", "note"}}`, keys in that order. A finding
/// with a fix also has `"fix": {"line", "column", "endLine", "endColumn",
/// "replacement"}` (§7): the text from line:column up to, not including,
/// endLine:endColumn is replaced; the two are equal for an insertion. A
/// finding about a whole file has no `line` and `column`.
public enum DiagnosticJSONRenderer {
    public static func render(_ diagnostics: [Diagnostic], extra: [(key: String, json: String)] = []) -> String {
        var out = "{\"findings\": ["
        for (index, diagnostic) in diagnostics.enumerated() {
            let start = diagnostic.location.range?.start
            out += index == 0 ? "\n  " : ",\n  "
            out += "{\"rule\": \(JSONText.string(diagnostic.rule.rawValue)), "
            out += "\"severity\": \(JSONText.string(diagnostic.severity.rawValue)), "
            out += "\"file\": \(JSONText.string(diagnostic.location.path)), "
            // A finding about a whole file (a stray file) has no line and column rather than zeros (FORMAT.md §7).
            if let start { out += "\"line\": \(start.line), \"column\": \(start.column), " }
            out += "\"message\": \(JSONText.string(diagnostic.message.english))"
            if let fix = diagnostic.fix {
                out += ", \"fix\": {\"line\": \(fix.start.line), \"column\": \(fix.start.column), "
                out += "\"endLine\": \(fix.end.line), \"endColumn\": \(fix.end.column), "
                out += "\"replacement\": \(JSONText.string(fix.replacement))}"
            }
            out += "}"
        }
        out += diagnostics.isEmpty ? "]" : "\n]"
        let counts = DiagnosticCounts(diagnostics)
        out += ", \"counts\": {\"error\": \(counts.errors), \"warning\": \(counts.warnings), \"note\": \(counts.notes)}"
        for (key, json) in extra { out += ", \(JSONText.string(key)): \(json)" }
        return out + "}\n"
    }
}

/// JSON string literals, escaped by RFC 8259; non-ASCII is written as is (UTF-8).
public enum JSONText {
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
