import BuildGraph
import Checking
import Diagnostics
import DocumentModel
import Foundation
import Loading
import Media
import Parallelism
import Parsing
import Resolution

/// The front half of the pipeline as products of the build graph: the
/// listing of the tree → each entry's files → its parsed versions → its
/// interface → its resolved form and findings → shards of entries → the
/// findings of the project. An entry is read, resolved and checked again
/// only when its files changed or what it read of others did (the titles,
/// anchors and kinds of the entries it links to, which source keys exist,
/// which media files exist); a change that leaves a product as it was stops there.
///
/// Per-entry products are not stored: they are cheap to make again and
/// large, and their traces alone tell that they have not changed. The
/// shards and the project's findings are stored, so a check after an
/// edit reads a few files, not the tree.
enum CheckProducts {
    static let kinds: [any Query.Type] = [
        SourceListing.self, ListingPaths.self, ListedStamp.self, ProjectFile.self, SourcesFile.self, EntryConfiguration.self, EntryListing.self,
        ListingFindings.self, EntryIndex.self, ShardMembers.self, ShardListing.self, EntryFiles.self, ParsedEntryQuery.self,
        EntryInterfaceQuery.self, LinkTarget.self, FileFindings.self, SourceIndex.self, SourceKeys.self, MediaListing.self, ResolvedEntry.self,
        InspectedMedia.self, CoverFindings.self, PrintedEditions.self, EntryFindings.self, EntryPlaces.self, InterfaceShard.self, FindingShard.self, PlaceShard.self, ReservedWebSegments.self, IssuedAddresses.self,
        OverviewCheck.self,
        ProjectCheck.self,
    ]

    /// Entries are grouped into this many shards, so that what reads every
    /// entry reads a few stored values, and an edit remakes one of them.
    static let shards = 256

    /// An entry's shard, the same on every machine and run (FNV-1a of its id).
    static func shard(of id: EntryID) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in id.rawValue.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shards))
    }
}

/// A product of the whole project, with no argument.
protocol ProjectQuery: Query {
    init()
}

extension ProjectQuery {
    var argument: String { "" }
    init?(argument: String) {
        guard argument.isEmpty else { return nil }
        self.init()
    }
}

/// A product of one file of the tree, named by its path.
protocol PathQuery: Query {
    var path: String { get }
    init(_ path: String)
}

extension PathQuery {
    var argument: String { path }
    init?(argument: String) { self.init(argument) }
}

/// A product of one entry, named by its id.
protocol EntryQuery: Query {
    var id: EntryID { get }
    init(_ id: EntryID)
}

extension EntryQuery {
    static var isStored: Bool { false }
    var argument: String { id.rawValue }
    init?(argument: String) {
        guard EntryID.isValid(argument) else { return nil }
        self.init(EntryID(argument))
    }
}

/// A file of the tree as the listing has it.
struct ListedFile: Hashable, Sendable, Codable {
    var path: String
    var stamp: FileStamp
}

/// Every file of the source tree and its stamp, as the run scanned them.
struct Listing: Hashable, Sendable, Codable {
    var root: String
    var files: [String: FileStamp]
    /// The paths of `files`, sorted (the scan sorts them once).
    var paths: [String]
    /// Names the scan found and cannot use.
    var setAside: [SetAsideName] = []

    /// Its fingerprint, hashed from the sorted paths and stamps rather than
    /// from an encoding (the input is set with it: `Graph.set(_:to:fingerprint:)`).
    var fingerprint: Fingerprint {
        var hasher = FingerprintHasher()
        hasher.combine(root)
        for path in paths { ListedFile(path: path, stamp: files[path]!).hash(into: &hasher) }
        setAside.hash(into: &hasher)
        return hasher.finalize()
    }
}

extension [SetAsideName] {
    func hash(into hasher: inout FingerprintHasher) {
        for name in self { hasher.combine(name.reason.rawValue + " " + name.path) }
    }
}

