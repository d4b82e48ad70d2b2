import DocumentModel

/// Numbers and coordinates as each language writes them.
public struct ValueText: Sendable {
    private let language: String
    private let latin: Bool

    public init(language: LanguageTag) {
        latin = language.rawValue == "kk-Latn"
        self.language = language.rawValue.split(separator: "-").first.map(String.init) ?? language.rawValue
    }

    /// `1 000` (kk, ru: no-break space, decimal comma) or `1,000` (en).
    public func number(_ written: String) -> String {
        let negative = written.hasPrefix("-")
        let digits = negative ? String(written.dropFirst()) : written
        let parts = digits.split(separator: ".", maxSplits: 1).map(String.init)
        guard let whole = parts.first else { return written }
        let group = language == "en" ? "," : "\u{00A0}"
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0, whole.count > 4 || language == "en" { grouped.append(contentsOf: group.reversed()) }
            grouped.append(digit)
        }
        var out = (negative ? "−" : "") + String(grouped.reversed())
        if parts.count > 1 { out += (language == "en" ? "." : ",") + parts[1] }
        return out
    }

    /// `49.37° N, 86.43° E`; kk `49,37° с. е., 86,43° ш. б.`; ru `49,37° с. ш., 86,43° в. д.`
    public func coordinates(latitude: Double, longitude: Double) -> String {
        let (north, south, east, west): (String, String, String, String) = switch language {
        case "kk": ("с. е.", "о. е.", "ш. б.", "б. б.")
        case "ru": ("с. ш.", "ю. ш.", "в. д.", "з. д.")
        default: ("N", "S", "E", "W")
        }
        func degrees(_ value: Double) -> String {
            var text = String(abs(value))
            if text.hasSuffix(".0") { text.removeLast(2) }
            return (language == "en" ? text : text.replacingOccurrences(of: ".", with: ",")) + "°"
        }
        let text = "\(degrees(latitude))\u{00A0}\(latitude >= 0 ? north : south), \(degrees(longitude))\u{00A0}\(longitude >= 0 ? east : west)"
        return latin ? KazakhLatin.transliterate(text) : text
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
