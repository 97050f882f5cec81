import Synapse
import SynapseTestSupport
import Testing

@Suite struct AffineMapTests {
    @Test(arguments: [([4, 3], true), ([1, 3], true), ([2, 5, 3], true), ([4, 3], false), ([1, 3], false)] as [([Int], Bool)])
    func matchesMatmulPlusBias(inputShape: [Int], withBias: Bool) throws {
        var generator = RandomGenerator(seed: 5)
        let x = try Tensor.randomNormal(Shape(inputShape), using: &generator)
        let kernel = try Tensor.randomNormal([3, 2], using: &generator), bias = try Tensor.randomNormal([2], using: &generator)
        let fused = try x.matmul(kernel, addingBias: withBias ? bias : nil)
        let reference = withBias ? try x.matmul(kernel) + bias : try x.matmul(kernel)
        expectClose(fused, reference, absolute: 1e-5)
        if withBias {
            try expectGradientsMatchFiniteDifferences(at: [x, kernel, bias]) { try $0[0].matmul($0[1], addingBias: $0[2]) }
        } else {
            try expectGradientsMatchFiniteDifferences(at: [x, kernel]) { try $0[0].matmul($0[1], addingBias: nil) }
        }
    }

    @Test func fusedReluMatchesReluOfTheAffineMap() throws {
        var generator = RandomGenerator(seed: 7)
        let x = try Tensor.randomNormal([5, 3], using: &generator)
        let kernel = try Tensor.randomNormal([3, 4], using: &generator), bias = try Tensor.randomNormal([4], using: &generator)
        expectClose(try x.matmul(kernel, addingBias: bias, activation: .relu), relu(try x.matmul(kernel) + bias), absolute: 1e-5)
        // Keep every pre-activation away from the kink at 0, so finite differences see one side.
        let preactivation = try x.matmul(kernel) + bias
        #expect(try abs(preactivation).min().scalar > 0.05)
        try expectGradientsMatchFiniteDifferences(at: [x, kernel, bias], step: 1e-3) {
            try $0[0].matmul($0[1], addingBias: $0[2], activation: .relu)
        }
    }

    @Test func transposedKernelViewsAndEmptyBatches() throws {
        var generator = RandomGenerator(seed: 6)
        let x = try Tensor.randomNormal([3, 4], using: &generator), stored = try Tensor.randomNormal([2, 4], using: &generator)
        expectClose(try x.matmul(stored.transposed(), addingBias: nil), try x.matmul(stored.transposed()), absolute: 1e-5)
        #expect(try Tensor.zeros([0, 4]).matmul(stored.transposed(), addingBias: Tensor.ones([2])).shape == [0, 2])
    }

    @Test func anEmptyBatchGivesZeroKernelAndBiasGradients() throws {
        let kernel = try Tensor.ones([4, 2]), bias = try Tensor.ones([2])
        for activation in [AffineActivation.identity, .relu] {
            let (_, gradients) = try valueWithGradient(at: [try Tensor.zeros([0, 4]), kernel, bias]) {
                try $0[0].matmul($0[1], addingBias: $0[2], activation: activation).sum()
            }
            #expect(gradients.map(\.shape) == [[0, 4], [4, 2], [2]])
            #expect(gradients[1].scalars == [Float](repeating: 0, count: 8) && gradients[2].scalars == [0, 0])
        }
    }

    @Test func mismatchedShapesThrow() throws {
        #expect(throws: TensorError.self) { try Tensor.zeros([2, 3]).matmul(Tensor.zeros([4, 2]), addingBias: nil) }
        #expect(throws: TensorError.self) { try Tensor.zeros([2, 3]).matmul(Tensor.zeros([3, 2]), addingBias: Tensor.zeros([3])) }
        #expect(throws: TensorError.self) { try Tensor.zeros([2, 3]).matmul(Tensor.zeros([2, 3, 2]), addingBias: nil) }
    }
}
