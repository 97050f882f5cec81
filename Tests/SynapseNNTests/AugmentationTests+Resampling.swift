import Synapse
import SynapseTestSupport
import Testing

/// The affine resampling shared by the geometric layers (`Tensor.resampled(by:…)`): every fill
/// mode and interpolation against hand-computed references, and its gradients.
extension AugmentationTests {
    /// One row `1 2 3 4` shifted right by `shift` pixels (output x reads x − shift), with
    /// fill value 9, and the expected row.
    struct ShiftCase: CustomTestStringConvertible, Sendable {
        let fillMode: FillMode
        let interpolation: Interpolation
        let shift: Float
        let expected: [Float]
        var testDescription: String { "\(fillMode), \(interpolation), shift \(shift)" }
    }

    static let shiftCases: [ShiftCase] = [
        // Half a pixel right: x = 0 reads −0.5, half pixel −1 (per fill mode), half pixel 0.
        ShiftCase(fillMode: .constant, interpolation: .bilinear, shift: 0.5, expected: [5, 1.5, 2.5, 3.5]),
        ShiftCase(fillMode: .nearest, interpolation: .bilinear, shift: 0.5, expected: [1, 1.5, 2.5, 3.5]),
        ShiftCase(fillMode: .reflect, interpolation: .bilinear, shift: 0.5, expected: [1, 1.5, 2.5, 3.5]),
        ShiftCase(fillMode: .wrap, interpolation: .bilinear, shift: 0.5, expected: [2.5, 1.5, 2.5, 3.5]),
        // 1.5 pixels left: x = 2 reads 3.5 (pixels 3 and 4), x = 3 reads 4.5 (pixels 4 and 5).
        ShiftCase(fillMode: .constant, interpolation: .bilinear, shift: -1.5, expected: [2.5, 3.5, 6.5, 9]),
        ShiftCase(fillMode: .nearest, interpolation: .bilinear, shift: -1.5, expected: [2.5, 3.5, 4, 4]),
        ShiftCase(fillMode: .reflect, interpolation: .bilinear, shift: -1.5, expected: [2.5, 3.5, 4, 3.5]),
        ShiftCase(fillMode: .wrap, interpolation: .bilinear, shift: -1.5, expected: [2.5, 3.5, 2.5, 1.5]),
        // Two whole pixels right: d c b a | a b c d | d c b a and a b c d | a b c d.
        ShiftCase(fillMode: .constant, interpolation: .bilinear, shift: 2, expected: [9, 9, 1, 2]),
        ShiftCase(fillMode: .nearest, interpolation: .bilinear, shift: 2, expected: [1, 1, 1, 2]),
        ShiftCase(fillMode: .reflect, interpolation: .bilinear, shift: 2, expected: [2, 1, 1, 2]),
        ShiftCase(fillMode: .wrap, interpolation: .bilinear, shift: 2, expected: [3, 4, 1, 2]),
        // Five pixels right, beyond a whole period.
        ShiftCase(fillMode: .constant, interpolation: .bilinear, shift: 5, expected: [9, 9, 9, 9]),
        ShiftCase(fillMode: .nearest, interpolation: .bilinear, shift: 5, expected: [1, 1, 1, 1]),
        ShiftCase(fillMode: .reflect, interpolation: .bilinear, shift: 5, expected: [4, 4, 3, 2]),
        ShiftCase(fillMode: .wrap, interpolation: .bilinear, shift: 5, expected: [4, 1, 2, 3]),
        // Nearest: x − 0.6 rounds to x − 1.
        ShiftCase(fillMode: .constant, interpolation: .nearest, shift: 0.6, expected: [9, 1, 2, 3]),
        ShiftCase(fillMode: .nearest, interpolation: .nearest, shift: 0.6, expected: [1, 1, 2, 3]),
        ShiftCase(fillMode: .reflect, interpolation: .nearest, shift: 0.6, expected: [1, 1, 2, 3]),
        ShiftCase(fillMode: .wrap, interpolation: .nearest, shift: 0.6, expected: [4, 1, 2, 3]),
        // Nearest: x + 2.6 rounds to x + 3 (pixels 3, 4, 5, 6).
        ShiftCase(fillMode: .constant, interpolation: .nearest, shift: -2.6, expected: [4, 9, 9, 9]),
        ShiftCase(fillMode: .nearest, interpolation: .nearest, shift: -2.6, expected: [4, 4, 4, 4]),
        ShiftCase(fillMode: .reflect, interpolation: .nearest, shift: -2.6, expected: [4, 4, 3, 2]),
        ShiftCase(fillMode: .wrap, interpolation: .nearest, shift: -2.6, expected: [4, 1, 2, 3]),
        // Ties round to even, as NumPy: −0.5 → 0, 0.5 → 0, 1.5 → 2, 2.5 → 2.
        ShiftCase(fillMode: .constant, interpolation: .nearest, shift: 0.5, expected: [1, 1, 3, 3]),
    ]

