import ArgumentParser
import Dispatch
import Foundation
import Pipeline
import Preview

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the web edition: build it, serve it on 127.0.0.1, and build again on every save.",
        discussion: """
            Open pages reload by themselves after each build; findings show over the page and here. A save \
            that breaks the sources leaves the last good build in place, with the errors shown over it. \
            The preview has no search index. Ctrl-C stops it (docs/command-line.md).
            """)

    @Argument(help: ArgumentHelp(
        "The source tree (default: the nearest folder upward from here that holds an asyl.yaml, else content/).",
        valueName: "source"), completion: .directory)
    var source: String?

    @Option(help: ArgumentHelp("The port on 127.0.0.1.", valueName: "n"))
    var port: UInt16 = 8000

    @Option(help: ArgumentHelp("The edition to preview (default: the first built as web).", valueName: "id"))
    var edition: String?

    func run() throws {
        let tree = try SourceOptions.tree(source)
        guard let edition = edition ?? PreviewSession.edition(in: tree) else {
            throw Terminal.fail("no edition of \(tree.path)/asyl.yaml is built as web (add web to an edition's formats), or asyl.yaml has errors (`asyl check`)")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-serve-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: output)
        let session: PreviewSession
        do {
            session = try PreviewSession(
                source: tree, edition: edition, port: port, styles: StylesLocation.find(), date: BuildCommand.today(), output: output)
        } catch {
            throw Terminal.fail("cannot preview \(tree.path) on 127.0.0.1:\(port): \(error)")
        }
        Self.removeOnExit(output)
        let server = session.server
        let port = self.port
        Task.detached {
            do { try await server.run() } catch {
                Terminal.write("asyl: error: cannot serve on 127.0.0.1:\(port): \(error); is another server there? Try --port\n", to: STDERR_FILENO)
                Foundation.exit(3)
            }
        }
        report(Self.wait { await session.build() })
        Self.wait { try? await server.waitUntilListening() }
        Terminal.write("asyl: serving http://127.0.0.1:\(port)/ (edition \(edition)); save a file to build again, Ctrl-C to stop\n", to: STDERR_FILENO)
        while true {
            let changed = session.nextSave()
            Terminal.write("asyl: changed: \(changed.prefix(3).joined(separator: ", "))\(changed.count > 3 ? " and \(changed.count - 3) more" : "")\n", to: STDERR_FILENO)
            report(Self.wait { await session.build() })
        }
    }

    private func report(_ outcome: PreviewSession.Outcome) {
        switch outcome {
        case .built(let report, let seconds):
            if !report.check.diagnostics.isEmpty {
                Terminal.write(ReportPrinter.text(report.check, colour: Terminal.wantsColour(STDERR_FILENO), limit: .standard), to: STDERR_FILENO)
            }
            Terminal.write("asyl: built in \(String(format: "%.2f", seconds)) s\n", to: STDERR_FILENO)
        case .stopped(let report, let error, let seconds):
            if let report { Terminal.write(ReportPrinter.text(report.check, colour: Terminal.wantsColour(STDERR_FILENO), limit: .standard), to: STDERR_FILENO) }
            if let error { Terminal.write("asyl: error: \(error)\n", to: STDERR_FILENO) }
            Terminal.write("asyl: the build stopped after \(String(format: "%.2f", seconds)) s; the preview shows the last good build\n", to: STDERR_FILENO)
        }
    }

    /// Runs async work from this thread, which is no task's, and waits for it.
    private static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = Box<T>()
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    private final class Box<T>: @unchecked Sendable { var value: T? }

    /// Ctrl-C and SIGTERM take the preview's folder with them.
    private static func removeOnExit(_ folder: URL) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                try? FileManager.default.removeItem(at: folder)
                Terminal.write("\n", to: STDERR_FILENO)
                Foundation.exit(0)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []
}
