import DocumentModel
@testable import Pipeline
import Testing

/// The rules asyl writes at the top of a print edition's print.css.
@Suite struct PrintBuilderTests {
    @Test func theSheetHoldsTheBleedAndASlugForTheMarks() {
        #expect(PrintBuilder.pageRules(PrintGeometry(marks: "crop")).hasPrefix(
            "@page { size: 170mm 240mm; bleed: 12mm; marks: crop; margin: 18mm 16mm 20mm 20mm; }\n"
                + "@page :left { margin-left: 16mm; margin-right: 20mm; }\nmain.entries .letter { column-gap: 6mm; }\n"))
        #expect(PrintBuilder.pageRules(PrintGeometry(trim: "210x297mm", bleed: "4.5mm")).hasPrefix(
            "@page { size: 210mm 297mm; bleed: 4.5mm; margin:"))
    }
}
