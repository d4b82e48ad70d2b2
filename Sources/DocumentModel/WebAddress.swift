/// How Asyl writes a web address it was given: the one place an address is
/// encoded, so every output links where the editor's link goes.
public enum WebAddress {
    /// Characters an address keeps as they are: RFC 3986's unreserved and
    /// reserved ones but `[` and `]`, as cmark keeps them, and `%` (an
    /// editor's own escapes stay). Everything else
    /// (spaces, backslashes, `<>"{}|^` and backticks, letters outside ASCII)
    /// is written as the percent-escaped bytes of its UTF-8, as CommonMark
    /// renderers write an href.
    private static let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=%".utf8)

    /// Whether a reader may be sent to `address`: Asyl's one policy for every
    /// address that reaches a book or a page from the sources (a body's
    /// link, a source's `url`; the configuration's addresses, below, are
    /// narrower still). Other schemes (javascript:, file:, data:, a
    /// relative path) do not work in a reading system, or are unsafe.
    public static func isFollowable(_ address: String) -> Bool {
        let lower = address.lowercased()
        return ["http://", "https://", "mailto:", "tel:"].contains { lower.hasPrefix($0) }
    }

    /// Whether `address` may be where a web edition is published (`web: {base-url}`):
    /// followable, `http` or `https`, a host and a path, no query or fragment.
    public static func isSiteAddress(_ address: String) -> Bool {
        isFollowable(address)
            && address.wholeMatch(of: /https?:\/\/[A-Za-z0-9.\-]+(:[0-9]+)?(\/[A-Za-z0-9._~!$&'()*+,;=:@%\/\-]*)?/) != nil
    }

    /// Whether `address` may be a map's tiles (`web: {tiles: {url}}`): `https` only,
    /// since a page served over https fetches nothing over http, with `{z}`, `{x}` and `{y}`.
    public static func isTileTemplate(_ address: String) -> Bool {
        isFollowable(address) && address.lowercased().hasPrefix("https://") && ["{z}", "{x}", "{y}"].allSatisfy(address.contains)
    }

    public static func percentEncoded(_ address: String) -> String {
        guard !address.utf8.allSatisfy(kept.contains) else { return address }
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in address.utf8 {
            if kept.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
