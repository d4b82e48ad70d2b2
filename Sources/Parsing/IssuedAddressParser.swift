import Diagnostics
import DocumentModel
import Foundation
import Loading

/// Reads `plaques.lock`: one issued address a line; `#` starts a comment.
public enum IssuedAddressParser {
    public static let path = "plaques.lock"

    public static func parse(_ file: SourceFile) -> ([IssuedAddress], [Diagnostic]) {
        var addresses: [IssuedAddress] = []
        var diagnostics: [Diagnostic] = []
        for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(" ") else {
                diagnostics.append(Diagnostic(
                    .issuedAddress, Message(.plaquesLockLineNotAddress, ["line": text]),
                    at: SourceLocation(path: file.path, line: index + 1, column: 1, length: max(1, text.count))))
                continue
            }
            addresses.append(IssuedAddress(url: text, line: index + 1))
        }
        return (addresses, diagnostics)
    }
}
