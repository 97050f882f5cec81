import Synapse
import SynapseTestSupport
import Testing

@Suite struct PoolingTests {
    static let settings: [(Size2D, Size2D, Size2D, Padding)] = [
        (Size2D(4, 6), 2, 2, .valid), (Size2D(5, 7), 2, 2, .valid), (Size2D(5, 7), 2, 2, .same), (Size2D(5, 7), 3, 2, .same),
        (Size2D(6, 5), Size2D(3, 2), Size2D(1, 2), .valid), (Size2D(7, 7), 3, 3, .same), (Size2D(4, 4), 1, 1, .valid),
        (Size2D(7, 8), 2, 3, .valid), (Size2D(6, 8), Size2D(3, 2), Size2D(3, 2), .same),
    ]

    @Test(arguments: settings, [true, false])
    func poolingMatchesTheReference(setting: (Size2D, Size2D, Size2D, Padding), maximum: Bool) throws {
        let (input, window, strides, padding) = setting
        var generator = RandomGenerator(seed: 21)
        let x = try Tensor.randomNormal([2, input.height, input.width, 3], using: &generator)
        let pooled = maximum ? try x.maxPooled2D(window: window, strides: strides, padding: padding)
                             : try x.averagePooled2D(window: window, strides: strides, padding: padding)
        expectClose(pooled, ReferenceConvolution.pooling2D(x, window: window, strides: strides, padding: padding, maximum: maximum))
        // Distinct random values keep every maximum unique, so finite differences see one branch.
        try expectGradientsMatchFiniteDifferences(at: [x], step: 1e-3) {
            maximum ? try $0[0].maxPooled2D(window: window, strides: strides, padding: padding)
                    : try $0[0].averagePooled2D(window: window, strides: strides, padding: padding)
        }
    }

    @Test func stridesDefaultToTheWindow() throws {
        let x = try Tensor(shape: [1, 4, 4, 1], scalars: (0..<16).map(Float.init))
        #expect(try x.maxPooled2D(window: 2).scalars == [5, 7, 13, 15])
        #expect(try x.averagePooled2D(window: 2).scalars == [2.5, 4.5, 10.5, 12.5])
    }

    @Test func maxPoolingRoutesTheGradientToTheMaximum() throws {
        let x = try Tensor(shape: [1, 2, 2, 1], scalars: [1, 4, 3, 2])
        let (_, gradients) = try valueWithGradient(at: [x]) { try $0[0].maxPooled2D(window: 2).sum() }
        #expect(gradients[0].scalars == [0, 1, 0, 0])
    }

    @Test func maxPoolingPropagatesNaN() throws {
        let x = try Tensor(shape: [1, 2, 2, 1], scalars: [1, .nan, 3, 2])
        #expect(try x.maxPooled2D(window: 2).scalars[0].isNaN)
    }

    @Test(arguments: [(1, Padding.valid), (2, .same), (3, .valid)] as [(Int, Padding)])
    func poolingOneDimensionalSequences(stride: Int, padding: Padding) throws {
        var generator = RandomGenerator(seed: 22)
        let x = try Tensor.randomNormal([2, 9, 3], using: &generator)
        for maximum in [true, false] {
            let pooled = maximum ? try x.maxPooled1D(window: 3, stride: stride, padding: padding)
                                 : try x.averagePooled1D(window: 3, stride: stride, padding: padding)
            let reference = ReferenceConvolution.pooling2D(try x.reshaped(to: [2, 1, 9, 3]), window: Size2D(1, 3), strides: Size2D(1, stride),
                                                           padding: padding, maximum: maximum)
            expectClose(pooled, try reference.reshaped(to: [2, reference.shape[2], 3]))
        }
    }

    @Test func badArgumentsThrow() throws {
        #expect(throws: TensorError.self) { try Tensor.zeros([1, 3, 3, 1]).maxPooled2D(window: 4) }
        #expect(throws: TensorError.self) { try Tensor.zeros([3, 3, 1]).maxPooled2D(window: 2) }
        #expect(throws: TensorError.self) { try Tensor.zeros([1, 3, 3, 1]).averagePooled2D(window: 0) }
        #expect(throws: TensorError.self) { try Tensor.zeros([1, 3]).maxPooled1D(window: 2) }
    }
}
