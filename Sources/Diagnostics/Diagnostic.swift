// Every stage that reports findings says them as messages: one import for both.
@_exported import Messages

/// One finding: what rule, how severe, where, and what to do about it.
/// Stages return these as values; only the command line prints them, in the
/// user's language (JSON and SARIF in English).
public struct Diagnostic: Hashable, Sendable, Codable {
    /// Another place that explains this finding ("the reference value is here").
    public struct Note: Hashable, Sendable, Codable {
        public var message: Message
        public var location: SourceLocation?

        public init(_ message: Message, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// A change to the finding's file that corrects it, as compilers' fix-its
    /// are: the text from `start` up to (not including) `end` replaced by
    /// `replacement`; an insertion when the two are equal.
    public struct Fix: Hashable, Sendable, Codable {
        public var start: SourcePosition
        public var end: SourcePosition
        public var replacement: String

        public init(replacing start: SourcePosition, upTo end: SourcePosition, with replacement: String) {
            self.start = start
            self.end = max(start, end)
            self.replacement = replacement
        }

        /// The text of `range` (whose end is its last character) replaced.
        public init(replacing range: SourceRange, with replacement: String) {
            self.init(
                replacing: range.start, upTo: SourcePosition(line: range.end.line, column: range.end.column + 1), with: replacement)
        }

        public init(inserting replacement: String, at position: SourcePosition) {
            self.init(replacing: position, upTo: position, with: replacement)
        }
    }

    public var rule: Rule
    public var severity: Severity
    public var location: SourceLocation
    /// One line, starting in lower case like a compiler's.
    public var message: Message
    public var notes: [Note]
    /// The change that corrects it, where one can be known.
    public var fix: Fix?

    public init(
        _ rule: Rule, _ message: Message, at location: SourceLocation,
        severity: Severity? = nil, notes: [Note] = [], fix: Fix? = nil
    ) {
        self.rule = rule
        self.severity = severity ?? rule.defaultSeverity
        self.location = location
        self.message = message
        self.notes = notes
        self.fix = fix
    }

    /// The order findings are reported in: file, line, column, rule, message.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let la = a.location, lb = b.location
        if la.path != lb.path { return la.path < lb.path }
        let pa = la.range?.start ?? SourcePosition(line: 0, column: 0)
        let pb = lb.range?.start ?? SourcePosition(line: 0, column: 0)
        if pa != pb { return pa < pb }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        return a.message.english < b.message.english
    }
}

/// Collected findings with their counts by severity.
public struct DiagnosticCounts: Hashable, Sendable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0

    public init(_ diagnostics: [Diagnostic] = []) {
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }
}

/// A finding can also stop a stage that cannot go on (an unreadable project file).
extension Diagnostic: Error {}
