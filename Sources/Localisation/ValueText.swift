import DocumentModel
import Foundation

/// Numbers and coordinates as each language writes them.
public struct ValueText: Sendable {
    private let conventions: LanguageConventions

    public init(language: LanguageTag) {
        conventions = LanguageConventions.of(language)
    }

    /// `1 000` (kk, ru: no-break space, decimal comma) or `1,000` (en).
    public func number(_ written: String) -> String {
        let negative = written.hasPrefix("-")
        let digits = negative ? String(written.dropFirst()) : written
        let parts = digits.split(separator: ".", maxSplits: 1).map(String.init)
        guard let whole = parts.first else { return written }
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0, whole.count > 4 || conventions.groupsFourDigits {
                grouped.append(contentsOf: conventions.thousandsSeparator.reversed())
            }
            grouped.append(digit)
        }
        var out = (negative ? "−" : "") + String(grouped.reversed())
        if parts.count > 1 { out += conventions.decimalSeparator + parts[1] }
        return out
    }

    /// `49.37° N, 86.43° E`; kk `49,37° с. е., 86,43° ш. б.`; ru `49,37° с. ш., 86,43° в. д.`
    public func coordinates(latitude: Double, longitude: Double) -> String {
        let (north, south, east, west) = conventions.compassPoints
        func degrees(_ value: Double) -> String {
            var text = String(abs(value))
            if text.hasSuffix(".0") { text.removeLast(2) }
            return text.replacingOccurrences(of: ".", with: conventions.decimalSeparator) + "°"
        }
        let text = "\(degrees(latitude))\u{00A0}\(latitude >= 0 ? north : south), \(degrees(longitude))\u{00A0}\(longitude >= 0 ? east : west)"
        return conventions.writeGenerated?(text) ?? text
    }
}
