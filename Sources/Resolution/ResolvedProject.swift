import Diagnostics
import DocumentModel

/// The resolve stage's output: entries assembled from their versions, every
/// reference resolved, backlinks computed. Renderers and checks read this.
public struct ResolvedProject: Sendable {
    public var configuration: ProjectConfiguration
    public var bibliography: Bibliography
    /// Sorted by id.
    public var entries: [Entry]
    /// A version file that repeats an entry's id and language, and the one kept.
    public var duplicates: [DuplicateVersion]
    /// Language-neutral values that differ from the reference value.
    public var conflicts: [FactConflict]
    /// What links can reach: every entry of the project (empty when the
    /// project is one entry checked on its own, in the build graph, which
    /// resolved it against the entries it links to).
    public var targets: TargetIndex
    /// What the image files the entries show were found to be, by path
    /// (empty when no file was looked at: the media checks then see only paths).
    public var media: [String: MediaInspection] = [:]
    private var index: [EntryID: Int]

    public init(
        configuration: ProjectConfiguration, bibliography: Bibliography, entries: [Entry],
        duplicates: [DuplicateVersion], conflicts: [FactConflict], targets: TargetIndex
    ) {
        self.targets = targets
        self.configuration = configuration
        self.bibliography = bibliography
        self.entries = entries
        self.duplicates = duplicates
        self.conflicts = conflicts
        var index: [EntryID: Int] = [:]
        for (position, entry) in entries.enumerated() { index[entry.id] = position }
        self.index = index
    }

    public subscript(id: EntryID) -> Entry? { index[id].map { entries[$0] } }
}

public struct DuplicateVersion: Hashable, Sendable, Codable {
    public var id: EntryID
    public var language: LanguageTag
    public var path: String
    public var keptPath: String
}

/// A version writes a language-neutral value unlike the reference (FORMAT.md §2.1).
public struct FactConflict: Hashable, Sendable, Codable {
    public var entry: EntryID
    public var field: String
    public var path: String
    public var range: SourceRange
    public var value: FactValue
    public var reference: MergedFact
}
