import DocumentModel
import FileSystem
import Foundation
import NativeBridge

/// Looks at an image file's bytes: its signature against the format its
/// name claims, the width and height its header gives, its size against the
/// project's limit, and, for SVG, what it holds (`SVGScan`). Headers are read
/// here, by their published layouts (PNG's IHDR, JPEG's SOFn, GIF's logical
/// screen); nothing is decoded.
public enum MediaInspector {
    /// The file at `path`, claimed to be `claimed`; larger than `sizeLimit` bytes is not read.
    public static func inspect(path: String, claimed: MediaInspection.Format, sizeLimit: Int) -> MediaInspection {
        switch FileSystem.readFile(path, limit: sizeLimit, followingLinks: true) {
        case .failure(.unreadable):
            return MediaInspection(format: nil, problems: [FileSystem.isRegularFile(path) ? .unreadable : .notARegularFile])
        case .failure(.tooLarge(let size)): return MediaInspection(format: nil, problems: [.tooLarge(size: size, limit: sizeLimit)])
        case .success(let bytes): return inspect(bytes, claimed: claimed)
        }
    }

    public static func inspect(_ bytes: [UInt8], claimed: MediaInspection.Format) -> MediaInspection {
        guard !bytes.isEmpty else { return MediaInspection(format: nil, problems: [.empty]) }
        let found = format(of: bytes)
        guard found == claimed else {
            return MediaInspection(format: found, problems: [.otherFormat(claimed: claimed, found: found)])
        }
        switch claimed {
        case .svg: return inspectSVG(bytes)
        case .png, .jpeg, .gif:
            // A JPEG's height may be 0 in its frame header, given later (DNL); its width may not.
            guard let (width, height) = dimensions(of: bytes, as: claimed), width > 0, height > 0 || claimed == .jpeg else {
                return MediaInspection(format: claimed, problems: [.damaged(claimed)])
            }
            // PNG's sides are 31-bit numbers: their product is compared without overflowing.
            let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
            let tooMany = overflow || pixels > MediaInspection.maximumPixels
            return MediaInspection(
                format: claimed, width: width, height: height, problems: tooMany ? [.tooManyPixels(width: width, height: height)] : [])
        }
    }

    /// The format the first bytes say; an SVG is XML text whose first element is `svg`.
    static func format(of bytes: [UInt8]) -> MediaInspection.Format? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return .gif }
        return looksLikeSVG(bytes) ? .svg : nil
    }

    /// Text (after a BOM, a declaration, comments and a DOCTYPE) whose first element is `<svg`.
    static func looksLikeSVG(_ bytes: [UInt8]) -> Bool {
        // Editors' comments and a DOCTYPE's subset can be long; the first element comes within 64 KiB.
        let head = String(decoding: bytes.prefix(65_536), as: UTF8.self)
        var rest = Substring(head.hasPrefix("\u{FEFF}") ? String(head.dropFirst()) : head)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<svg") { return true }
            if rest.hasPrefix("<?") || rest.hasPrefix("<!") {
                // A DOCTYPE's internal subset holds `>` of its own: it ends at `]>`.
                let opensSubset = rest.hasPrefix("<!DOCTYPE") && rest.prefix { $0 != ">" }.contains("[")
                let close = rest.hasPrefix("<!--") ? "-->" : opensSubset ? "]>" : ">"
                guard let end = rest.range(of: close) else { return false }
                rest = rest[end.upperBound...]
                continue
            }
            return false
        }
    }

    /// Width and height from the header of a PNG, JPEG or GIF; nil when it is cut short.
    static func dimensions(of bytes: [UInt8], as format: MediaInspection.Format) -> (Int, Int)? {
        func bigEndian(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= bytes.count else { return nil }
            return bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) }
        }
        switch format {
        case .png:
            // The first chunk is IHDR: length 13, type, width, height.
            guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
            return bigEndian(16, 4).flatMap { width in bigEndian(20, 4).map { (width, $0) } }
        case .gif:
            guard bytes.count >= 10 else { return nil }
            return (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
        case .jpeg:
            // Segments after SOI, each `FF type length…`, up to a frame header (SOF0–SOF15 but DHT, JPG, DAC).
            var at = 2
            while at + 4 <= bytes.count {
                guard bytes[at] == 0xFF else { return nil }
                let type = bytes[at + 1]
                if type == 0xFF { at += 1; continue }
                if type == 0x01 || (0xD0...0xD7).contains(type) { at += 2; continue }
                guard type != 0xD9, type != 0xDA, let length = bigEndian(at + 2, 2), length >= 2 else { return nil }
                if (0xC0...0xCF).contains(type), ![0xC4, 0xC8, 0xCC].contains(type) {
                    return bigEndian(at + 7, 2).flatMap { width in bigEndian(at + 5, 2).map { (width, $0) } }
                }
                at += 2 + length
            }
            return nil
        case .svg:
            return nil
        }
    }

    static func inspectSVG(_ bytes: [UInt8]) -> MediaInspection {
        let scan = SVGScan.scan(bytes)
        var problems: [MediaInspection.Problem] = []
        if let message = scan.notWellFormed { problems.append(.svgNotWellFormed(message)) }
        if let root = scan.otherRoot { problems.append(.svgNotSVG(root: root)) }
        if scan.declarations { problems.append(.svgDeclarations) }
        problems += Set(scan.activeElements).sorted().map { .svgActiveElement($0) }
        problems += Set(scan.eventAttributes).sorted().map { .svgEventAttribute($0) }
        problems += Set(scan.externalReferences).sorted().prefix(3).map { .svgExternalReference($0) }
        return MediaInspection(format: .svg, problems: problems)
    }
}