extension ListedFile {
    func hash(into hasher: inout FingerprintHasher) {
        hasher.combine(path)
        var numbers: [UInt8] = []
        for number in [stamp.size, stamp.modified, stamp.changed, stamp.inode] {
            withUnsafeBytes(of: Int64(number).littleEndian) { numbers += $0 }
        }
        hasher.combine(bytes: numbers)
    }
}

struct SourceListing: InputQuery, ProjectQuery {
    typealias Value = Listing
    static let kind = "source-listing"
}

/// The paths of the tree's files, sorted: they change only when a file is
/// added, removed or renamed, so an edit reaches no product made from them.
struct ListingPaths: ProjectQuery {
    struct Value: Codable, Sendable {
        var root: String
        var paths: [String]
        var setAside: [SetAsideName]
    }

    static let kind = "listing-paths"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> Value {
        let listing = try context.value(SourceListing())
        return Value(root: listing.root, paths: listing.paths, setAside: listing.setAside)
    }

    /// Hashed rather than encoded: it is made again on every run.
    static func fingerprint(of value: Value) -> Fingerprint? {
        var hasher = FingerprintHasher()
        hasher.combine(value.root)
        for path in value.paths { hasher.combine(path) }
        value.setAside.hash(into: &hasher)
        return hasher.finalize()
    }
}

/// One file of the tree's stamp (nil: the tree has no such file), and the tree's root.
struct ListedStamp: PathQuery {
    struct Value: Codable, Sendable {
        var root: String
        var stamp: FileStamp?
    }

    static let kind = "listed-stamp"
    static var isStored: Bool { false }
    var path: String
    init(_ path: String) { self.path = path }

    func compute(_ context: QueryContext) throws -> Value {
        let listing = try context.value(SourceListing())
        return Value(root: listing.root, stamp: listing.files[path])
    }
}

/// A file of the project (asyl.yaml, sources.yaml) parsed, and what was wrong in it.
struct ParsedFile<Content: Codable & Sendable>: Codable, Sendable {
    var content: Content
    var diagnostics: [Diagnostic]
    /// Whether the file could be read as text.
    var isRead: Bool
}

extension ParsedFile {
    /// The file at `path` parsed, or `otherwise` and why it could not be read.
    static func read(
        _ path: String, in root: String, otherwise: Content, _ parse: (SourceFile) -> (Content, [Diagnostic])
    ) -> ParsedFile {
        switch Pipeline.read(path, in: root) {
        case .text(let file):
            let (content, findings) = parse(file)
            return ParsedFile(content: content, diagnostics: findings, isRead: true)
        case .problem(let problem):
            return ParsedFile(content: otherwise, diagnostics: [problem], isRead: false)
        }
    }
}

/// Reads a file of the tree as text.
private func read(_ path: String, in root: String) -> SourceTreeLoader.ReadOutcome {
    SourceTreeLoader().read(path, in: URL(fileURLWithPath: root))
}

/// asyl.yaml, parsed.
struct ProjectFile: ProjectQuery {
    static let kind = "project-file"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> ParsedFile<ProjectConfiguration> {
        let file = try context.value(ListedStamp("asyl.yaml"))
        let paths = try context.value(ListingPaths()).paths
        return ParsedFile.read("asyl.yaml", in: file.root, otherwise: ProjectConfiguration()) { text in
            ConfigurationParser.parse(text) { folder in paths.contains { $0.hasPrefix(folder + "/") } }
        }
    }
}

