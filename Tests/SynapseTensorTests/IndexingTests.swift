import Synapse
import SynapseTestSupport
import Testing

@Suite struct IndexingTests {
    let x = tensor([3, 4], (0..<12).map(Float.init))

    @Test func slicesByRangesPerAxis() throws {
        #expect(try x[0..<2].shape == [2, 4])
        #expect(try x[1...].scalars == (4..<12).map(Float.init))
        #expect(try x[0..., 1..<3].scalars == [1, 2, 5, 6, 9, 10])
        #expect(try x[..<1, 2...].scalars == [2, 3])
        #expect(try x[0...2, 3...3].scalars == [3, 7, 11])
        #expect(try x[2].scalars == [8, 9, 10, 11])
        #expect(try x[1][2].scalar == 6)
        #expect(try x[1..<1].shape == [0, 4])
    }

    @Test func slicesOfViewsAndViewsOfSlices() throws {
        let cropped = try x[1..<3, 1..<3]
        #expect(cropped.transposed().scalars == [5, 9, 6, 10])
        #expect(try x.transposed()[1..<3].scalars == [1, 5, 9, 2, 6, 10])
        #expect((cropped * 2).scalars == [10, 12, 18, 20])
    }

    @Test func outOfRangeSlicesThrow() throws {
        #expect(throws: TensorError.self) { try x[0..<5] }
        #expect(throws: TensorError.self) { try x[0..., 0..., 0...] }
        #expect(throws: TensorError.self) { try x[7...] }
        #expect(throws: TensorError.self) { try x[3] }
        #expect(throws: TensorError.self) { try x[-1] }
    }

    @Test func gatherAlongAnyAxis() throws {
        #expect(try x.gathering(atIndices: [2, 0, 2], alongAxis: 0).scalars == [8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11])
        #expect(try x.gathering(atIndices: [3, 1], alongAxis: 1).scalars == [3, 1, 7, 5, 11, 9])
        #expect(throws: TensorError.self) { try x.gathering(atIndices: [4], alongAxis: 1) }
        #expect(throws: TensorError.self) { try x.gathering(atIndices: [0], alongAxis: 2) }
    }

    @Test func gradientsMatchFiniteDifferences() throws {
        var rng = RandomGenerator(seed: 81)
        let t = try Tensor.randomNormal([4, 5], using: &rng)
        try expectGradientsMatchFiniteDifferences(at: [t]) { try $0[0][1..<3, 2...] }
        try expectGradientsMatchFiniteDifferences(at: [t]) { try $0[0][2] }
        // Repeated indices add up their gradients.
        try expectGradientsMatchFiniteDifferences(at: [t]) { try $0[0].gathering(atIndices: [1, 3, 1, 1], alongAxis: 0) }
        try expectGradientsMatchFiniteDifferences(at: [t]) { try $0[0].gathering(atIndices: [4, 0], alongAxis: 1) }
    }
}
