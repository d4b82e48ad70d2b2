/// What a project or a command line says about a rule: turn it off, or give
/// it another severity (`checks: {orphan: off, untranslated-link: error}`).
public enum RuleSetting: Hashable, Sendable, Codable {
    case off
    case severity(Severity)

    public init?(_ text: String) {
        if text == "off" {
            self = .off
        } else if let severity = Severity(rawValue: text) {
            self = .severity(severity)
        } else {
            return nil
        }
    }
}

/// Applies per-rule settings to findings (`--strict` acts on the exit status instead).
public struct SeverityPolicy: Hashable, Sendable {
    public var settings: [Rule: RuleSetting]

    public init(_ settings: [Rule: RuleSetting] = [:]) {
        self.settings = settings
    }

    public func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            switch settings[diagnostic.rule] {
            case .off?: return nil
            case .severity(let severity)?:
                var changed = diagnostic
                changed.severity = severity
                return changed
            case nil: return diagnostic
            }
        }
    }
}
