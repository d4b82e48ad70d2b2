/// A product's name in the graph: a kind (`chunk-member`) and its
/// arguments written as text (`asyl-mura kk letter-01.xhtml`). Traces and
/// the store refer to products by key, and the graph makes a query back
/// from its key through the kinds registered with it.
public struct QueryKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let kind: String
    public let argument: String
    /// Hashed once: a run looks keys up hundreds of thousands of times.
    private let hashCode: Int

    public init(kind: String, argument: String) {
        self.kind = kind
        self.argument = argument
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(argument)
        hashCode = hasher.finalize()
    }

    private enum CodingKeys: String, CodingKey { case kind, argument }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try container.decode(String.self, forKey: .kind), argument: try container.decode(String.self, forKey: .argument))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(argument, forKey: .argument)
    }

    public static func == (a: QueryKey, b: QueryKey) -> Bool {
        a.hashCode == b.hashCode && a.kind == b.kind && a.argument == b.argument
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hashCode) }

    public var description: String { argument.isEmpty ? kind : "\(kind) \(argument)" }

    public static func < (a: QueryKey, b: QueryKey) -> Bool { (a.kind, a.argument) < (b.kind, b.argument) }
}

/// A product of the build graph: a function of the other products it
/// reads through its `QueryContext`. The graph records what it read, keeps
/// its fingerprint, and makes it again only when one of those changed.
public protocol Query: Sendable {
    associatedtype Value: Codable & Sendable

    /// The name of the kind of product, unique among the registered kinds.
    static var kind: String { get }
    /// Whether the value is kept in the store. Keep what is costly to make
    /// (a transformed and compressed member); remake what is cheap or large
    /// and at hand (a file's bytes).
    static var isStored: Bool { get }
    /// Whether the value's fingerprint is that of its bytes, so that a
    /// value made again the same stops the change (early cut-off). A large
    /// value that is not stored, and is rarely the same after a change
    /// (parsed versions), is better fingerprinted by what it was made from:
    /// it is then never encoded. A stored value is always fingerprinted by
    /// its bytes, which the store keeps.
    static var fingerprintsValue: Bool { get }
    /// A value's fingerprint made faster than by encoding it (a listing of
    /// thousands of files); nil: by its bytes. Used only for a value that is not stored.
    static func fingerprint(of value: Value) -> Fingerprint?

    /// The arguments, as text that `init?(argument:)` reads back.
    var argument: String { get }
    init?(argument: String)

    func compute(_ context: QueryContext) throws -> Value
}

extension Query {
    public static var isStored: Bool { true }
    public static var fingerprintsValue: Bool { true }
    public static func fingerprint(of value: Value) -> Fingerprint? { nil }
    public var key: QueryKey { QueryKey(kind: Self.kind, argument: argument) }
}

/// A value the graph is given rather than makes: what the build was asked
/// for, or what an earlier stage made outside the graph. An input not set
/// in a run keeps the fingerprint it had; a product that must then be made
/// again from it fails with `GraphError.inputNotSet`.
public protocol InputQuery: Query {}

extension InputQuery {
    public static var isStored: Bool { false }

    public func compute(_ context: QueryContext) throws -> Value { throw GraphError.inputNotSet(key) }
}

public enum GraphError: Error, CustomStringConvertible, Sendable {
    /// A product must be made again from an input this run did not set.
    case inputNotSet(QueryKey)
    /// An input was given a value after a product had read it, or a second, different one.
    case inputSetLate(QueryKey)
    /// A product read itself, through the products it reads.
    case cycle([QueryKey])
    /// A trace names a product no kind registered with the graph makes (one of another version).
    case unknownProduct(QueryKey)

    public var description: String {
        switch self {
        case .inputNotSet(let key): "the build graph needs '\(key)', which this run did not set"
        case .inputSetLate(let key): "the build graph's input '\(key)' was set after it was read"
        case .cycle(let keys): "the build graph has a cycle: " + keys.map(\.description).joined(separator: " → ")
        case .unknownProduct(let key): "the build graph has no kind of product '\(key)'"
        }
    }
}