/// sources.yaml, parsed (nothing, when the project declares no languages).
struct SourcesFile: ProjectQuery {
    static let kind = "sources-file"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> ParsedFile<Bibliography> {
        let file = try context.value(ListedStamp("sources.yaml"))
        let configuration = try context.value(ProjectFile()).content
        guard !configuration.languages.isEmpty else {
            return ParsedFile(content: Bibliography(), diagnostics: [], isRead: false)
        }
        guard file.stamp != nil else {
            let absent = SourceTreeLoader.absent("sources.yaml", in: URL(fileURLWithPath: file.root))
            return ParsedFile(content: Bibliography(isReadable: false), diagnostics: [absent], isRead: false)
        }
        return ParsedFile.read("sources.yaml", in: file.root, otherwise: Bibliography(isReadable: false)) { file in
            BibliographyParser.parse(file, configuration: configuration)
        }
    }
}

/// The configuration as entries are read, resolved and checked with it:
/// without what only books print (titles, publisher, editions, page
/// geometry), so an edit of those reaches no entry.
struct EntryConfiguration: ProjectQuery {
    static let kind = "entry-configuration"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> ProjectConfiguration {
        var configuration = try context.value(ProjectFile()).content
        let blank = ProjectConfiguration()
        configuration.title = blank.title
        configuration.publisher = blank.publisher
        configuration.editions = blank.editions
        configuration.stylesDirectory = blank.stylesDirectory
        configuration.checks = blank.checks
        configuration.printGeometry = blank.printGeometry
        return configuration
    }
}

/// What `print-resolution` reads of the editions: the selections of those
/// printed (as print or pdf) and the trim, which gives a column's width.
/// Only an entry's findings read it, so an edit of a printed edition checks
/// the entries again and renders nothing again.
struct PrintedEditions: ProjectQuery {
    static let kind = "printed-editions"
    static var isStored: Bool { false }

    struct Value: Codable, Sendable, Hashable {
        var selections: [Selection]
        var trim: String
    }

    func compute(_ context: QueryContext) throws -> Value {
        let configuration = try context.value(ProjectFile()).content
        return Value(
            selections: configuration.editions.filter { $0.formats.contains { $0 == .print || $0 == .pdf } }.map(\.selection),
            trim: configuration.printGeometry.trim)
    }
}

/// The folders of the web editions' languages, which no entry id may take
/// (apart from the configuration, so only a change to them reaches the overview's check).
struct ReservedWebSegments: ProjectQuery {
    static let kind = "reserved-web-segments"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> [String: LanguageTag] {
        try context.value(ProjectFile()).content.reservedWebSegments
    }
}

/// plaques.lock, read, with where each web edition is published now (nil
/// content: the tree has no plaques.lock), and what was wrong in it.
struct IssuedAddresses: ProjectQuery {
    static let kind = "issued-addresses"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> ParsedFile<AddressBook?> {
        let file = try context.value(ListedStamp(IssuedAddressParser.path))
        guard file.stamp != nil else { return ParsedFile(content: nil, diagnostics: [], isRead: false) }
        var sites: [String: AddressBook.Site] = [:]
        let configuration = try context.value(ProjectFile()).content
        for edition in configuration.editions where edition.formats.contains(.web) {
            guard let base = edition.web.baseURL else { continue }
            let written = edition.languages.map { language in
                configuration.derivedLanguages.first { $0.tag == language }?.source ?? language
            }
            sites[base] = AddressBook.Site(edition: edition.id, languages: Set(written))
        }
        return ParsedFile.read(IssuedAddressParser.path, in: file.root, otherwise: nil) { file in
            let (issued, findings) = IssuedAddressParser.parse(file)
            return (AddressBook(path: file.path, issued: issued, sites: sites), findings)
        }
    }
}

/// The version files under `entries/`, by entry, and the files there that are not versions.
struct EntryListing: ProjectQuery {
    struct Value: Codable, Sendable {
        var root: String
        /// Paths by shard (`CheckProducts.shard(of:)`), then by entry.
        var shards: [[EntryID: [String]]]
        /// `stray-file` findings, and what the scan set aside.
        var findings: [Diagnostic]
        /// Files named like versions, in any language.
        var versionFiles: Int
    }