    @Test(arguments: shiftCases)
    func fillModesAndInterpolationsMatchHandComputedRows(_ shiftCase: ShiftCase) throws {
        let layer = RandomTranslation(
            heightFactor: 0, widthFactor: 0, fillMode: shiftCase.fillMode, fillValue: 9, interpolation: shiftCase.interpolation)
        let shifted = try layer.translated(Self.image([[1, 2, 3, 4]]), down: [0], right: [shiftCase.shift])
        expectClose(shifted.scalars, shiftCase.expected, absolute: 1e-5)
        // The same along the other axis.
        let column = try layer.translated(Self.image([[1], [2], [3], [4]]), down: [shiftCase.shift], right: [0])
        expectClose(column.scalars, shiftCase.expected, absolute: 1e-5)
    }

    @Test func bilinearBlendsFourPixelsAndTheFillValuePerChannel() throws {
        // [[1, 2], [3, 4]] in channel 0, ten times that in channel 1, moved half a pixel down
        // and right with fill value 8: output (0, 0) reads (−0.5, −0.5), a quarter of pixel
        // (0, 0) and three quarters fill; (1, 0) a quarter each of (0, 0) and (1, 0), half fill;
        // (0, 1) a quarter each of (0, 0) and (0, 1), half fill; (1, 1) all four pixels.
        let x = tensor([1, 2, 2, 2], [1, 10, 2, 20, 3, 30, 4, 40])
        let shifted = try x.resampled(by: [.translation(down: 0.5, right: 0.5)], fillMode: .constant, fillValue: 8)
        expectClose(shifted, tensor([1, 2, 2, 2], [6.25, 8.5, 4.75, 11.5, 5, 14, 2.5, 25]))
        let unfilled = try x.resampled(by: [.translation(down: 0.5, right: 0.5)], fillMode: .constant)
        expectClose(unfilled, tensor([1, 2, 2, 2], [0.25, 2.5, 0.75, 7.5, 1, 10, 2.5, 25]))
    }

    @Test func oneTransformAppliesToEveryImageOrOnePerImage() throws {
        let x = try Self.randomImages(3, 4, 5, 2)
        #expect(try x.resampled(by: [.identity]) == x)
        let flips = [ResamplingTransform.identity, .flip(horizontally: true, vertically: false, height: 4, width: 5), .identity]
        let output = try x.resampled(by: flips, interpolation: .nearest)
        #expect(try output[0] == x[0] && output[2] == x[2])
        #expect(try output[1] == RandomFlip().flipped(x[1..<2], horizontally: [true], vertically: [false])[0])
    }

