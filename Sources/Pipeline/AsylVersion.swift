/// The tool's version: shown by `--version`, written into SARIF reports, and
/// part of every cache key, so a new version never trusts an old cache.
public enum AsylVersion {
    public static let string = "0.2.0"
}