    /// Stored: the stamps of its files are read with it on every run that finds one changed.
    static let kind = "entry-listing"

    func compute(_ context: QueryContext) throws -> Value {
        let listing = try context.value(ListingPaths())
        let configuration = try context.value(EntryConfiguration())
        let (versionPaths, stray) = SourceTreeLoader.entryFiles(listing.paths)
        // Without languages no file can be read as a version; the config findings say why.
        let setAside = listing.setAside.map(\.diagnostic)
        guard !configuration.languages.isEmpty else {
            return Value(
                root: listing.root, shards: Array(repeating: [:], count: CheckProducts.shards), findings: setAside,
                versionFiles: versionPaths.count)
        }
        let (accepted, strayFindings) = ProjectParser.versionFiles(versionPaths, strayFiles: stray, configuration: configuration)
        let findings = setAside + strayFindings
        var shards: [[EntryID: [String]]] = Array(repeating: [:], count: CheckProducts.shards)
        for path in accepted {
            let id = EntryID(VersionFileName(String(path.split(separator: "/").last!))!.id)
            shards[CheckProducts.shard(of: id)][id, default: []].append(path)
        }
        return Value(root: listing.root, shards: shards, findings: findings, versionFiles: versionPaths.count)
    }
}

/// What the listing itself is found to hold: changes only when files are added or removed.
struct ListingFindings: ProjectQuery {
    struct Value: Codable, Sendable {
        var findings: [Diagnostic]
        var versionFiles: Int
    }

    static let kind = "listing-findings"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> Value {
        let listing = try context.value(EntryListing())
        return Value(findings: listing.findings, versionFiles: listing.versionFiles)
    }
}

/// Every entry's id, sorted.
struct EntryIndex: ProjectQuery {
    static let kind = "entry-index"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> [EntryID] {
        try context.value(EntryListing()).shards.flatMap(\.keys).sorted()
    }
}

/// A product of one shard of the entries, named by its number.
protocol ShardQuery: Query {
    var shard: Int { get }
    init(_ shard: Int)
}

extension ShardQuery {
    var argument: String { String(shard) }
    init?(argument: String) {
        guard let shard = Int(argument), (0..<CheckProducts.shards).contains(shard) else { return nil }
        self.init(shard)
    }
}

/// The ids of one shard's entries, sorted.
struct ShardMembers: ShardQuery {
    static let kind = "shard-members"
    static var isStored: Bool { false }
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> [EntryID] {
        try context.value(ShardListing(shard)).entries.keys.sorted()
    }
}

/// The version files of a shard's entries and their stamps: an edit
/// changes one shard's, so the files of the entries of the others are not
/// looked at again.
struct ShardListing: ShardQuery {
    struct Value: Codable, Sendable {
        var root: String
        var entries: [EntryID: [ListedFile]]
    }

    static let kind = "shard-listing"
    static var isStored: Bool { false }
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> Value {
        let listing = try context.value(EntryListing())
        let stamps = try context.value(SourceListing()).files
        return Value(root: listing.root, entries: listing.shards[shard].mapValues { paths in
            paths.map { ListedFile(path: $0, stamp: stamps[$0]!) }
        })
    }

    /// Hashed rather than encoded: it is made again on every run that finds a file changed.
    static func fingerprint(of value: Value) -> Fingerprint? {
        var hasher = FingerprintHasher()
        hasher.combine(value.root)
        for id in value.entries.keys.sorted() {
            hasher.combine(id.rawValue)
            withUnsafeBytes(of: Int64(value.entries[id]!.count).littleEndian) { hasher.combine(bytes: Array($0)) }
            for file in value.entries[id]! { file.hash(into: &hasher) }
        }
        return hasher.finalize()
    }
}

/// An entry's version files and their stamps: what its parse is made from.
struct EntryFiles: EntryQuery {
    struct Value: Codable, Sendable {
        var root: String
        var files: [ListedFile]
    }

