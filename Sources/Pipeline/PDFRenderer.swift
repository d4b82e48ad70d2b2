import FileSystem
import Foundation

/// WeasyPrint (PyPI's `weasyprint`, which `make` installs), run through
/// Asyl's own driver, `styles/pdf/render.py`, turns a book's print HTML into
/// the PDF/X-4 file a press accepts (docs/print.md). Fontconfig is given the
/// print folder's fonts and nothing else, so no glyph comes from the machine
/// (an SVG figure's `sans-serif` gets a shipped font too).
/// `ASYL_PYTHON` may name the Python that has WeasyPrint.
struct PDFRenderer {
    let python: String
    /// The driver: styles/pdf/render.py.
    let driver: URL
    /// What the PDF depends on besides its HTML: WeasyPrint's and its libraries' versions.
    let version: String

    static func find(styles: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFRenderer? {
        let driver = styles.appendingPathComponent("pdf/render.py")
        let candidates: [String]
        if let named = environment["ASYL_PYTHON"], !named.allSatisfy(\.isWhitespace) {
            candidates = [named]
        } else {
            candidates = (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
                .filter(FileManager.default.isExecutableFile(atPath:))
        }
        for python in candidates {
            guard let said = try? Self.run(python, [driver.path, "--version"]), said.status == 0 else { continue }
            return PDFRenderer(python: python, driver: driver, version: python + " " + said.output)
        }
        return nil
    }

    /// Renders `html` (in a folder with its fonts, images and the CMYK
    /// profile) as `pdf`. Returns what WeasyPrint warned of, each once, with
    /// how often; throws with what it said if it fails.
    func render(
        html: URL, to pdf: URL, bleed: Double, date: Date, documentID: String
    ) throws -> [(warning: String, count: Int)] {
        let folder = html.deletingLastPathComponent()
        let configuration = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).fonts.conf")
        defer { try? FileManager.default.removeItem(at: configuration) }
        try Data("""
            <?xml version="1.0"?>
            <fontconfig><dir>\(Self.escaped(folder.appendingPathComponent("fonts").path))</dir>\
            <cachedir>\(Self.escaped(configuration.path)).cache</cachedir></fontconfig>

            """.utf8).write(to: configuration)
        defer { try? FileManager.default.removeItem(atPath: configuration.path + ".cache") }
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = configuration.path
        environment.removeValue(forKey: "FONTCONFIG_PATH")
        let arguments = [
            driver.path, html.path, pdf.path, "--bleed-mm", String(bleed), "--epoch", String(Int64(date.timeIntervalSince1970)),
            "--document-id", documentID, "--profile", PDFBuilder.profile,
        ]
        let said: (status: Int32, output: String, errors: String)
        do {
            said = try Self.run(python, arguments, environment: environment)
        } catch {
            throw BuildError.pdf("cannot run \(python): \(error.localizedDescription)")
        }
        let lines = said.errors.split(separator: "\n").map(String.init)
        guard said.status == 0 else {
            throw BuildError.pdf("WeasyPrint failed (exit \(said.status)): " + (lines.last ?? ""))
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in lines {
            if counts[line] == nil { order.append(line) }
            counts[line, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    /// Runs a program to its end: its exit status, standard output and
    /// standard error (kept in a file meanwhile, so neither pipe can fill).
    private static func run(
        _ program: String, _ arguments: [String], environment: [String: String]? = nil
    ) throws -> (status: Int32, output: String, errors: String) {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-pdf-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let said = (try? Data(contentsOf: errors)) ?? Data()
        return (
            process.terminationStatus, String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
            String(decoding: said, as: UTF8.self)
        )
    }

    private static func escaped(_ path: String) -> String {
        path.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
