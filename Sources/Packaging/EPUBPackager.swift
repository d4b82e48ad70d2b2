import Foundation
import ZIPFoundation

/// One file of an EPUB container, as it goes into the zip.
public struct PackageFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

public enum PackagingError: Error, CustomStringConvertible {
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

/// Zips an EPUB (OCF 3.3): `mimetype` first and stored, the container file,
/// then every other file in sorted order, all with one fixed date, so the
/// same files give the same bytes. The archive is written beside its final
/// name and renamed into place: a failure leaves the previous book untouched.
public enum EPUBPackager {
    /// Package files live under this folder of the container.
    public static let root = "EPUB"

    public static func write(_ files: [PackageFile], to destination: URL, date: Date) throws {
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PackagingError.cannotWrite(folder.path, "\(error)")
        }
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            let modified = max(date, Date(timeIntervalSince1970: 315_532_800))  // ZIP dates start in 1980
            try add(archive, "mimetype", Array("application/epub+zip".utf8), compressed: false, date: modified)
            try add(archive, "META-INF/container.xml", containerXML, compressed: true, date: modified)
            for file in files.sorted(by: { $0.path < $1.path }) {
                try add(archive, root + "/" + file.path, file.bytes, compressed: !isCompressed(file.path), date: modified)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PackagingError.cannotWrite(destination.path, "\(error)")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw PackagingError.cannotWrite(destination.path, String(cString: strerror(errno)))
        }
    }

    static let containerXML = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="\(root)/package.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """.utf8)

    /// Already-compressed images gain nothing from deflate.
    private static func isCompressed(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") || lower.hasSuffix(".png") || lower.hasSuffix(".gif")
    }

    private static func add(_ archive: Archive, _ path: String, _ bytes: [UInt8], compressed: Bool, date: Date) throws {
        let data = Data(bytes)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date, permissions: 0o644,
            compressionMethod: compressed ? .deflate : .none
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