    @Test func resamplingChecksItsArguments() throws {
        let x = try Self.randomImages(3, 4, 4, 1)
        #expect(throws: TensorError.self) { try x.reshaped(to: [3, 4, 4]).resampled(by: [.identity]) }
        #expect(throws: TensorError.self) { try x.resampled(by: [.identity, .identity]) }
        #expect(throws: TensorError.self) { try x.resampled(by: [ResamplingTransform(a0: .nan, a1: 0, a2: 0, b0: 0, b1: 1, b2: 0)]) }
        #expect(throws: TensorError.self) { try x.resampled(by: [.identity], fillMode: .constant, fillValue: .infinity) }
        // Coefficients so large that the points overflow are read as far outside, not a crash.
        let huge = ResamplingTransform(a0: 3e38, a1: -3e38, a2: 0, b0: 3e38, b1: 3e38, b2: 0)
        #expect(try x.resampled(by: [huge], fillMode: .wrap).shape == x.shape)
        let empty = try Tensor.zeros([0, 4, 4, 1])
        #expect(try empty.resampled(by: []).shape == empty.shape)
    }

    // MARK: - Gradients

    /// Fixed maps of a 4×5 image: a general affine map, a rotation and a zoom.
    static let fixedTransforms = [
        ResamplingTransform(a0: 0.9, a1: -0.3, a2: 0.7, b0: 0.25, b1: 1.1, b2: -0.6),
        .rotation(byRadians: 0.7, height: 4, width: 5),
        .zoom(vertical: 1.35, horizontal: 0.7, height: 4, width: 5),
    ]

    @Test(arguments: FillMode.allCases, Interpolation.allCases)
    func resamplingGradientsMatchFiniteDifferences(fillMode: FillMode, interpolation: Interpolation) throws {
        let x = try Self.randomImages(3, 4, 5, 2, seed: 8)
        try expectGradientsMatchFiniteDifferences(at: [x]) { inputs in
            try inputs[0].resampled(by: Self.fixedTransforms, interpolation: interpolation, fillMode: fillMode, fillValue: 0.5)
        }
    }

    @Test func layerEntriesPassGradientsBack() throws {
        let x = try Self.randomImages(2, 4, 5, 2, seed: 12)
        try expectGradientsMatchFiniteDifferences(at: [x]) {
            try RandomFlip().flipped($0[0], horizontally: [true, false], vertically: [true, true])
        }
        try expectGradientsMatchFiniteDifferences(at: [x]) {
            try RandomTranslation(heightFactor: 0, widthFactor: 0, fillMode: .wrap).translated($0[0], down: [0.3, -1.2], right: [2.5, 0])
        }
        try expectGradientsMatchFiniteDifferences(at: [x]) {
            try RandomRotation(factor: 0, fillMode: .reflect).rotated($0[0], byTurns: [0.1, -0.3])
        }
        try expectGradientsMatchFiniteDifferences(at: [x]) {
            try RandomZoom(heightFactor: 0, fillMode: .nearest, interpolation: .nearest).zoomed($0[0], heightFactors: [0.4, -0.3], widthFactors: [-0.2, 0.6])
        }
    }

    @Test func thePullbackIsTheAdjointOfTheForwardMap() throws {
        // ⟨A x, g⟩ = ⟨x, Aᵀ g⟩ for the linear part (fill value 0), on a larger batch split across cores.
        let x = try Self.randomImages(16, 9, 11, 3, seed: 1)
        let g = try Self.randomImages(16, 9, 11, 3, seed: 2)
        let transforms = (0..<16).map { ResamplingTransform.rotation(byRadians: 0.4 * Double($0), height: 9, width: 11) }
        for fillMode in FillMode.allCases {
            let (value, gradients) = try valueWithGradient(at: [x]) { inputs in
                try (inputs[0].resampled(by: transforms, fillMode: fillMode, fillValue: 0) * g).sum()
            }
            let adjoint = try (x * gradients[0]).sum()
            expectClose([try adjoint.scalar], [try value.scalar], absolute: 1e-3, relative: 1e-4, "\(fillMode)")
        }
    }
}
