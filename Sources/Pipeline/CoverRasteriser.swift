import FileSystem
import Foundation

/// librsvg (Debian's `librsvg2-bin`, which `make` installs), run as its
/// program `rsvg-convert`, turns a cover's SVG into the PNG that catalogues
/// and distributors read, and into an SVG whose text is outlines, which needs
/// no font to show. Fontconfig is given the shipped fonts' folder and
/// nothing else, so a cover has no glyph from the machine, and the same SVG
/// gives the same bytes (`ASYL_RSVG_CONVERT` may name another executable).
struct CoverRasteriser {
    let executable: String

    /// The cover's width in pixels; its height is 1.5 times that, as e-book shops ask.
    static let width = 1600

    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> CoverRasteriser? {
        if let named = environment["ASYL_RSVG_CONVERT"], !named.allSatisfy(\.isWhitespace) {
            return CoverRasteriser(executable: named)
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return path.lazy.map { "\($0)/rsvg-convert" }.first(where: FileManager.default.isExecutableFile(atPath:))
            .map(CoverRasteriser.init)
    }

    /// What the fingerprint of a rendered cover names: the program, its
    /// version, and each shared library it loads (cairo, pango, freetype…)
    /// by path, size and time, since a new one may draw other bytes.
    var version: String {
        var said = executable + " " + output(executable, ["--version"])
        for line in output("/usr/bin/ldd", [executable]).split(separator: "\n") {
            guard let path = line.split(separator: " ").first(where: { $0.hasPrefix("/") }).map(String.init) else { continue }
            said += "\n\(path) \(FileSystem.status(path)?.text ?? "none")"
        }
        return said
    }

    /// What a program prints on standard output; empty if it cannot be run.
    private func output(_ program: String, _ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The PNG and the outlined SVG of an SVG, drawn with the fonts in `fonts` only.
    func render(_ svg: [UInt8], fonts: URL) throws -> (png: [UInt8], outlined: [UInt8]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-cover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = folder.appendingPathComponent("fonts.conf")
        try Data("""
            <?xml version="1.0"?>
            <fontconfig><dir>\(Self.escaped(fonts.path))</dir><cachedir>\(Self.escaped(folder.path))/cache</cachedir></fontconfig>

            """.utf8).write(to: configuration)
        let source = folder.appendingPathComponent("cover.svg")
        try Data(svg).write(to: source)
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = configuration.path
        environment.removeValue(forKey: "FONTCONFIG_PATH")
        let png = folder.appendingPathComponent("cover.png")
        let outlined = folder.appendingPathComponent("outlined.svg")
        let said = folder.appendingPathComponent("errors.txt")
        try run(["--width", String(Self.width), "--keep-aspect-ratio", "--format", "png", "--output", png.path, source.path],
                environment: environment, errors: said)
        try run(["--format", "svg", "--output", outlined.path, source.path], environment: environment, errors: said)
        return (try Array(Data(contentsOf: png)), try Array(Data(contentsOf: outlined)))
    }

    /// Runs the program, what it says on standard error kept in `errors`, for the message if it fails.
    private func run(_ arguments: [String], environment: [String: String], errors: URL) throws {
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        do {
            try process.run()
        } catch {
            throw BuildError.cover("cannot run \(executable): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = (try? Data(contentsOf: errors)) ?? Data()
            throw BuildError.cover("\(executable) failed (exit \(process.terminationStatus)): " + String(decoding: said.suffix(2000), as: UTF8.self))
        }
    }

    private static func escaped(_ path: String) -> String {
        path.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
