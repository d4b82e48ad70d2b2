import FlyingFox
import Foundation

/// The open pages of a preview, each on a WebSocket: every one is told the
/// state of the last build when it connects and after every build, and
/// reloads itself or shows the findings over the page.
actor LiveChannel {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    private var latest = "{}"

    func publish(_ state: String) {
        latest = state
        for client in clients.values { client.yield(.text(state)) }
    }

    func connect() -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        continuation.onTermination = { [weak self] _ in Task { await self?.disconnect(id) } }
        clients[id] = continuation
        continuation.yield(.text(latest))
        return stream
    }

    private func disconnect(_ id: UUID) { clients[id] = nil }
}

/// A page's WebSocket: what the page sends is not listened to; the channel speaks.
struct LiveHandler: WSMessageHandler {
    let channel: LiveChannel

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        await channel.connect()
    }
}
