import BuildGraph
import DocumentModel
import FileSystem
import Foundation
import Packaging
import Parallelism

/// Makes an edition's plaques, OUT/EDITION/plaques/: `ID.svg` for each entry
/// of the kinds its `plaques:` names, and `index.html`, the print sheet of
/// them all with the fonts it uses (docs/plaques.md), assembled in a `WorkFolder`.
struct PlaqueBuilder {
    let edition: String
    let graph: Graph
    let styles: URL
    let progress: ProgressCounter?

    func write(to folder: URL) throws {
        let entries = try graph.value(PlaqueEntries(edition))
        let plaques = entries.map { PlaqueSVG(edition: edition, id: $0) }
        let sheet = PlaqueSheet(edition)
        let (graph, styles, progress) = (self.graph, self.styles, self.progress)
        progress?.begin(.plaques(edition: edition), total: plaques.count)
        var hasher = FingerprintHasher()
        let fingerprints = plaques.concurrentMap(batch: 8) { plaque in
            Result { () throws -> Fingerprint in
                defer { progress?.advance() }
                return try graph.fingerprint(plaque)
            }
        }
        for (plaque, fingerprint) in zip(plaques, fingerprints) {
            hasher.combine(plaque.key.description)
            hasher.combine(try fingerprint.get())
        }
        hasher.combine(try graph.fingerprint(sheet))
        for font in EPUBBuilder.fonts { hasher.combine("\(font) \(FileSystem.status(styles.appendingPathComponent("fonts/" + font).path)?.text ?? "none")") }
        let madeFrom = hasher.finalize()
        guard !graph.isCurrent(output: folder.path, madeFrom: madeFrom) else { return }

        try WorkFolder.assemble(folder) { work in
            for member in try plaques.map({ try graph.value($0) }) + [try graph.value(sheet)] {
                guard let bytes = member.contents else {
                    throw BuildError.internalInconsistency("the plaque \(member.path) could not be inflated")
                }
                try FileSystem.write(bytes, to: work.appendingPathComponent(member.path).path)
            }
            for font in EPUBBuilder.fonts + ["PTSerif-LICENSE.txt"] {
                guard let bytes = FileSystem.readRegularFile(styles.appendingPathComponent("fonts/" + font).path) else {
                    throw BuildError.cannotRead(styles.appendingPathComponent("fonts/" + font).path)
                }
                try FileSystem.write(bytes, to: work.appendingPathComponent("fonts/" + font).path)
            }
        }
        graph.wrote(output: folder.path, madeFrom: madeFrom)
        graph.release(plaques.map(\.key) + [sheet.key])
    }
}
