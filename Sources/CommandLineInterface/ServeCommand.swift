import Diagnostics
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

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        interface.apply()
        let tree = try SourceOptions.tree(source)
        guard let edition = edition ?? PreviewSession.edition(in: tree) else {
            throw Terminal.fail(Message(.serveNoWebEdition, ["path": tree.path]))
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("asyl-serve-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: output)
        let session: PreviewSession
        do {
            session = try PreviewSession(
                source: tree, edition: edition, port: port, styles: StylesLocation.find(), date: BuildCommand.today(), output: output,
                language: Terminal.language)
        } catch {
            throw Terminal.fail(Message(.serveCannotPreview, ["path": tree.path, "port": Int(port), "reason": Message(for: error)]))
        }
        Self.removeOnExit(output)
        let server = session.server
        let port = self.port
        Task.detached {
            do { try await server.run() } catch {
                Terminal.error(Message(.serveCannotServe, ["port": Int(port), "reason": "\(error)"]))
                Foundation.exit(3)
            }
        }
        report(Self.wait { await session.build() })
        Self.wait { try? await server.waitUntilListening() }
        Terminal.say(Message(.serveServing, ["port": Int(port), "edition": edition]))
        while true {
            let changed = session.nextSave()
            let paths = changed.prefix(3).joined(separator: ", ")
            Terminal.say(changed.count > 3
                ? Message(.serveChangedAndMore, ["paths": paths, "more": changed.count - 3]) : Message(.serveChanged, ["paths": paths]))
            report(Self.wait { await session.build() })
        }
    }

    private func report(_ outcome: PreviewSession.Outcome) {
        switch outcome {
        case .built(let report, let seconds):
            if !report.check.diagnostics.isEmpty {
                Terminal.write(ReportPrinter.text(report.check, colour: Terminal.wantsColour(STDERR_FILENO), limit: .standard), to: STDERR_FILENO)
            }
            Terminal.say(Message(.serveBuilt, ["seconds": String(format: "%.2f", seconds)]))
        case .stopped(let report, let error, let seconds):
            if let report { Terminal.write(ReportPrinter.text(report.check, colour: Terminal.wantsColour(STDERR_FILENO), limit: .standard), to: STDERR_FILENO) }
            if let error { Terminal.error(error) }
            Terminal.say(Message(.serveStopped, ["seconds": String(format: "%.2f", seconds)]))
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
