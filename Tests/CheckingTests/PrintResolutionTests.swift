@testable import Checking
import DocumentModel
import Testing

/// How finely a figure prints across a column of the print edition (`print-resolution`).
@Suite struct PrintResolutionTests {
    @Test func theDefaultPageHasColumnsOf64Millimetres() {
        #expect(PrintGeometry().columnWidthMillimetres == 64)
        #expect(PrintGeometry(trim: "210x297mm").columnWidthMillimetres == 84)
    }

    @Test(arguments: [(400, 158, true), (755, 299, true), (756, 300, false), (2000, 793, false)])
    func aRasterImageNeeds756PixelsAcrossADefaultColumn(_ case_: (Int, Int, Bool)) throws {
        let inspection = MediaInspection(format: .png, width: case_.0, height: 300, problems: [])
        let resolution = try #require(PrintResolution(inspection, column: 64))
        #expect(resolution.ppi == case_.1 && resolution.isTooLow == case_.2 && resolution.needed == 756)
    }

    @Test func anSVGPrintsAtAnySizeAndAPageTooNarrowHasNoColumn() {
        #expect(PrintResolution(MediaInspection(format: .svg, width: 10, height: 10, problems: []), column: 64) == nil)
        #expect(PrintResolution(MediaInspection(format: .png, width: 10, height: 10, problems: []), column: -2) == nil)
    }

    @Test func aSelectionByKindOrCategoryMayLeaveAnEntryOut() {
        var entry = Entry(id: EntryID("berel"), versions: [])
        entry.kind = "monument"
        entry.categories = ["archaeology"]
        #expect(MediaChecks.mayHold(Selection(), entry))
        #expect(MediaChecks.mayHold(Selection(kinds: ["monument"]), entry))
        #expect(!MediaChecks.mayHold(Selection(kinds: ["person"]), entry))
        #expect(!MediaChecks.mayHold(Selection(categories: ["music"]), entry))
        #expect(MediaChecks.mayHold(Selection(regions: [EntryID("abai-region")]), entry))
    }
}
