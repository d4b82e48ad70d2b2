import Diagnostics
import DocumentModel
import Resolution

/// `missing-media` and `missing-alt`.
enum MediaChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for entry in project.entries {
            for version in entry.versions {
                for image in version.images {
                    let location = version.location(image.range)
                    if image.alt.allSatisfy(\.isWhitespace) {
                        findings.append(Diagnostic(
                            .missingAlt, "image '\(image.reference.path)' has no alt text: write what it shows in ![…]",
                            at: location))
                    }
                    guard case .missing(let failure) = image.reference.resolution else { continue }
                    let message: String
                    var notes: [Diagnostic.Note] = []
                    switch failure {
                    case .notFound(let suggestion):
                        message = "no file '\(image.reference.path)' in the source tree"
                        if let suggestion { notes = [.init("did you mean '\(suggestion)'?")] }
                    case .unsupportedType(let type):
                        message = "'\(image.reference.path)': \(type.isEmpty ? "no file type" : "type '\(type)'") is not supported; use JPEG, PNG, GIF or SVG"
                    case .leavesSourceTree: message = "'\(image.reference.path)' leaves the source tree; media paths are relative to it"
                    case .external: message = "'\(image.reference.path)' is not in the source tree; copy the image into media/"
                    }
                    findings.append(Diagnostic(.missingMedia, message, at: location, notes: notes))
                }
            }
        }
        return findings
    }
}