    static let kind = "entry-files"
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> Value {
        let listing = try context.value(ShardListing(CheckProducts.shard(of: id)))
        return Value(root: listing.root, files: listing.entries[id] ?? [])
    }
}

/// An entry's versions, read and parsed; a file that cannot be read is a finding.
struct ParsedEntryQuery: EntryQuery {
    static let kind = "parsed-entry"
    static var fingerprintsValue: Bool { false }
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> ParsedEntry {
        let files = try context.value(EntryFiles(id))
        let configuration = try context.value(EntryConfiguration())
        var texts: [SourceFile] = []
        var problems: [Diagnostic] = []
        for file in files.files {
            switch read(file.path, in: files.root) {
            case .text(let text): texts.append(text)
            case .problem(let problem): problems.append(problem)
            }
        }
        var parsed = ProjectParser.parseEntry(texts, configuration: configuration)
        parsed.diagnostics = problems + parsed.diagnostics
        return parsed
    }
}

/// What other entries see of an entry; nil for an id no entry has.
struct EntryInterfaceQuery: EntryQuery {
    static let kind = "entry-interface"
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> EntryInterface? {
        let parsed = try context.value(ParsedEntryQuery(id))
        let configuration = try context.value(EntryConfiguration())
        return Resolver.assemble(parsed.versions, configuration: configuration).entries.first.map(EntryInterface.init)
    }
}

