import Diagnostics
import DocumentModel

/// The covers asyl.yaml names (`cover:`): each is a file of the tree, an image
/// of the format its name says (`missing-media`, `invalid-media`), found at
/// its edition.
public enum CoverChecks {
    /// `files`: the tree's files; `inspections`: each named cover that is one, looked at.
    public static func check(
        _ configuration: ProjectConfiguration, files: Set<String>, inspections: [String: MediaInspection]
    ) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for edition in configuration.editions {
            for path in Set(edition.publication.cover.values.values).sorted() {
                guard files.contains(path) else {
                    findings.append(Diagnostic(.missingMedia, Message(.checkImageNotFound, ["path": path]), at: edition.location))
                    continue
                }
                findings += (inspections[path]?.problems ?? []).map { problem in
                    Diagnostic(.invalidMedia, MediaChecks.message(problem, path: path), at: edition.location)
                }
            }
        }
        return findings
    }

    /// The covers the configuration names, each once.
    public static func paths(_ configuration: ProjectConfiguration) -> [String] {
        Set(configuration.editions.flatMap { $0.publication.cover.values.values }).sorted()
    }
}
