import Synapse
import SynapseTestSupport
import Testing

@Suite struct TransposedConvolutionTests {
    @Test(arguments: ConvolutionCase.all.filter { $0.input.height <= 5 })
    func transposedConvolutionMatchesTheReference(setting: ConvolutionCase) throws {
        var generator = RandomGenerator(seed: 31)
        let x = try Tensor.randomNormal([2, 3, 4, 3], using: &generator)
        let kernel = try Tensor.randomNormal([setting.kernel.height, setting.kernel.width, 2, 3], using: &generator)
        let bias = try Tensor.randomNormal([2], using: &generator)
        let fast = try x.transposeConvolved2D(with: kernel, bias: bias, strides: setting.strides, padding: setting.padding, dilation: setting.dilation)
        let reference = ReferenceConvolution.transposedConvolution2D(x, kernel, bias: bias, strides: setting.strides,
                                                                     padding: setting.padding, dilation: setting.dilation)
        expectClose(fast, reference, absolute: 1e-4)
        try expectGradientsMatchFiniteDifferences(at: [x, kernel, bias]) {
            try $0[0].transposeConvolved2D(with: $0[1], bias: $0[2], strides: setting.strides, padding: setting.padding, dilation: setting.dilation)
        }
    }

    /// ⟨conv(x), y⟩ = ⟨x, convᵀ(y)⟩: the transposed convolution is the convolution's adjoint.
    @Test(arguments: [(Size2D(2, 2), Padding.same), (Size2D(1, 1), .valid), (Size2D(2, 3), .valid), (Size2D(3, 3), .same)])
    func itIsTheAdjointOfTheConvolution(strides: Size2D, padding: Padding) throws {
        var generator = RandomGenerator(seed: 32)
        let kernel = try Tensor.randomNormal([3, 3, 4, 2], using: &generator)
        let y = try Tensor.randomNormal([2, 3, 3, 2], using: &generator)
        let transposed = try y.transposeConvolved2D(with: kernel, strides: strides, padding: padding)
        let x = try Tensor.randomNormal(transposed.shape, using: &generator)
        let convolved = try x.convolved2D(with: kernel, strides: strides, padding: padding)
        #expect(convolved.shape == y.shape)
        let left = try (convolved * y).sum().scalar, right = try (x * transposed).sum().scalar
        #expect(Swift.abs(left - right) <= 1e-3 * Swift.max(1, Swift.abs(left)))
    }

    @Test func outputSizesFollowKeras() throws {
        // keras.layers.Conv2DTranspose(1, 3, strides=2, padding=p).compute_output_shape((1, 7, 7, 1))
        #expect(try Tensor.zeros([1, 7, 7, 1]).transposeConvolved2D(with: Tensor.zeros([3, 3, 1, 1]), strides: 2, padding: .same).shape == [1, 14, 14, 1])
        #expect(try Tensor.zeros([1, 7, 7, 1]).transposeConvolved2D(with: Tensor.zeros([3, 3, 1, 1]), strides: 2, padding: .valid).shape == [1, 15, 15, 1])
        #expect(try Tensor.zeros([1, 7, 7, 1]).transposeConvolved2D(with: Tensor.zeros([4, 4, 1, 1]), strides: 2, padding: .same).shape == [1, 14, 14, 1])
        #expect(try Tensor.zeros([1, 7, 7, 1]).transposeConvolved2D(with: Tensor.zeros([1, 1, 1, 1]), strides: 3, padding: .valid).shape == [1, 21, 21, 1])
    }

    @Test func badArgumentsThrow() throws {
        #expect(throws: TensorError.self) { try Tensor.zeros([1, 3, 3, 2]).transposeConvolved2D(with: Tensor.zeros([3, 3, 2, 3])) }
        #expect(throws: TensorError.self) { try Tensor.zeros([1, 3, 3, 2]).transposeConvolved2D(with: Tensor.zeros([3, 3, 2])) }
        #expect(throws: TensorError.self) { try Tensor.zeros([1, 3, 3, 2]).transposeConvolved2D(with: Tensor.zeros([3, 3, 4, 2]), bias: Tensor.zeros([2])) }
        #expect(throws: TensorError.self) { try Tensor.zeros([1, 3, 3, 2]).transposeConvolved2D(with: Tensor.zeros([3, 3, 4, 2]), strides: [1, 0]) }
    }
}
