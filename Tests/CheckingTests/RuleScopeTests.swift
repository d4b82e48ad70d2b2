import Diagnostics
import Testing

@testable import Checking

@Suite struct RuleScopeTests {
    @Test func everyRuleHasOneScopeAndTheScopedSetsPartitionTheRules() {
        let sets = RuleScope.allCases.map { Rule.scoped([$0]) }
        #expect(sets.reduce(0) { $0 + $1.count } == Rule.allCases.count)
        #expect(Rule.scoped(Set(RuleScope.allCases)) == Set(Rule.allCases))
    }

    @Test func rulesOverManyEntriesAreNotScopedToOne() {
        #expect(Rule.orphan.scope == .interfaces)
        #expect(Rule.unusedSource.scope == .interfaces)
        #expect(Rule.brokenLink.scope == .entry)
        #expect(Rule.markup.scope == .file)
    }
}
