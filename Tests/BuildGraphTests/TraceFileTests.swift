import Testing

@testable import BuildGraph

@Suite struct TraceFileTests {
    let traces: [Trace] = {
        let a = QueryKey(kind: "parsed-entry", argument: "abai")
        let b = QueryKey(kind: "entry-files", argument: "abai")
        let c = QueryKey(kind: "listing", argument: "")
        return [
            Trace(key: a, witness: nil, dependencies: [
                Dependency(key: b, fingerprint: .of([1])), Dependency(key: c, fingerprint: .of([2])),
            ], fingerprint: .of([3])),
            Trace(key: b, witness: [9, 8, 7], dependencies: [Dependency(key: c, fingerprint: .of([2]))], fingerprint: .of([4])),
            Trace(key: c, witness: [], dependencies: [], fingerprint: .of([5])),
        ]
    }()

    @Test func tracesReadBackAsTheyWereWritten() throws {
        let bytes = TraceFile(traces: traces).encoded()
        #expect(try TraceFile(decoding: bytes).traces == traces)
        #expect(try TraceFile(decoding: TraceFile(traces: []).encoded()).traces.isEmpty)
    }

    /// A dependency read as its own trace records it (as most are) costs no fingerprint; others keep theirs.
    @Test func aDependencyAsItsOwnTraceRecordsItTakesNoFingerprint() throws {
        let (a, b) = (QueryKey(kind: "sum", argument: "ab"), QueryKey(kind: "cell", argument: "a"))
        let current = [
            Trace(key: a, witness: nil, dependencies: [Dependency(key: b, fingerprint: .of([1]))], fingerprint: .of([2])),
            Trace(key: b, witness: nil, dependencies: [], fingerprint: .of([1])),
        ]
        var stale = current
        stale[0].dependencies[0].fingerprint = .of([7])
        let (short, long) = (TraceFile(traces: current).encoded(), TraceFile(traces: stale).encoded())
        #expect(long.count == short.count + 32)
        #expect(try TraceFile(decoding: short).traces == current)
        #expect(try TraceFile(decoding: long).traces == stale)
    }

    @Test func eachKeyIsWrittenOnce() {
        let bytes = TraceFile(traces: traces).encoded()
        #expect(bytes.count < 3 * 32 + 3 * 32 + 80)
    }

    /// The store's hash guards the file; a damaged one must still never crash or hang the reader.
    @Test func aFileCutShortOrFlippedIsRefusedOrReadWithoutCrashing() {
        let bytes = TraceFile(traces: traces).encoded()
        for length in 0..<bytes.count {
            #expect(throws: TraceFile.Malformed.self) { try TraceFile(decoding: Array(bytes[..<length])) }
        }
        for position in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[position] ^= flip
                _ = try? TraceFile(decoding: damaged)
            }
        }
        #expect(throws: TraceFile.Malformed.self) { try TraceFile(decoding: bytes + [0]) }
    }

    @Test func aFingerprintKeepsItsBytesAndOrder() {
        let digest = (0..<32).map { UInt8($0 * 7 & 0xFF) }
        #expect(Fingerprint(digest: digest).bytes == digest)
        #expect(Fingerprint.of([1]) != Fingerprint.of([2]))
        let sorted = [Fingerprint.of([1]), .of([2]), .of([3])].sorted()
        #expect(sorted.map(\.hex) == sorted.map(\.hex).sorted())
    }
}
