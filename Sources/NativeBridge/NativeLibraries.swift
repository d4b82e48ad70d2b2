import CLibXML
import CZlib

/// The C libraries whose work ends up in a book, by version.
public enum NativeLibraries {
    /// zlib's, libxml2's and libxslt's versions and the deflate level: part of
    /// every render-cache key, so a library upgrade never reuses old results.
    public static var fingerprint: String {
        let xml = __xmlParserVersion()?.pointee.map { String(cString: $0) } ?? "?"
        return "zlib \(String(cString: zlibVersion())) level \(Deflate.defaultLevel); libxml2 \(xml); libxslt \(xsltLibxsltVersion)"
    }
}
