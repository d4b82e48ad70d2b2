import DocumentModel

/// How finely a raster image prints across a column of the print edition,
/// where print.css sets it (docs/print.md): a press asks for 300 pixels an
/// inch. A vector image (SVG) prints at any size.
struct PrintResolution {
    static let wanted = 300
    /// Pixels an inch at the width the image is set.
    let ppi: Int
    /// The fewest pixels across that print at `wanted` ppi.
    let needed: Int

    /// nil for an image that is not raster or whose width is unknown, or a
    /// page too narrow for a column.
    init?(_ inspection: MediaInspection, column millimetres: Double) {
        guard let format = inspection.format, format != .svg, let width = inspection.width, width > 0, millimetres >= 1 else {
            return nil
        }
        let inches = millimetres / 25.4
        ppi = Int((Double(width) / inches).rounded(.down))
        needed = Int((Double(Self.wanted) * inches).rounded(.up))
    }

    var isTooLow: Bool { ppi < Self.wanted }
}
