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
                            .missingAlt, Message(.checkImageWithoutAlt, ["path": image.reference.path]), at: location))
                    }
                    guard case .missing(let failure) = image.reference.resolution else { continue }
                    let path = image.reference.path
                    let message: Message
                    var notes: [Diagnostic.Note] = []
                    switch failure {
                    case .notFound(let suggestion):
                        message = Message(.checkImageNotFound, ["path": path])
                        if let suggestion { notes = [.init(Message(.checkDidYouMean, ["suggestion": suggestion]))] }
                    case .unsupportedType(let type):
                        message = type.isEmpty
                            ? Message(.checkImageWithoutType, ["path": path])
                            : Message(.checkImageTypeUnsupported, ["path": path, "type": type])
                    case .leavesSourceTree: message = Message(.checkImageLeavesTree, ["path": path])
                    case .external: message = Message(.checkImageExternal, ["path": path])
                    }
                    findings.append(Diagnostic(.missingMedia, message, at: location, notes: notes))
                }
            }
        }
        return findings
    }
}
