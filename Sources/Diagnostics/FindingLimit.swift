/// The text report's volume control: the first findings of each rule, in
/// report order, and how many of each rule were left out. JSON and SARIF
/// are never limited.
public struct FindingLimit: Sendable {
    /// Findings shown per rule; nil: all.
    public var perRule: Int?

    public init(perRule: Int?) { self.perRule = perRule }

    /// The text report's default: enough of each rule to see what it is about.
    public static let standardPerRule = 20
    public static let standard = FindingLimit(perRule: standardPerRule)

    public func apply(to diagnostics: [Diagnostic]) -> (shown: [Diagnostic], hidden: [Rule: Int]) {
        guard let perRule else { return (diagnostics, [:]) }
        var seen: [Rule: Int] = [:]
        var hidden: [Rule: Int] = [:]
        var shown: [Diagnostic] = []
        for diagnostic in diagnostics {
            seen[diagnostic.rule, default: 0] += 1
            if seen[diagnostic.rule]! <= perRule { shown.append(diagnostic) } else { hidden[diagnostic.rule, default: 0] += 1 }
        }
        return (shown, hidden)
    }
}
