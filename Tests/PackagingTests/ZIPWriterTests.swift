import Testing

@testable import Packaging

@Suite struct ZIPWriterTests {
    @Test func dosDatesAreReadInUTC() {
        // 2025-11-22 00:00:00 UTC.
        let (time, date) = ZIPWriter.dosTimeAndDate(secondsSince1970: 1_763_769_600)
        #expect(time == 0)
        #expect(date == UInt16(2025 - 1980) << 9 | 11 << 5 | 22)
        // 2000-02-29 13:45:58 UTC: a leap day, and seconds count in twos.
        let leap = ZIPWriter.dosTimeAndDate(secondsSince1970: 951_831_958)
        #expect(leap.time == 13 << 11 | 45 << 5 | 29)
        #expect(leap.date == UInt16(2000 - 1980) << 9 | 2 << 5 | 29)
    }

    @Test func datesBefore1980AreClamped() {
        let (time, date) = ZIPWriter.dosTimeAndDate(secondsSince1970: 0)
        #expect(time == 0)
        #expect(date == 1 << 5 | 1)
    }

    @Test func membersDeflateTextAndStoreWhatDoesNotShrink() {
        let text = Array(String(repeating: "Қазақстан ", count: 200).utf8)
        let member = ZIPMember(path: "EPUB/a.xhtml", bytes: text)
        #expect(member.method == .deflated)
        #expect(member.data.count < text.count / 10)
        #expect(member.uncompressedSize == text.count)
        #expect(member.contents == text)
        var damaged = member
        damaged.data[damaged.data.count / 2] ^= 0x55
        #expect(damaged.contents == nil)
        let tiny = ZIPMember(path: "mimetype", bytes: Array("ab".utf8))
        #expect(tiny.method == .stored)
        #expect(tiny.data == Array("ab".utf8))
    }

    @Test func anArchiveHasLocalHeadersThenTheCentralDirectory() throws {
        let members = [
            ZIPMember(path: "mimetype", bytes: Array("application/epub+zip".utf8), compress: false),
            ZIPMember(path: "EPUB/a.xhtml", bytes: Array(String(repeating: "x", count: 1000).utf8)),
        ]
        let bytes = try ZIPWriter.archive(members, time: 0, date: 0x21)
        func word(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        #expect(word(0) == 0x0403_4B50)
        // OCF: `mimetype` first, stored, with its name at offset 30 and its text at 38.
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
        let end = bytes.count - 22
        #expect(word(end) == 0x0605_4B50)
        #expect(bytes[end + 10] == 2)
        let centralOffset = Int(word(end + 16))
        #expect(word(centralOffset) == 0x0201_4B50)
    }
}
