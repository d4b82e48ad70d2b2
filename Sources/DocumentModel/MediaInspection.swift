/// What an image file of the tree was found to be when its bytes were
/// looked at: an image shipped in a book is what its name says, of a size
/// a book can carry, and an SVG holds nothing that runs or reaches out.
public struct MediaInspection: Hashable, Sendable, Codable {
    public enum Format: String, Hashable, Sendable, Codable {
        case png, jpeg, gif, svg

        /// The format a file name's extension claims (`Resolver.mediaTypes` lists the same).
        public init?(fileExtension: String) {
            switch fileExtension.lowercased() {
            case "png": self = .png
            case "jpg", "jpeg": self = .jpeg
            case "gif": self = .gif
            case "svg": self = .svg
            default: return nil
            }
        }

        public var name: String {
            switch self {
            case .png: "PNG"
            case .jpeg: "JPEG"
            case .gif: "GIF"
            case .svg: "SVG"
            }
        }

        public var fileExtension: String {
            switch self {
            case .png: "png"
            case .jpeg: "jpg"
            case .gif: "gif"
            case .svg: "svg"
            }
        }
    }

    public enum Problem: Hashable, Sendable, Codable {
        /// A FIFO, a device, a socket or a folder: only regular files are read.
        case notARegularFile
        /// A regular file that cannot be read (no permission, or it changed while read).
        case unreadable
        case empty
        case tooLarge(size: Int, limit: Int)
        /// The bytes are of another image format (nil: of none Asyl knows, such as text).
        case otherFormat(claimed: Format, found: Format?)
        /// The signature is right but the header that gives the size is cut short or damaged.
        case damaged(Format)
        case tooManyPixels(width: Int, height: Int)
        /// libxml2's own words.
        case svgNotWellFormed(String)
        case svgNotSVG(root: String)
        /// `<script>` or `<foreignObject>` (which can carry HTML and its scripts).
        case svgActiveElement(String)
        /// An `on…` attribute: an event handler.
        case svgEventAttribute(String)
        /// A link, image, style or font to be fetched from outside the file.
        case svgExternalReference(String)
        /// A DOCTYPE with an internal subset: entity or other declarations.
        case svgDeclarations
    }

    public var format: Format?
    public var width: Int?
    public var height: Int?
    public var problems: [Problem]

    public init(format: Format?, width: Int? = nil, height: Int? = nil, problems: [Problem]) {
        self.format = format
        self.width = width
        self.height = height
        self.problems = problems
    }

    /// At most this many pixels: Pillow (under WeasyPrint) warns of a decompression bomb from about 89 million.
    public static let maximumPixels = 89_000_000
    /// The default for `media-size-limit`: a photograph of 300 ppi across an A3 spread fits.
    public static let defaultSizeLimit = 32 * 1024 * 1024
    /// The largest `media-size-limit` a project may set: an image is read whole to be looked at.
    public static let largestSizeLimit = 1024 * 1024 * 1024
}
