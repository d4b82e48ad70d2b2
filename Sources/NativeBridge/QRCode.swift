import CQRencode

/// A QR code made by libqrencode: its modules, row by row, dark or light.
public struct QRCode: Sendable, Hashable, Codable {
    /// How much of a damaged code can still be read: plaques stand outdoors
    /// and weather, so only the two highest levels are offered.
    public enum Correction: String, Sendable, Codable {
        /// Q: about 25% of the code may be lost.
        case quartile
        /// H: about 30%.
        case high

        /// The level's letter in the standard.
        public var letter: String {
            switch self {
            case .quartile: "Q"
            case .high: "H"
            }
        }
    }

    public let correction: Correction

    /// Modules per side.
    public let size: Int
    /// `size × size` modules, row by row; true is dark.
    public let modules: [Bool]

    /// The smallest code that holds `text`'s UTF-8 bytes; nil if none can (over about 1,800 bytes at Q).
    public init?(encoding text: String, correction: Correction) {
        let level = switch correction {
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
        guard let code = QRcode_encodeString8bit(text, 0, level) else { return nil }
        defer { QRcode_free(code) }
        self.correction = correction
        size = Int(code.pointee.width)
        // Bit 0 of each byte is the module's colour; the others say what it is part of.
        modules = UnsafeBufferPointer(start: code.pointee.data, count: size * size).map { $0 & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// SVG path data in module units, each run of dark modules in a row one
    /// rectangle, shifted by `quietZone` modules (the light margin a reader needs: 4).
    public func pathData(quietZone: Int = 4) -> String {
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else { column += 1; continue }
                let start = column
                while column < size, isDark(row: row, column: column) { column += 1 }
                path += "M\(start + quietZone) \(row + quietZone)h\(column - start)v1h-\(column - start)z"
            }
        }
        return path
    }
}
