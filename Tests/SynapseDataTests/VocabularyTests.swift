import Foundation
import Synapse
import Testing

@Suite struct VocabularyTests {
    @Test func charactersAreSortedAndRoundTrip() throws {
        let vocabulary = Vocabulary.characters(of: "hello world")
        #expect(vocabulary.tokens == [" ", "d", "e", "h", "l", "o", "r", "w"])
        #expect(try vocabulary.encode("hello") == [3, 2, 4, 4, 5])
        #expect(try vocabulary.decode(try vocabulary.encode("world hello")) == "world hello")
        // No unknown token: an unseen character is an error naming it.
        #expect("\(#expect(throws: DataError.self) { try vocabulary.encode("hex") }!)".contains("'x'"))
        #expect(throws: DataError.self) { try vocabulary.token(at: 8) }
    }

    @Test func fittingOrdersByFrequencyAfterPaddingAndUnknown() throws {
        let corpus = words(in: "The cat sat. The cat ran! A dog sat; the END.")
        #expect(corpus == ["the", "cat", "sat", "the", "cat", "ran", "a", "dog", "sat", "the", "end"])
        let vocabulary = Vocabulary(fitting: corpus)
        #expect(vocabulary.tokens == ["", "[UNK]", "the", "cat", "sat", "ran", "a", "dog", "end"])
        #expect(try vocabulary.ids(of: ["the", "cat", "flew"]) == [2, 3, 1])
        #expect(try vocabulary.decode([2, 3, 0, 0], separator: " ") == "the cat")
        let small = Vocabulary(fitting: corpus, maximumSize: 4, minimumCount: 2)
        #expect(small.tokens == ["", "[UNK]", "the", "cat"])
    }

    @Test func repeatedTokensAreRefusedAndCodableKeepsIds() throws {
        #expect(throws: DataError.self) { try Vocabulary(tokens: ["a", "b", "a"]) }
        #expect(throws: DataError.self) { try Vocabulary(tokens: ["a", "[UNK]"], unknownToken: "[UNK]") }
        let vocabulary = try Vocabulary(tokens: ["x", "y"], paddingToken: "<pad>", unknownToken: "<unk>")
        let decoded = try JSONDecoder().decode(Vocabulary.self, from: try JSONEncoder().encode(vocabulary))
        #expect(decoded == vocabulary)
        #expect(try decoded.id(of: "y") == 3)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Vocabulary.self, from: Data(#"{"tokens": ["x", "<pad>"], "paddingToken": "<pad>"}"#.utf8))
        }
    }
}

@Suite struct SequenceWindowTests {
    @Test func paddingAndTruncationFollowKerasDefaults() throws {
        let sequences = [[1, 2, 3], [4, 5], [6, 7, 8, 9, 10]]
        #expect(try padded(sequences, length: 4).scalars == [0, 1, 2, 3, 0, 0, 4, 5, 7, 8, 9, 10])
        #expect(try padded(sequences, length: 4, padding: .trailing, truncating: .trailing, value: -1).scalars
                == [1, 2, 3, -1, 4, 5, -1, -1, 6, 7, 8, 9])
        #expect(try padded(sequences).shape == [3, 5])
        #expect(throws: DataError.self) { try padded([]) }
        #expect(throws: DataError.self) { try padded(sequences, length: 0) }
    }

    @Test func nextTokenWindowsShiftTargetsByOne() throws {
        let ids = Array(0..<11)
        let (x, y) = try nextTokenWindows(ids, length: 4, stride: 3)
        #expect(x.shape == [3, 4] && y.shape == [3, 4])
        #expect(x.scalars == [0, 1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9])
        #expect(y.scalars == [1, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10])
        #expect(throws: DataError.self) { try nextTokenWindows([1, 2, 3], length: 3, stride: 1) }
        #expect(throws: DataError.self) { try nextTokenWindows(ids, length: 4, stride: 0) }
    }

    @Test func forecastingWindowsTargetTheValueAfterTheHorizon() throws {
        let series: [Float] = (0..<10).map(Float.init)
        let (x, y) = try forecastingWindows(series, length: 3, horizon: 2, stride: 2)
        #expect(x.shape == [3, 3, 1] && y.shape == [3, 1])
        #expect(x.scalars == [0, 1, 2, 2, 3, 4, 4, 5, 6])
        #expect(y.scalars == [4, 6, 8])
        #expect(throws: DataError.self) { try forecastingWindows(series, length: 9, horizon: 2) }
    }

    @Test func theSineMixtureIsSeededAndNoisyAsAsked() throws {
        let a = try SineMixture.generate(length: 500, periods: [24, 61], noise: 0, seed: 1)
        #expect(a == (try SineMixture.generate(length: 500, periods: [24, 61], noise: 0, seed: 1)))
        #expect(a != (try SineMixture.generate(length: 500, periods: [24, 61], noise: 0, seed: 2)))
        #expect(a.allSatisfy { Swift.abs($0) < 2 })
        // Without noise a single sine repeats after its period.
        let sine = try SineMixture.generate(length: 100, periods: [25], noise: 0, seed: 3)
        #expect(Swift.abs(sine[10] - sine[35]) < 1e-5)
        let noisy = try SineMixture.generate(length: 20_000, periods: [25], noise: 0.5, seed: 3)
        let residual = zip(noisy, try SineMixture.generate(length: 20_000, periods: [25], noise: 0, seed: 3)).map { $0 - $1 }
        let deviation = (residual.map { $0 * $0 }.reduce(0, +) / Float(residual.count)).squareRoot()
        #expect(Swift.abs(deviation - 0.5) < 0.02)
        #expect(throws: DataError.self) { try SineMixture.generate(length: 10, periods: [], noise: 0, seed: 0) }
        #expect(throws: DataError.self) { try SineMixture.generate(length: 10, periods: [5], noise: -1, seed: 0) }
    }
}
