import Diagnostics
import EDTF
import Foundation

/// Everything `sources.yaml` lists, in file order.
public struct Bibliography: Sendable, Codable {
    public var sources: [Source]
    private var index: [String: Int]
    /// False when sources.yaml is missing or cannot be read: then no key is
    /// known, and a citation's key says nothing about whether it is right.
    public var isReadable: Bool

    public init(_ sources: [Source] = [], isReadable: Bool = true) {
        self.sources = sources
        self.isReadable = isReadable
        var index: [String: Int] = [:]
        for (position, source) in sources.enumerated() where index[source.key] == nil {
            index[source.key] = position
        }
        self.index = index
    }

    public subscript(key: String) -> Source? { index[key].map { sources[$0] } }

    public var keys: [String] { sources.map(\.key) }
}

/// One published or archival source (FORMAT.md §3). Field names follow CSL.
public struct Source: Hashable, Sendable, Codable {
    public enum SourceType: String, Hashable, Sendable, CaseIterable, Codable {
        case book, article, chapter, archive, web, interview, newspaper
    }

    public var key: String
    public var type: SourceType
    public var authors: [PersonName] = []
    public var editors: [PersonName] = []
    public var title: String?
    public var container: String?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    public var place: String?
    public var publisher: String?
    public var year: Int?
    public var date: EDTFValue?
    public var isbn: String?
    public var doi: String?
    public var url: String?
    public var accessed: EDTFValue?
    public var note: String?
    /// For archival sources: the archive's id in `asyl.yaml` and the file's address in it.
    public var archive: String?
    public var fond: String?
    public var inventory: String?
    public var file: String?
    public var sheets: String?
    /// Where the key is written in `sources.yaml`.
    public var location: SourceLocation

    public init(key: String, type: SourceType, location: SourceLocation) {
        self.key = key
        self.type = type
        self.location = location
    }
}

/// `"Family, Given"` as written in `author` and `editor` lists.
public struct PersonName: Hashable, Sendable, Codable {
    public var family: String
    public var given: String?

    public init(family: String, given: String?) {
        self.family = family
        self.given = given
    }

    public init(parsing text: String) {
        let parts = text.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        family = parts.first ?? text
        given = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
    }
}
