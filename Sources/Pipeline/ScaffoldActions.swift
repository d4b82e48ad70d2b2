import BuildGraph
import Diagnostics
import DocumentModel
import FileSystem
import Foundation
import Loading
import Scaffolding

/// Why `asyl init`, `asyl new` or `asyl translations` wrote nothing, or refused to read the tree.
public enum TreeEditError: Error, CustomStringConvertible {
    /// The request cannot be met as given (exit 2).
    case refused(Message)
    /// A file could not be written (exit 3, FORMAT.md §7).
    case io(FileSystem.Failure)

    public var message: Message {
        switch self {
        case .refused(let message): message
        case .io(let failure): Message(.cannotWrite, ["path": failure.path, "reason": failure.reason])
        }
    }

    public var description: String { message.english }
}

/// A tree read as far as `asyl new` and `asyl translations` need: a build
/// graph over its listing, with the build folder's store (as `asyl check`
/// uses it), and asyl.yaml, which must have no error.
struct TreeReading {
    let graph: Graph
    let configuration: ProjectConfiguration

    init(_ scan: SourceScan, source: URL, buildFolder: URL?) throws(TreeEditError) {
        let store = CheckAction(source: source, buildFolder: buildFolder).storeFolder
            .map { Store(root: $0.appendingPathComponent(".cache"), version: AsylVersion.store) } ?? Store()
        graph = PipelineGraph.make(store: store)
        let project: ParsedFile<ProjectConfiguration>
        do {
            let listing = Listing(root: scan.root.path, files: scan.stamps, paths: scan.paths, setAside: scan.setAside)
            try graph.set(SourceListing(), to: listing, fingerprint: listing.fingerprint)
            project = try graph.value(ProjectFile())
        } catch {
            preconditionFailure("the build graph failed reading the tree: \(error)")
        }
        if let error = project.diagnostics.first(where: { $0.severity == .error }) {
            throw .refused(Message(.treeConfigurationHasErrors, ["line": error.location.range?.start.line ?? 1, "first": error.message]))
        }
        configuration = project.content
    }

    /// A product of the graph; they only throw on a programming error (an input not set, a cycle).
    func value<Q: Query>(_ query: Q) -> Q.Value {
        do { return try graph.value(query) } catch { preconditionFailure("the build graph failed reading the tree: \(error)") }
    }

    /// Keeps what was read in the store, for the next command.
    func finish() { graph.save(keepingOthers: true) }
}

/// `asyl init DIR`: a new encyclopedia in a new or empty folder.
public struct InitAction: Sendable {
    public var folder: URL
    public init(folder: URL) { self.folder = folder }

    /// The paths written, relative to the folder.
    public func run() throws(TreeEditError) -> [String] {
        let path = folder.path
        switch FileSystem.kind(of: path) {
        case nil: break
        case .directory:
            guard FileSystem.list(path).isEmpty else {
                throw .refused(Message(.treeInitFolderNotEmpty, ["path": path]))
            }
        default: throw .refused(Message(.treeInitNotAFolder, ["path": path]))
        }
        let template = ProjectTemplate(folderName: folder.standardizedFileURL.lastPathComponent)
        for name in ProjectTemplate.folders {
            try Self.makeFolders(path + "/" + name)
        }
        for file in template.files {
            let target = path + "/" + file.path
            try Self.makeFolders((target as NSString).deletingLastPathComponent)
            do { try FileSystem.writeAtomically(Array(file.text.utf8), to: target) } catch { throw .io(error) }
        }
        return template.files.map(\.path)
    }

    static func makeFolders(_ path: String) throws(TreeEditError) {
        guard FileSystem.makeFolder(path) else { throw .io(FileSystem.Failure(path: path, reason: FileSystem.lastError())) }
    }
}

/// `asyl new KIND ID`: the version files of a new entry, from its kind's
/// fields in asyl.yaml (`EntryScaffold`).
public struct NewEntryAction: Sendable {
    public var source: URL
    public var kind: String
    public var id: String
    /// Nil: every language that has files.
    public var languages: [String]?
    /// A folder under entries/; nil: where the kind's entries mostly are, else `entries/KIND/`.
    public var folder: String?
    /// As for `asyl check`: a build folder whose store spares reading the tree again.
    public var buildFolder: URL?

    public init(source: URL, kind: String, id: String, languages: [String]? = nil, folder: String? = nil, buildFolder: URL? = nil) {
        self.source = source
        self.kind = kind
        self.id = id
        self.languages = languages
        self.folder = folder
        self.buildFolder = buildFolder
    }

    public struct Result: Sendable {
        /// Relative to the source tree.
        public var written: [String]
        /// Required fields left for the editor, which the check reports until written.
        public var unfilled: [String]
    }

