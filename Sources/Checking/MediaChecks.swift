import Diagnostics
import DocumentModel
import Resolution

/// `missing-media`, `invalid-media`, `missing-alt` and `print-resolution`.
enum MediaChecks {
    static func check(_ project: ResolvedProject) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let printed = project.configuration.editions.filter { $0.formats.contains(where: { $0 == .print || $0 == .pdf }) }
        let column = project.configuration.printGeometry.columnWidthMillimetres
        for entry in project.entries {
            let inPrint = printed.contains { Self.mayHold($0.selection, entry) }
            for version in entry.versions {
                for image in version.images {
                    let location = version.location(image.range)
                    if image.alt.allSatisfy(\.isWhitespace) {
                        findings.append(Diagnostic(
                            .missingAlt, Message(.checkImageWithoutAlt, ["path": image.reference.path]), at: location))
                    }
                    if case .file(let path, _) = image.reference.resolution, let inspection = project.media[path] {
                        findings += inspection.problems.map { problem in
                            Diagnostic(.invalidMedia, Self.message(problem, path: path), at: location)
                        }
                        if inPrint, image.isFigure, inspection.problems.isEmpty, let resolution = PrintResolution(inspection, column: column),
                           resolution.isTooLow {
                            findings.append(Diagnostic(.printResolution, Message(.checkPrintResolution, [
                                "path": path, "width": inspection.width ?? 0, "column": Self.shown(millimetres: column),
                                "ppi": resolution.ppi, "needed": resolution.needed,
                            ]), at: location))
                        }
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

    /// Whether an edition's `select:` may hold the entry: by kind, category
    /// and id. A region's members are known only across entries, so an
    /// edition that selects by region is taken to hold it.
    static func mayHold(_ selection: Selection, _ entry: Entry) -> Bool {
        (selection.kinds.isEmpty || selection.kinds.contains(entry.kind ?? ""))
            && (selection.categories.isEmpty || !Set(selection.categories).isDisjoint(with: entry.categories))
            && (selection.ids.isEmpty || selection.ids.contains(entry.id))
    }

    static func shown(millimetres: Double) -> String {
        millimetres == millimetres.rounded() ? String(Int(millimetres)) : String(format: "%.1f", millimetres)
    }

    /// A size as asyl.yaml would write it: `32 MiB`, `800 KiB`, or bytes.
    static func shown(_ size: Int) -> String {
        size % 1_048_576 == 0 ? "\(size / 1_048_576) MiB" : size % 1024 == 0 ? "\(size / 1024) KiB" : "\(size) B"
    }

    static func message(_ problem: MediaInspection.Problem, path: String) -> Message {
        switch problem {
        case .notARegularFile: Message(.checkMediaNotAFile, ["path": path])
        case .unreadable: Message(.checkMediaUnreadable, ["path": path])
        case .empty: Message(.checkMediaEmpty, ["path": path])
        case .tooLarge(let size, let limit):
            Message(.checkMediaTooLarge, ["path": path, "size": size, "limit": limit, "shown": shown(limit)])
        case .otherFormat(let claimed, let found?):
            Message(.checkMediaOtherFormat, [
                "path": path, "claimed": claimed.name, "found": found.name, "extension": found.fileExtension,
            ])
        case .otherFormat(let claimed, nil): Message(.checkMediaNoImage, ["path": path, "claimed": claimed.name])
        case .damaged(let format): Message(.checkMediaDamaged, ["path": path, "format": format.name])
        case .tooManyPixels(let width, let height):
            Message(.checkMediaTooManyPixels, [
                "path": path, "width": width, "height": height, "limit": MediaInspection.maximumPixels / 1_000_000,
            ])
        case .svgNotWellFormed(let reason): Message(.checkMediaSVGNotWellFormed, ["path": path, "reason": reason])
        case .svgNotSVG(let root): Message(.checkMediaSVGOtherRoot, ["path": path, "root": root])
        case .svgActiveElement(let element): Message(.checkMediaSVGActiveElement, ["path": path, "element": element])
        case .svgEventAttribute(let attribute): Message(.checkMediaSVGEventAttribute, ["path": path, "attribute": attribute])
        case .svgExternalReference(let address): Message(.checkMediaSVGExternal, ["path": path, "address": address])
        case .svgDeclarations: Message(.checkMediaSVGDeclarations, ["path": path])
        }
    }
}
