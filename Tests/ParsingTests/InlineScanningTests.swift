@testable import Parsing
import Testing

/// The scan of inlines is linear in a line's length: one line of many links,
/// citations or footnote marks costs in proportion to its length, as the
/// same marks on separate lines do. Counted in steps, not timed.
@Suite struct InlineScanningTests {
    func steps(_ unit: String, times count: Int, after prefix: String = "") -> Int {
        let body = prefix + String(repeating: unit, count: count) + "\n"
        return BodyParser.parse(body, firstLine: 1, path: "entries/x.kk.md").steps
    }

    @Test(arguments: [
        "[[semey]] ", "[[semey|Семей]] ", "[@abai-1909, 12-б.] ", "[^1] ", "[[semey ", "semey]] ", "[@abai-1909 ",
        "[^ ", "&amp;[[semey]] ", "[[x]] *a* [[y ",
    ])
    func oneLineOfManyMarksGrowsLinearly(_ unit: String) {
        let footnote = unit.hasPrefix("[^1]") ? "[^1]: Ескерту.\n\n" : ""
        let small = steps(unit, times: 2_000, after: footnote)
        let large = steps(unit, times: 16_000, after: footnote)
        #expect(small > 2_000, "the count should see the line at all")
        // Eight times the marks: about eight times the steps, far from the 64 of a quadratic scan.
        #expect(Double(large) / Double(small) < 9.0, "\(unit): \(small) steps for 2,000, \(large) for 16,000")
    }
}
