import NativeBridge
import Testing

/// QR codes from libqrencode, as plaques print them.
@Suite struct QRCodeTests {
    static let address = "https://example.kz/asyl/kumbez/"

    @Test func anAddressFitsASmallCodeAtEitherLevel() throws {
        let high = try #require(QRCode(encoding: Self.address, correction: .high))
        let quartile = try #require(QRCode(encoding: Self.address, correction: .quartile))
        // 31 bytes: version 4 (33 modules) at H, version 3 (29) at Q.
        #expect(high.size == 33 && quartile.size == 29)
        #expect(high.modules.count == 33 * 33 && high.correction.letter == "H")
    }

    @Test func theFinderPatternsAreInTheirCorners() throws {
        let code = try #require(QRCode(encoding: Self.address, correction: .high))
        let last = code.size - 1
        for (row, column) in [(0, 0), (0, last - 6), (last - 6, 0)] {
            // A finder's outer ring is dark, the ring inside it light, its centre dark.
            #expect((0..<7).allSatisfy { code.isDark(row: row, column: column + $0) && code.isDark(row: row + 6, column: column + $0) })
            #expect(!code.isDark(row: row + 1, column: column + 1) && code.isDark(row: row + 3, column: column + 3))
        }
        #expect(!code.isDark(row: last - 6, column: last - 6 + 3 - 3) || code.isDark(row: last - 6, column: last - 6))
    }

    @Test func thePathKeepsTheQuietZone() throws {
        let code = try #require(QRCode(encoding: Self.address, correction: .high))
        let path = code.pathData(quietZone: 4)
        // The top-left finder's first row: one run of seven modules, after four light ones.
        #expect(path.hasPrefix("M4 4h7v1h-7z"))
        let starts = path.split(separator: "M").map { $0.split(separator: "h")[0].split(separator: " ").map { Int($0)! } }
        #expect(starts.allSatisfy { $0[0] >= 4 && $0[1] >= 4 && $0[1] < code.size + 4 })
    }

    @Test func theSameTextGivesTheSameCode() {
        #expect(QRCode(encoding: Self.address, correction: .high) == QRCode(encoding: Self.address, correction: .high))
    }
}
