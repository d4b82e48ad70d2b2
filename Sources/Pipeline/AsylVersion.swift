/// The tool's version: shown by `--version`, written into SARIF reports, and
/// part of every cache key, so a new version never trusts an old cache.
public enum AsylVersion {
    public static let string = "0.2.0"

    /// How stored products are encoded. Values are decoded by their types'
    /// layouts, so a store written by a build with another layout would be
    /// misread: bump this whenever a stored type gains, loses or reorders a
    /// field (`ModelCodingTests` pins the layout and fails until it is bumped).
    public static let storeFormat = 9

    /// The name of the store's folder under OUT/.cache.
    public static var store: String { "\(string)-\(storeFormat)" }
}
