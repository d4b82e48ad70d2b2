import Testing

@testable import BuildGraph

@Suite struct BinaryCodingTests {
    enum Shape: Codable, Equatable {
        case point
        case circle(radius: Double)
        case polygon([Int], label: String?)
        indirect case group(Shape, Shape)
    }

    struct Sample: Codable, Equatable {
        var name: String
        var count: Int
        var negative: Int64
        var flags: [Bool]
        var bytes: [UInt8]
        var empty: [String]
        var missing: String?
        var present: Int?
        var shapes: [Shape]
        var table: [String: [Int]]
        var small: UInt8
        var ratio: Float
    }

    let sample = Sample(
        name: "Бекет-ата · Ұлытау", count: 1_000_000, negative: -42, flags: [true, false], bytes: [0, 1, 255],
        empty: [], missing: nil, present: 7,
        shapes: [.point, .circle(radius: 2.5), .polygon([1, 2, 3], label: nil), .group(.point, .circle(radius: -0.0))],
        table: ["ә": [1], "a": [], "я": [3, 4]], small: 200, ratio: 0.5)

    @Test func aValueReadsBackAsItWasWritten() throws {
        let bytes = try BinaryCoding.encode(sample)
        #expect(try BinaryCoding.decode(Sample.self, from: bytes) == sample)
        #expect(try BinaryCoding.decode([UInt8].self, from: BinaryCoding.encode([UInt8](repeating: 9, count: 1000))).count == 1000)
    }

    @Test func theSameValueGivesTheSameBytesWhateverTheOrderOfADictionary() throws {
        var reordered = sample
        reordered.table = [:]
        for key in ["я", "a", "ә"] { reordered.table[key] = sample.table[key] }
        #expect(try BinaryCoding.encode(reordered) == BinaryCoding.encode(sample))
    }

    @Test func byteArraysAreOneStringAndKeysAreWrittenOnce() throws {
        #expect(try BinaryCoding.encode([UInt8](repeating: 1, count: 100)).count < 105)
        struct Pair: Codable { var first: Int; var second: Int }
        let many = try BinaryCoding.encode([Pair](repeating: Pair(first: 1, second: 2), count: 100))
        // A map of two integers: tag, length and count (nine bytes), two key references, two values of two bytes.
        #expect(many.count < 100 * 15 + 60)
    }

    @Test func aLargeDictionaryReadsBackWhole() throws {
        let table = Dictionary(uniqueKeysWithValues: (0..<20_000).map { ("key-\($0)", $0) })
        #expect(try BinaryCoding.decode([String: Int].self, from: BinaryCoding.encode(table)) == table)
    }

    /// Writes into its outer container after opening a nested one, then into the nested one.
    struct Interleaving: Encodable {
        enum Keys: CodingKey { case a, b, c }

        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: Keys.self)
            var inner = outer.nestedUnkeyedContainer(forKey: .a)
            try outer.encode(1, forKey: .b)
            try inner.encode(2)
        }
    }

    @Test func writingIntoAContainerAlreadyLeftIsAnError() {
        #expect(throws: BinaryCodingError.self) { try BinaryCoding.encode(Interleaving()) }
    }

    @Test func aMalformedDocumentThrowsAndNeverCrashes() throws {
        let bytes = try BinaryCoding.encode(sample)
        for length in 0..<bytes.count {
            #expect(throws: (any Error).self) { try BinaryCoding.decode(Sample.self, from: Array(bytes[..<length])) }
        }
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[index] ^= flip
                _ = try? BinaryCoding.decode(Sample.self, from: damaged)
            }
        }
        #expect(throws: (any Error).self) { try BinaryCoding.decode(Sample.self, from: bytes + [0]) }
        #expect(throws: (any Error).self) { try BinaryCoding.decode(Int.self, from: [3] + [UInt8](repeating: 0xFF, count: 11)) }
    }

    indirect enum Nest: Codable {
        case leaf
        case wrap(Nest)
    }

    @Test func deepNestingIsRefused() throws {
        var nest = Nest.leaf
        for _ in 0..<BinaryCoding.maximumDepth { nest = .wrap(nest) }
        let bytes = try BinaryCoding.encode(nest)
        #expect(throws: BinaryCodingError.self) { try BinaryCoding.decode(Nest.self, from: bytes) }
    }

    @Test func aCountLargerThanTheDocumentIsRefusedBeforeAnythingIsReserved() {
        // No keys; an array claiming more bytes and items than there are.
        #expect(throws: BinaryCodingError.self) { try BinaryCoding.decode([Int].self, from: [0, 8, 0xFF, 0xFF, 0xFF, 0x0F, 1, 0, 0, 0]) }
        #expect(throws: BinaryCodingError.self) { try BinaryCoding.decode([Int].self, from: [0, 8, 4, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F]) }
    }
}
