import BuildGraph
import DocumentModel
import Testing

@testable import Pipeline

@Suite struct RenderProductsTests {
    let kk = BookName(edition: "asyl-mura", language: LanguageTag("kk"), format: .epub)
    let ru = BookName(edition: "asyl-mura", language: LanguageTag("ru"), format: .epub)

    @Test func aProductIsMadeBackFromItsKey() {
        let member = ChunkMember(book: kk, name: "letter-01.xhtml")
        #expect(ChunkMember(argument: member.argument)?.key == member.key)
        let part = OutlinePart(book: kk, part: "opf", file: "package.opf")
        #expect(OutlinePart(argument: part.argument)?.key == part.key)
        let image = FileMember("media/Берел қорымы.jpg")
        #expect(FileMember(argument: image.argument)?.path == "media/Берел қорымы.jpg")
        #expect(OutlineXML(argument: "asyl-mura kk epub")?.book == kk)
        #expect(ChunkXML(argument: "asyl-mura kk epub") == nil)
        #expect(ChunkMember(argument: "asyl-mura kk docx letter-01.xhtml") == nil)
        let plan = ChunkPlan(book: EditionLanguage(edition: "asyl-mura", language: LanguageTag("kk-Latn")), file: "letter-01.xhtml")
        #expect(ChunkPlan(argument: plan.argument)?.key == plan.key)
        #expect(BookOrderQuery(argument: "asyl-mura") == nil && BookOrderQuery(argument: "asyl-mura kk")?.book.language == LanguageTag("kk"))
    }
}
