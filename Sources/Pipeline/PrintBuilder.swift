import DocumentModel
import Foundation
import Localisation
import NativeBridge
import Resolution
import XMLSerialisation

/// Makes the print HTML of one book: `print-LANG/index.html` with print.css,
/// fonts and images beside it, for a CSS paged-media engine. The folder is
/// assembled under a temporary name and swapped into place at the end.
struct PrintBuilder {
    let plan: BookPlan
    let project: ResolvedProject
    let tree: URL
    let stylesheet: XSLTStylesheet
    let styles: URL
    let date: Date

    func write(to folder: URL) throws {
        let parent = folder.deletingLastPathComponent()
        let work = parent.appendingPathComponent(".\(folder.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let chunks = work.appendingPathComponent(".xml")
        try? FileManager.default.removeItem(at: work)
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: chunks, withIntermediateDirectories: true)

        let serialiser = BookSerialiser(
            plan: plan, project: project, modified: date, resources: [], fontLicence: "",
            kazakhSoftHyphens: plan.language.rawValue == "kk")
        for chunk in plan.chunks {
            let name = chunk.file.replacingOccurrences(of: ".xhtml", with: ".xml")
            try Data(serialiser.chunk(chunk).serialized()).write(to: chunks.appendingPathComponent(name))
        }
        let html = try stylesheet.transform(serialiser.outline(), parameters: [("chunks.dir", chunks.path + "/")])
        try Data("<!DOCTYPE html>\n".utf8 + html).write(to: work.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: chunks)

        let geometry = project.configuration.printGeometry
        let size = geometry.trim.replacingOccurrences(of: "mm", with: "").split(separator: "x").map { "\($0)mm" }.joined(separator: " ")
        var page = "@page { size: \(size); bleed: \(geometry.bleed);"
        if let marks = geometry.marks { page += " marks: \(marks);" }
        page += " }\n"
        let css = try Data(contentsOf: styles.appendingPathComponent("print.css"))
        try (Data(page.utf8) + css).write(to: work.appendingPathComponent("print.css"))

        let fonts = work.appendingPathComponent("fonts")
        try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
        for font in EPUBBuilder.fonts + ["PTSerif-LICENSE.txt", "AsylArrows.ttf", "AsylArrows-LICENSE.txt"] {
            try FileManager.default.copyItem(at: styles.appendingPathComponent("fonts/" + font), to: fonts.appendingPathComponent(font))
        }
        for planned in plan.entries {
            for image in planned.version.images {
                guard case .file(let path, _) = image.reference.resolution else { continue }
                let target = work.appendingPathComponent(path)
                guard !FileManager.default.fileExists(atPath: target.path) else { continue }
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: tree.appendingPathComponent(path), to: target)
            }
        }
        // Swap the finished folder in; the old one goes only once the new one is complete.
        let old = parent.appendingPathComponent(".\(folder.lastPathComponent).old")
        try? FileManager.default.removeItem(at: old)
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.moveItem(at: folder, to: old) }
        try FileManager.default.moveItem(at: work, to: folder)
        try? FileManager.default.removeItem(at: old)
    }
}
