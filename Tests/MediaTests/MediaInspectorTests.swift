import DocumentModel
import Foundation
@testable import Media
import Testing

/// Images looked at by their bytes: the signature against the name, the size
/// from the header, and what an SVG holds.
@Suite struct MediaInspectorTests {
    static func png(width: UInt32, height: UInt32) -> [UInt8] {
        func big(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + big(13) + Array("IHDR".utf8) + big(width) + big(height)
            + [8, 2, 0, 0, 0] + big(0)
    }

    static func jpeg(width: UInt16, height: UInt16) -> [UInt8] {
        // SOI, an APP0 segment, then SOF0 with its height before its width.
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, 0xC0, 0x00, 0x11, 0x08,
         UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 0x03]
    }

    @Test func rasterImagesGiveTheirSize() {
        #expect(MediaInspector.inspect(Self.png(width: 640, height: 480), claimed: .png)
            == MediaInspection(format: .png, width: 640, height: 480, problems: []))
        #expect(MediaInspector.inspect(Self.jpeg(width: 2480, height: 3508), claimed: .jpeg)
            == MediaInspection(format: .jpeg, width: 2480, height: 3508, problems: []))
        #expect(MediaInspector.inspect(Array("GIF89a".utf8) + [0x10, 0x00, 0x20, 0x00, 0, 0, 0], claimed: .gif)
            == MediaInspection(format: .gif, width: 16, height: 32, problems: []))
    }

    @Test func aFileThatIsNotWhatItsNameSaysIsFound() {
        #expect(MediaInspector.inspect(Array("plain text\n".utf8), claimed: .png).problems == [.otherFormat(claimed: .png, found: nil)])
        #expect(MediaInspector.inspect(Self.jpeg(width: 1, height: 1), claimed: .png).problems
            == [.otherFormat(claimed: .png, found: .jpeg)])
        #expect(MediaInspector.inspect([], claimed: .gif).problems == [.empty])
        #expect(MediaInspector.inspect(Array(Self.png(width: 1, height: 1).prefix(20)), claimed: .png).problems == [.damaged(.png)])
        #expect(MediaInspector.inspect(Self.png(width: 0, height: 10), claimed: .png).problems == [.damaged(.png)])
        #expect(MediaInspector.inspect(Self.png(width: 20_000, height: 20_000), claimed: .png).problems
            == [.tooManyPixels(width: 20_000, height: 20_000)])
        // Sides whose product overflows 64 bits are too many pixels, not a trap.
        #expect(MediaInspector.inspect(Self.png(width: .max, height: .max), claimed: .png).problems
            == [.tooManyPixels(width: Int(UInt32.max), height: Int(UInt32.max))])
    }

    @Test func anSVGAsInkscapeWritesItIsFine() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!-- Created with Inkscape -->
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
              <defs><linearGradient id="g"/></defs>
              <style>rect { fill: url(#g) }</style>
              <rect width="10" height="10" style="fill:url('#g')"/>
              <use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>
            </svg>
            """
        #expect(MediaInspector.inspect(Array(svg.utf8), claimed: .svg) == MediaInspection(format: .svg, problems: []))
    }

    @Test func anSVGThatRunsCodeOrReachesOutIsFound() {
        // Declarations stop the look: what refers to an entity is not expanded.
        let declaring = """
            <!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><text>&x;</text></svg>
            """
        #expect(MediaInspector.inspect(Array(declaring.utf8), claimed: .svg).problems == [.svgDeclarations])
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">
              <script>alert(2)</script><foreignObject/>
              <image href="https://example.org/a.png"/><style>@import url(https://example.org/x.css);</style>
            </svg>
            """
        #expect(MediaInspector.inspect(Array(svg.utf8), claimed: .svg).problems == [
            .svgActiveElement("foreignObject"), .svgActiveElement("script"), .svgEventAttribute("onload"),
            .svgExternalReference("@import"), .svgExternalReference("https://example.org/a.png"),
            .svgExternalReference("https://example.org/x.css"),
        ])
        #expect(MediaInspector.inspect(Array("<svg><g></svg>".utf8), claimed: .svg).problems.count == 1)
        // What a presentation attribute, an animation or a processing instruction brings in.
        let sneaky = """
            <?xml-stylesheet href="https://example.org/s.css"?>
            <svg xmlns="http://www.w3.org/2000/svg">
              <rect fill="URL(https://example.org/p.svg#g)"/>
              <a><set attributeName="xlink:href" to="javascript:alert(1)"/></a>
              <animate attributeName="onclick" values="alert(1)"/>
            </svg>
            """
        #expect(MediaInspector.inspect(Array(sneaky.utf8), claimed: .svg).problems == [
            .svgEventAttribute("onclick"), .svgExternalReference("https://example.org/p.svg#g"),
            .svgExternalReference("https://example.org/s.css"), .svgExternalReference("javascript:alert(1)"),
        ])
        #expect(MediaInspector.inspect(Array("<html><svg/></html>".utf8), claimed: .svg).problems
            == [.otherFormat(claimed: .svg, found: nil)])
    }

    @Test func onlyARegularFileWithinTheLimitIsRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("media-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("plan.png").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(MediaInspector.inspect(path: fifo, claimed: .png, sizeLimit: 1_000).problems == [.notARegularFile])
        let large = folder.appendingPathComponent("large.png")
        try Data(Self.png(width: 1, height: 1) + [UInt8](repeating: 0, count: 1_000)).write(to: large)
        #expect(MediaInspector.inspect(path: large.path, claimed: .png, sizeLimit: 1_000).problems
            == [.tooLarge(size: 1_033, limit: 1_000)])
    }
}
