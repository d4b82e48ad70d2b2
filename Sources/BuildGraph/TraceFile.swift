/// The traces of a run, as the next run reads them: one flat file, each key
/// written once and products referred to by number, every length checked
/// on reading. A large corpus has hundreds of thousands of traces, read and
/// written on every run, so they are not `BinaryCoding` documents, and the
/// graph keeps their numbers: what it looks at again is found by number.
///
/// Layout (numbers are LEB128 varints): the kinds (count, then each as
/// length and UTF-8), the keys (count, then each as kind number, length and
/// UTF-8 argument), the traces (count, then each as key number, the 32-byte
/// fingerprint, the count of dependencies and each as its key number times
/// two, plus one when its fingerprint is that of its own trace in the file,
/// else followed by the fingerprint). Most products read what this very run
/// made, so most dependencies take a byte or two rather than 33.
struct TraceFile: Equatable {
    /// Every product the traces name, by number.
    var keys: [QueryKey]
    /// By number, the trace of that product, if the file records one (nil for a product only read).
    var traces: [Trace?]

    struct Malformed: Error {}

    init(keys: [QueryKey], traces: [Trace?]) {
        self.keys = keys
        self.traces = traces
    }

    /// The traces `kept` (by number in `keys`, each trace's dependencies
    /// numbered the same way) written with numbers of their own: only keys
    /// they name, in the order they first name them.
    static func encode(keys: [QueryKey], kept: [(node: Int, trace: Trace)]) -> [UInt8] {
        var writer = Writer()
        var number = [Int](repeating: -1, count: keys.count)
        var order: [Int] = []
        func renumber(_ node: Int) -> Int {
            if number[node] < 0 {
                number[node] = order.count
                order.append(node)
            }
            return number[node]
        }
        for (node, _) in kept { _ = renumber(node) }
        for (_, trace) in kept { for dependency in trace.dependencies { _ = renumber(dependency.node) } }
        var own = [Fingerprint?](repeating: nil, count: keys.count)
        for (node, trace) in kept { own[node] = trace.fingerprint }
        var kinds: [String: Int] = [:]
        var kindList: [String] = []
        let keyKinds = order.map { node in
            let kind = keys[node].kind
            if let known = kinds[kind] { return known }
            kinds[kind] = kindList.count
            kindList.append(kind)
            return kindList.count - 1
        }
        writer.number(kindList.count)
        for kind in kindList { writer.text(kind) }
        writer.number(order.count)
        for (node, kind) in zip(order, keyKinds) {
            writer.number(kind)
            writer.text(keys[node].argument)
        }
        writer.number(kept.count)
        for (node, trace) in kept {
            writer.number(number[node])
            trace.fingerprint.append(to: &writer.bytes)
            writer.number(trace.dependencies.count)
            for dependency in trace.dependencies {
                if own[dependency.node] == dependency.fingerprint {
                    writer.number(number[dependency.node] * 2 + 1)
                } else {
                    writer.number(number[dependency.node] * 2)
                    dependency.fingerprint.append(to: &writer.bytes)
                }
            }
        }
        return writer.bytes
    }

    /// Every trace of the file, numbered as its keys are.
    func encoded() -> [UInt8] {
        Self.encode(keys: keys, kept: traces.enumerated().compactMap { node, trace in trace.map { (node, $0) } })
    }

    init(decoding bytes: [UInt8]) throws(Malformed) {
        var reader = Reader(bytes: bytes)
        let kinds = try (0..<reader.count(minimumSize: 1)).map { _ throws(Malformed) in try reader.text() }
        keys = try (0..<reader.count(minimumSize: 2)).map { _ throws(Malformed) in
            let kind = try reader.number()
            guard kind < kinds.count else { throw Malformed() }
            return QueryKey(kind: kinds[kind], argument: try reader.text())
        }
        traces = Array(repeating: nil, count: keys.count)
        /// Dependencies whose fingerprint is their own trace's, which may come later: (trace, dependency).
        var pending: [(Int, Int)] = []
        for _ in 0..<(try reader.count(minimumSize: 34)) {
            let owner = try reader.number()
            guard owner < keys.count, traces[owner] == nil else { throw Malformed() }
            let fingerprint = try reader.fingerprint()
            var dependencies: [Dependency] = []
            let count = try reader.count(minimumSize: 1)
            dependencies.reserveCapacity(count)
            for _ in 0..<count {
                let number = try reader.number()
                guard number / 2 < keys.count else { throw Malformed() }
                if number % 2 == 1 {
                    pending.append((owner, dependencies.count))
                    dependencies.append(Dependency(node: number / 2, fingerprint: fingerprint))
                } else {
                    dependencies.append(Dependency(node: number / 2, fingerprint: try reader.fingerprint()))
                }
            }
            traces[owner] = Trace(dependencies: dependencies, fingerprint: fingerprint)
        }
        guard reader.position == bytes.count else { throw Malformed() }
        for (owner, index) in pending {
            let node = traces[owner]!.dependencies[index].node
            guard let fingerprint = traces[node]?.fingerprint else { throw Malformed() }
            traces[owner]!.dependencies[index].fingerprint = fingerprint
        }
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func number(_ value: Int) {
            var value = UInt64(value)
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func text(_ text: String) {
            number(text.utf8.count)
            bytes += text.utf8
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func number() throws(Malformed) -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard position < bytes.count, shift < 63 else { throw Malformed() }
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            guard value <= UInt64(Int32.max) else { throw Malformed() }
            return Int(value)
        }

        /// A count of items each at least `minimumSize` bytes long: no count can promise more than the bytes left.
        mutating func count(minimumSize: Int) throws(Malformed) -> Int {
            let count = try number()
            guard count <= (bytes.count - position) / minimumSize else { throw Malformed() }
            return count
        }

        mutating func text() throws(Malformed) -> String {
            let length = try number()
            guard length <= bytes.count - position else { throw Malformed() }
            defer { position += length }
            return String(decoding: bytes[position..<position + length], as: UTF8.self)
        }

        mutating func fingerprint() throws(Malformed) -> Fingerprint {
            guard bytes.count - position >= 32 else { throw Malformed() }
            defer { position += 32 }
            return Fingerprint(digest: bytes[position..<position + 32])
        }
    }
}