/// What a link to an entry reaches; nil for an id no entry has. Read
/// from its shard, which is stored: a link's target is not parsed again.
struct LinkTarget: EntryQuery {
    static let kind = "link-target"
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> TargetIndex.Target? {
        let interfaces = try context.value(InterfaceShard(CheckProducts.shard(of: id)))
        // A shard's interfaces are sorted by id.
        var low = 0
        var high = interfaces.count
        while low < high {
            let middle = (low + high) / 2
            if interfaces[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < interfaces.count && interfaces[low].id == id ? interfaces[low].target : nil
    }
}

/// What was wrong in asyl.yaml or sources.yaml, and whether it could be
/// read: all the project's findings read of it, so an edit that leaves
/// both as they were reaches no check of the whole project.
struct FileFindings: Query {
    struct Value: Codable, Sendable {
        var diagnostics: [Diagnostic]
        var isRead: Bool
    }

    static let kind = "file-findings"
    static var isStored: Bool { false }
    var path: String
    var argument: String { path }
    init(_ path: String) { self.path = path }
    init?(argument: String) {
        guard ["asyl.yaml", "sources.yaml"].contains(argument) else { return nil }
        path = argument
    }

    func compute(_ context: QueryContext) throws -> Value {
        if path == "asyl.yaml" {
            let file = try context.value(ProjectFile())
            return Value(diagnostics: file.diagnostics, isRead: file.isRead)
        }
        let file = try context.value(SourcesFile())
        return Value(diagnostics: file.diagnostics, isRead: file.isRead)
    }
}

/// The keys of sources.yaml and where each is written: what the check of
/// unused sources reads of it.
struct SourceIndex: ProjectQuery {
    static let kind = "source-index"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> Bibliography {
        let bibliography = try context.value(SourcesFile()).content
        return Bibliography(
            bibliography.sources.map { Source(key: $0.key, type: .book, location: $0.location) }, isReadable: bibliography.isReadable)
    }
}

/// The keys of sources.yaml: all that resolving an entry reads of it
/// (stored: an entry resolved again does not parse sources.yaml again).
struct SourceKeys: ProjectQuery {
    static let kind = "source-keys"

    func compute(_ context: QueryContext) throws -> Bibliography {
        try context.value(SourcesFile()).content.keysOnly
    }
}

/// The tree's files an image may name (by type), sorted.
struct MediaListing: ProjectQuery {
    static let kind = "media-listing"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> [String] {
        try context.value(ListingPaths()).paths.filter { path in
            Resolver.mediaTypes[path.split(separator: ".").last.map { $0.lowercased() } ?? ""] != nil
        }
    }
}

/// An entry assembled and resolved against what it links to, cites and shows.
struct ResolvedEntry: EntryQuery {
    struct Value: Codable, Sendable {
        var entry: Entry?
        var duplicates: [DuplicateVersion]
        var conflicts: [FactConflict]
    }

    static let kind = "resolved-entry"
    static var fingerprintsValue: Bool { false }
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> Value {
        let parsed = try context.value(ParsedEntryQuery(id))
        guard let interface = try context.value(EntryInterfaceQuery(id)) else {
            return Value(entry: nil, duplicates: [], conflicts: [])
        }
        let configuration = try context.value(EntryConfiguration())
        var targets: [EntryID: TargetIndex.Target] = [id: interface.target]
        var missing = false
        for link in interface.links {
            // A link to what is not an id at all reaches no entry, and is no product.
            guard EntryID.isValid(link.rawValue), let target = try context.value(LinkTarget(link)) else {
                missing = true
                continue
            }
            targets[link] = target
        }
        // Every id is read only for "did you mean", when a link reaches no entry.
        let ids = missing ? try context.value(EntryIndex()).map(\.rawValue) : []
        let files = parsed.versions.contains { !$0.images.isEmpty } ? Set(try context.value(MediaListing())) : []
        let resolved = Resolver.resolve(
            versions: parsed.versions, configuration: configuration, bibliography: try context.value(SourceKeys()),
            files: files, targets: TargetIndex(targets, languages: configuration.languages, ids: ids))
        return Value(entry: resolved.entries.first, duplicates: resolved.duplicates, conflicts: resolved.conflicts)
    }
}

/// An entry's findings: the rules of a file's or an entry's scope.
struct EntryFindings: EntryQuery {
    static let kind = "entry-findings"
    /// Fingerprinted by what it is made from, never encoded: what reads it (a shard, a chunk) is stored and cuts a change off.
    static var fingerprintsValue: Bool { false }
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> [Diagnostic] {
        let parsed = try context.value(ParsedEntryQuery(id))
        let resolved = try context.value(ResolvedEntry(id))
        guard let entry = resolved.entry else { return parsed.diagnostics }
        var configuration = try context.value(EntryConfiguration())
        let printed = try context.value(PrintedEditions())
        configuration.editions = printed.selections.enumerated().map { index, selection in
            Edition(id: "printed-\(index)", title: LocalizedText(), languages: [], selection: selection, formats: [.print],
                    location: SourceLocation(path: ""))
        }
        configuration.printGeometry = PrintGeometry(trim: printed.trim)
        var project = ResolvedProject(
            configuration: configuration, bibliography: try context.value(SourceKeys()), entries: [entry],
            duplicates: resolved.duplicates, conflicts: resolved.conflicts, targets: TargetIndex([:], languages: []))
        for version in entry.versions {
            for image in version.images {
                guard case .file(let path, _) = image.reference.resolution, project.media[path] == nil else { continue }
                project.media[path] = try context.value(InspectedMedia(path))
            }
        }
        return parsed.diagnostics + Checker.checkEntries(project)
    }
}

/// The covers asyl.yaml names, each a file of the tree and an image.
struct CoverFindings: ProjectQuery {
    static let kind = "cover-findings"
    static var isStored: Bool { false }

    func compute(_ context: QueryContext) throws -> [Diagnostic] {
        let configuration = try context.value(ProjectFile()).content
        let paths = CoverChecks.paths(configuration)
        guard !paths.isEmpty else { return [] }
        let files = Set(try context.value(MediaListing()))
        var inspections: [String: MediaInspection] = [:]
        for path in paths where files.contains(path) { inspections[path] = try context.value(InspectedMedia(path)) }
        return CoverChecks.check(configuration, files: files, inspections: inspections)
    }
}

/// An image file of the tree, looked at: made again when its stamp (or the size limit) changes.
struct InspectedMedia: PathQuery {
    static let kind = "inspected-media"
    var path: String
    init(_ path: String) { self.path = path }

    func compute(_ context: QueryContext) throws -> MediaInspection {
        let listed = try context.value(ListedStamp(path))
        let limit = try context.value(EntryConfiguration()).mediaSizeLimit
        let claimed = MediaInspection.Format(fileExtension: String(path.split(separator: ".").last ?? ""))
        // The resolver names only listed files of the formats it knows.
        guard listed.stamp != nil, let claimed else { return MediaInspection(format: nil, problems: [.notARegularFile]) }
        return MediaInspector.inspect(path: listed.root + "/" + path, claimed: claimed, sizeLimit: limit)
    }
}

/// Where an entry says it lies: apart from its findings, so that a new
/// finding reaches no check of places.
struct EntryPlaces: EntryQuery {
    static let kind = "entry-places"
    /// Fingerprinted by what it is made from, never encoded: what reads it (a shard, a chunk) is stored and cuts a change off.
    static var fingerprintsValue: Bool { false }
    var id: EntryID
    init(_ id: EntryID) { self.id = id }

    func compute(_ context: QueryContext) throws -> [MergedFact] {
        guard let entry = try context.value(ResolvedEntry(id)).entry else { return [] }
        return ProjectOverview.places(of: [entry])[id] ?? []
    }
}

/// Each of a shard's entries' `Q`, made again on every core where it
/// changed, and otherwise taken from `earlier` (the entries' values as the
/// shard's last value keeps them; an entry it does not name had `absent`):
/// a shard made again after one entry changed makes that entry's value only.
func shardValues<Q: EntryQuery>(
    _ shard: Int, _ query: @escaping @Sendable (EntryID) -> Q, earlier: [EntryID: Q.Value]?, absent: Q.Value,
    _ context: QueryContext
) throws -> [(id: EntryID, value: Q.Value)] {
    try context.value(ShardMembers(shard)).concurrentMap { id in
        Result { (id, try context.value(query(id), unlessStill: earlier.map { $0[id] ?? absent })) }
    }.map { try $0.get() }
}

/// A per-entry value a shard keeps in a list sorted by id (an interface, an outline).
protocol ShardListed: Codable, Sendable {
    var id: EntryID { get }
}

extension EntryInterface: ShardListed {}

/// A shard's entries' values of `Q`, for those that have one, sorted by id:
/// `shardValues`, with the shard's last list as the earlier values.
func shardList<Q: EntryQuery, Listed: ShardListed>(
    _ shard: Int, _ query: @escaping @Sendable (EntryID) -> Q, _ context: QueryContext
) throws -> [Listed] where Q.Value == Listed? {
    let earlier = context.previousValue([Listed].self).map { Dictionary($0.map { ($0.id, $0) }) { first, _ in first } }
    return try shardValues(shard, query, earlier: earlier, absent: nil, context).compactMap(\.value)
}

/// The interfaces of a shard's entries, sorted by id: what links to them
/// read (stored, so resolving an entry does not read the entries it links to again).
struct InterfaceShard: ShardQuery {
    static let kind = "interface-shard"
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> [EntryInterface] {
        try shardList(shard, EntryInterfaceQuery.init, context)
    }
}

/// The findings of a shard's entries that have any, by entry.
struct FindingShard: ShardQuery {
    static let kind = "finding-shard"
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> [EntryID: [Diagnostic]] {
        let values = try shardValues(
            shard, EntryFindings.init, earlier: context.previousValue([EntryID: [Diagnostic]].self), absent: [], context)
        return Dictionary(values.filter { !$0.value.isEmpty }) { first, _ in first }
    }
}

/// Where each entry of a shard that names a place says it lies.
struct PlaceShard: ShardQuery {
    static let kind = "place-shard"
    var shard: Int
    init(_ shard: Int) { self.shard = shard }

    func compute(_ context: QueryContext) throws -> [EntryID: [MergedFact]] {
        let values = try shardValues(
            shard, EntryPlaces.init, earlier: context.previousValue([EntryID: [MergedFact]].self), absent: [], context)
        return Dictionary(values.filter { !$0.value.isEmpty }) { first, _ in first }
    }
}

/// The findings of the rules that read every entry's interface together
/// (orphans, unused sources, place cycles), and the translation matrix.
struct OverviewCheck: ProjectQuery {
    struct Value: Codable, Sendable {
        var findings: [Diagnostic]
        var translations: TranslationMatrix
    }

    static let kind = "overview-check"

    func compute(_ context: QueryContext) throws -> Value {
        let sources = try context.value(SourceIndex())
        let configuration = try context.value(EntryConfiguration())
        var interfaces: [EntryInterface] = []
        var places: [EntryID: [MergedFact]] = [:]
        for shard in 0..<CheckProducts.shards {
            interfaces += try context.value(InterfaceShard(shard))
            places.merge(try context.value(PlaceShard(shard))) { first, _ in first }
        }
        interfaces.sort { $0.id < $1.id }
        let findings = Checker.checkProject(ProjectOverview(
            interfaces: interfaces, places: places, bibliography: sources, reservedWebSegments: try context.value(ReservedWebSegments()),
            addresses: try context.value(IssuedAddresses()).content, recordMentions: try context.value(RecordMentionsQuery())))
        let translations = TranslationMatrix(entries: interfaces.count, rows: configuration.languages.map { language in
            let missing = interfaces.filter { interface in !interface.versions.contains { $0.language == language } }.map(\.id)
            return TranslationMatrix.Row(language: language, versions: interfaces.count - missing.count, missing: missing)
        })
        return Value(findings: findings, translations: translations)
    }
}

/// Every finding of the project before severity settings, the translation
/// matrix, and how many files were checked.
struct ProjectCheck: ProjectQuery {
    struct Value: Codable, Sendable {
        var findings: [Diagnostic]
        var translations: TranslationMatrix
        var fileCount: Int
    }

    static let kind = "project-check"

    func compute(_ context: QueryContext) throws -> Value {
        let project = try context.value(FileFindings("asyl.yaml"))
        let sources = try context.value(FileFindings("sources.yaml"))
        let listing = try context.value(ListingFindings())
        let overview = try context.value(OverviewCheck())
        let lock = try context.value(IssuedAddresses())
        let records = try context.value(RecordCheck())
        var findings = project.diagnostics + sources.diagnostics + lock.diagnostics + listing.findings + overview.findings
            + (try context.value(CoverFindings())) + records.findings
        for shard in 0..<CheckProducts.shards {
            let byEntry = try context.value(FindingShard(shard))
            findings += byEntry.keys.sorted().flatMap { byEntry[$0]! }
        }
        let unreadable = Set(findings.filter { $0.rule == .unreadableFile && $0.location.path.hasPrefix("entries/") }.map(\.location.path))
        let fileCount = listing.versionFiles - unreadable.count + (project.isRead ? 1 : 0) + (sources.isRead ? 1 : 0) + (lock.isRead ? 1 : 0)
            + records.files
        return Value(findings: findings, translations: overview.translations, fileCount: fileCount)
    }
}

/// The graph a check or a build runs: every kind of product registered,
/// so each run can read the traces of any other on the same store.
enum PipelineGraph {
    static let kinds = CheckProducts.kinds + RecordProducts.kinds + BookProducts.kinds + RenderProducts.kinds + WebProducts.kinds
        + PlaqueProducts.kinds

    static func make(store: Store) -> Graph { Graph(store: store, kinds: kinds) }
}
