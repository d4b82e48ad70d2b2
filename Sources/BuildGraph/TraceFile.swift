/// The traces of a run, as the next run reads them: one flat file, each key
/// written once and referred to by number, every length checked on reading.
/// A large corpus has hundreds of thousands of traces, read and written on
/// every run, so they are not `BinaryCoding` documents.
///
/// Layout (numbers are LEB128 varints): the kinds (count, then each as
/// length and UTF-8), the keys (count, then each as kind number, length and
/// UTF-8 argument), the traces (count, then each as key number, witness
/// length + 1 and its bytes, or 0 for none, the 32-byte fingerprint, the
/// count of dependencies and each as its key number times two, plus one
/// when its fingerprint is that of its own trace in the file, else followed
/// by the fingerprint). Most products read what this very run made, so most
/// dependencies take a byte or two rather than 33.
struct TraceFile {
    var traces: [Trace]

    struct Malformed: Error {}

    func encoded() -> [UInt8] {
        var writer = Writer()
        var kinds: [String: Int] = [:]
        var kindList: [String] = []
        var keys: [QueryKey: Int] = [:]
        keys.reserveCapacity(traces.count)
        var keyList: [QueryKey] = []
        var keyKinds: [Int] = []
        // Each key is looked up once where it occurs: a large run writes half a million of them.
        func number(_ key: QueryKey) -> Int {
            if let number = keys[key] { return number }
            let kind: Int
            if let known = kinds[key.kind] {
                kind = known
            } else {
                kind = kindList.count
                kinds[key.kind] = kind
                kindList.append(key.kind)
            }
            keys[key] = keyList.count
            keyList.append(key)
            keyKinds.append(kind)
            return keyList.count - 1
        }
        let owners = traces.map { number($0.key) }
        let read = traces.map { $0.dependencies.map { number($0.key) } }
        var own = [Fingerprint?](repeating: nil, count: keyList.count)
        for (trace, owner) in zip(traces, owners) { own[owner] = trace.fingerprint }
        writer.number(kindList.count)
        for kind in kindList { writer.text(kind) }
        writer.number(keyList.count)
        for (key, kind) in zip(keyList, keyKinds) {
            writer.number(kind)
            writer.text(key.argument)
        }
        writer.number(traces.count)
        for (index, trace) in traces.enumerated() {
            writer.number(owners[index])
            if let witness = trace.witness {
                writer.number(witness.count + 1)
                writer.bytes += witness
            } else {
                writer.number(0)
            }
            trace.fingerprint.append(to: &writer.bytes)
            writer.number(trace.dependencies.count)
            for (dependency, number) in zip(trace.dependencies, read[index]) {
                if own[number] == dependency.fingerprint {
                    writer.number(number * 2 + 1)
                } else {
                    writer.number(number * 2)
                    dependency.fingerprint.append(to: &writer.bytes)
                }
            }
        }
        return writer.bytes
    }

    init(traces: [Trace]) { self.traces = traces }

    init(decoding bytes: [UInt8]) throws(Malformed) {
        var reader = Reader(bytes: bytes)
        let kinds = try (0..<reader.count(minimumSize: 1)).map { _ throws(Malformed) in try reader.text() }
        let keys = try (0..<reader.count(minimumSize: 2)).map { _ throws(Malformed) in
            let kind = try reader.number()
            guard kind < kinds.count else { throw Malformed() }
            return QueryKey(kind: kinds[kind], argument: try reader.text())
        }
        var traces: [Trace] = []
        var own: [Int: Fingerprint] = [:]
        /// Dependencies whose fingerprint is their own trace's, which may come later: (trace, dependency, key).
        var pending: [(Int, Int, Int)] = []
        for _ in 0..<(try reader.count(minimumSize: 35)) {
            let ownerIndex = try reader.number()
            guard ownerIndex < keys.count, own[ownerIndex] == nil else { throw Malformed() }
            let owner = keys[ownerIndex]
            let witnessLength = try reader.number()
            let witness = witnessLength == 0 ? nil : try reader.take(witnessLength - 1)
            let fingerprint = try reader.fingerprint()
            own[ownerIndex] = fingerprint
            var dependencies: [Dependency] = []
            let count = try reader.count(minimumSize: 1)
            dependencies.reserveCapacity(count)
            for _ in 0..<count {
                let number = try reader.number()
                guard number / 2 < keys.count else { throw Malformed() }
                if number % 2 == 1 {
                    pending.append((traces.count, dependencies.count, number / 2))
                    dependencies.append(Dependency(key: keys[number / 2], fingerprint: fingerprint))
                } else {
                    dependencies.append(Dependency(key: keys[number / 2], fingerprint: try reader.fingerprint()))
                }
            }
            traces.append(Trace(key: owner, witness: witness, dependencies: dependencies, fingerprint: fingerprint))
        }
        guard reader.position == bytes.count else { throw Malformed() }
        for (trace, dependency, key) in pending {
            guard let fingerprint = own[key] else { throw Malformed() }
            traces[trace].dependencies[dependency].fingerprint = fingerprint
        }
        self.traces = traces
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

        mutating func take(_ count: Int) throws(Malformed) -> [UInt8] {
            guard count <= bytes.count - position else { throw Malformed() }
            defer { position += count }
            return Array(bytes[position..<position + count])
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
