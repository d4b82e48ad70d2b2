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
        #expect(DocumentXML(argument: "asyl-mura kk epub")?.name == "")
        #expect(ChunkMember(argument: "asyl-mura kk pdf letter-01.xhtml") == nil)
    }

    @Test func aBookIsMadeOnlyOfItsOwnMembers() {
        #expect(RenderProducts.isMember(ChunkMember(book: kk, name: "letter-01.xhtml").key, of: kk))
        #expect(!RenderProducts.isMember(ChunkMember(book: ru, name: "letter-01.xhtml").key, of: kk))
        #expect(RenderProducts.isMember(FileMember("css/epub.css").key, of: kk))
        #expect(!RenderProducts.isMember(PrintPiece(book: kk, name: "index.html").key, of: kk))
        #expect(!RenderProducts.isMember(DocumentXML(book: kk, name: "").key, of: kk))
        let print = BookName(edition: "asyl-mura", language: LanguageTag("kk"), format: .print)
        #expect(RenderProducts.isMember(PrintPiece(book: print, name: "index.html").key, of: print))
    }
}
