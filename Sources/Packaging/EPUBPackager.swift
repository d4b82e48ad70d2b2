import FileSystem
import Foundation

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
/// then every other member in sorted order, all with one fixed date, so the
/// same files give the same bytes. The archive is written beside its final
/// name and renamed into place: a failure leaves the previous book untouched.
public enum EPUBPackager {
    /// Package files live under this folder of the container.
    public static let root = "EPUB"

    /// The member a package file becomes, at its place in the container.
    public static func member(_ file: PackageFile) -> ZIPMember {
        ZIPMember(path: root + "/" + file.path, bytes: file.bytes, compress: !isCompressed(file.path))
    }

    /// `members`: made by `member(_:)` (or taken from a cache of what it made).
    public static func write(_ members: [ZIPMember], to destination: URL, date: Date) throws {
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PackagingError.cannotWrite(folder.path, FileSystem.reason(error))
        }
        let (time, day) = ZIPWriter.dosTimeAndDate(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down)))
        let fixed = [
            ZIPMember(path: "mimetype", bytes: Array("application/epub+zip".utf8), compress: false),
            ZIPMember(path: "META-INF/container.xml", bytes: containerXML),
        ]
        let bytes: [UInt8]
        do {
            bytes = try ZIPWriter.archive(fixed + members.sorted { $0.path < $1.path }, time: time, date: day)
        } catch {
            throw PackagingError.cannotWrite(destination.path, error.description)
        }
        do {
            try FileSystem.writeAtomically(bytes, to: destination.path)
        } catch {
            throw PackagingError.cannotWrite(destination.path, error.reason)
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
}