    public func run() throws(TreeEditError) -> Result {
        guard EntryID.isValid(id) else {
            throw .refused(Message(.treeNewMalformedID, ["id": id]))
        }
        let scan: SourceScan
        do { scan = try CheckAction(source: source).scan() } catch { throw .refused(error.message) }
        let taken = scan.paths.filter { path in
            path.hasPrefix("entries/") && VersionFileName(String(path.split(separator: "/").last!))?.id == id
        }
        guard taken.isEmpty else { throw .refused(Message(.treeNewIDTaken, ["id": id, "paths": taken.joined(separator: ", ")])) }

        let reading = try TreeReading(scan, source: source, buildFolder: buildFolder)
        let (examples, folders) = read(reading)
        reading.finish()
        let configuration = reading.configuration

        guard let schema = configuration.kinds.first(where: { $0.name == kind }) else {
            let names = configuration.kinds.map(\.name)
            let kinds = names.joined(separator: ", ")
            if let near = NearMiss.closest(to: kind, in: names) {
                throw .refused(Message(.treeNewUnknownKindDidYouMean, ["kind": kind, "near": near, "kinds": kinds]))
            }
            throw .refused(Message(.treeNewUnknownKind, ["kind": kind, "kinds": kinds]))
        }
        if let language = configuration.reservedWebSegments[id] {
            throw .refused(Message(.treeNewReservedID, ["id": id, "language": language.rawValue]))
        }
        let chosen = try languages(of: configuration)
        let folder = try self.folder(folders[kind] ?? [:])
        let scaffold = EntryScaffold(configuration: configuration, kind: schema, id: EntryID(id), languages: chosen, examples: examples)
        var written: [String] = []
        // The folder may be reached through a link, which would put the files outside the tree: the
        // part of it that exists must be the tree's own.
        var existing = URL(fileURLWithPath: source.path + "/" + folder)
        while FileSystem.kind(of: existing.path) == nil { existing.deleteLastPathComponent() }
        let tree = source.resolvingSymlinksInPath().path
        let entries = tree + "/entries"
        let reached = existing.resolvingSymlinksInPath().path
        guard reached == tree || (reached + "/").hasPrefix(entries + "/") else {
            throw .refused(Message(.treeNewFolderThroughLink, ["folder": folder, "entries": entries]))
        }
        try InitAction.makeFolders(source.path + "/" + folder)
        for file in scaffold.files {
            let path = "\(folder)/\(id).\(file.language.rawValue).md"
            do { try FileSystem.writeAtomically(Array(file.text.utf8), to: source.path + "/" + path) } catch { throw .io(error) }
            written.append(path)
        }
        return Result(written: written, unfilled: scaffold.unfilled)
    }

    /// The entries by kind, their folders by kind, and the source keys.
    private func read(_ reading: TreeReading) -> (EntryScaffold.Examples, [String: [String: Int]]) {
        var entries: [String: [EntryID]] = [:]
        var folders: [String: [String: Int]] = [:]
        for entry in reading.value(EntryIndex()) {
            guard let interface = reading.value(EntryInterfaceQuery(entry)), let kind = interface.kind else { continue }
            entries[kind, default: []].append(entry)
            for version in interface.versions {
                folders[kind, default: [:]][(version.path as NSString).deletingLastPathComponent, default: 0] += 1
            }
        }
        let keys = reading.value(SourceKeys()).keys.sorted()
        return (EntryScaffold.Examples(entries: entries.mapValues { $0.sorted() }, sourceKeys: keys), folders)
    }

    private func languages(of configuration: ProjectConfiguration) throws(TreeEditError) -> [LanguageTag] {
        guard let languages else { return configuration.languages }
        let asked = languages.filter { !$0.isEmpty }.map { LanguageTag($0) }
        guard !asked.isEmpty else { throw .refused(Message(.treeNewNoLanguage)) }
        for language in asked where !configuration.languages.contains(language) {
            if let derived = configuration.derivedLanguages.first(where: { $0.tag == language }) {
                throw .refused(Message(.treeNewDerivedLanguage, ["language": language.rawValue, "source": derived.source.rawValue]))
            }
            let listed = configuration.languages.map(\.rawValue).joined(separator: ", ")
            throw .refused(Message(.treeNewUnknownLanguage, ["language": language.rawValue, "languages": listed]))
        }
        return configuration.languages.filter(asked.contains)
    }

    /// The folder given, which must stay under entries/; else the one where
    /// most of the kind's versions are, the first by name on a tie.
    private func folder(_ counts: [String: Int]) throws(TreeEditError) -> String {
        if let folder {
            let parts = folder.split(separator: "/", omittingEmptySubsequences: true)
            let relative = parts.first == "entries" ? parts.dropFirst() : parts[...]
            guard !folder.hasPrefix("/"), !relative.contains(where: { $0.hasPrefix(".") }) else {
                throw .refused(Message(.treeNewFolderOutside, ["folder": folder]))
            }
            return (["entries"] + relative.map(String.init)).joined(separator: "/")
        }
        let most = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }
        return most?.key ?? "entries/\(kind)"
    }
}
