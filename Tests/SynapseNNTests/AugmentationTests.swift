import Synapse
import SynapseTestSupport
import Testing

/// The image augmentation layers (`RandomFlip`, `RandomTranslation`, `RandomRotation`,
/// `RandomZoom`) and `GaussianNoise`; the resampling they share is tested in
/// `AugmentationTests+Resampling.swift`, the noise in `AugmentationTests+Noise.swift`.
@Suite struct AugmentationTests {
    /// A batch of one single-channel image with `rows` ([1, height, width, 1]).
    static func image(_ rows: [[Float]]) -> Tensor {
        tensor(Shape([1, rows.count, rows[0].count, 1]), rows.flatMap { $0 })
    }

    /// The 4×4 image 1…16, row by row.
    static let counting = image([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]])

    /// A batch of `count` random images of `height × width × channels`.
    static func randomImages(_ count: Int, _ height: Int, _ width: Int, _ channels: Int, seed: UInt64 = 5) throws -> Tensor {
        var generator = RandomGenerator(seed: seed)
        return try Tensor.randomUniform([count, height, width, channels], using: &generator)
    }

    /// Expects `body` to throw a `ModelError` whose message contains every one of `parts`.
    static func expectModelError(
        mentioning parts: [String], sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) {
        let error = #expect(throws: ModelError.self, sourceLocation: sourceLocation) { try body() }
        let message = error.map { "\($0)" } ?? ""
        for part in parts where !message.contains(part) {
            Issue.record("the error \"\(message)\" does not mention \"\(part)\"", sourceLocation: sourceLocation)
        }
    }

    /// Every layer, with ranges wide enough to change any image.
    static func makeLayers() -> [any StochasticLayer] {
        [RandomFlip(), RandomTranslation(heightFactor: 0.3, widthFactor: 0.3), RandomRotation(factor: 0.4),
         RandomZoom(heightFactor: 0.5), GaussianNoise(stddev: 0.5)]
    }

    // MARK: - Inference

    @Test func everyLayerIsTheIdentityOutsideTraining() throws {
        let x = try Self.randomImages(3, 5, 6, 2)
        for layer in Self.makeLayers() {
            let output = try layer(x, training: false)
            #expect(output == x, "\(layer.name) changes its input outside training")
            let trained = try layer(x, training: true)
            #expect(trained != x, "\(layer.name) leaves its input unchanged in training")
        }
    }

    @Test func layersKeepTheShapeAndConform() throws {
        let fixed: [() -> any Layer] = [
            { RandomTranslation(heightFactor: FactorRange(0.25, 0.25), widthFactor: FactorRange(-0.2, -0.2)) },
            { RandomRotation(factor: FactorRange(0.1, 0.1), fillMode: .constant, fillValue: 0.5) },
            { RandomZoom(heightFactor: FactorRange(0.3, 0.3), widthFactor: FactorRange(-0.2, -0.2), fillMode: .wrap) },
            { RandomRotation(factor: FactorRange(-0.15, -0.15), fillMode: .nearest, interpolation: .nearest) },
        ]
        // Degenerate ranges make the draws fixed, so finite differences see one function.
        for makeLayer in fixed {
            try expectLayerConforms(makeLayer, inputShape: [4, 5, 2], expectedOutputShape: [4, 5, 2],
                                    expectedParameterCount: 0, wrongInputShape: [4, 5, 3])
        }
    }

    // MARK: - Exact outputs

    @Test func flipMirrorsTheChosenAxes() throws {
        let x = Self.image([[1, 2, 3], [4, 5, 6]])
        let layer = RandomFlip()
        expectClose(try layer.flipped(x, horizontally: [true], vertically: [false]), Self.image([[3, 2, 1], [6, 5, 4]]))
        expectClose(try layer.flipped(x, horizontally: [false], vertically: [true]), Self.image([[4, 5, 6], [1, 2, 3]]))
        expectClose(try layer.flipped(x, horizontally: [true], vertically: [true]), Self.image([[6, 5, 4], [3, 2, 1]]))
        expectClose(try layer.flipped(x, horizontally: [false], vertically: [false]), x)
    }

    @Test(arguments: [FlipMode.horizontal, .vertical, .horizontalAndVertical])
    func randomFlipDrawsEachEnabledAxisWithProbabilityOneHalf(mode: FlipMode) throws {
        let one = Self.image([[1, 2, 3], [4, 5, 6]])
        let batch = try Tensor.concatenating(Array(repeating: one, count: 64))
        let output = try RandomFlip(mode)(batch, training: true, seed: 11)
        let reference = RandomFlip()
        var seen = Set<[Bool]>(), flips = (horizontal: 0, vertical: 0)
        for i in 0..<64 {
            let sample = try output[i..<(i + 1)]
            let variant = try [(false, false), (true, false), (false, true), (true, true)].first {
                try reference.flipped(one, horizontally: [$0.0], vertically: [$0.1]) == sample
            }
            guard let variant else {
                Issue.record("sample \(i) is no flip of the input")
                return
            }
            seen.insert([variant.0, variant.1])
            flips.horizontal += variant.0 ? 1 : 0
            flips.vertical += variant.1 ? 1 : 0
        }
        // 64 draws of probability 1/2: 32 ± 4 expected, so 20…44 is three standard deviations.
        if mode.includesHorizontal { #expect((20...44).contains(flips.horizontal), "\(flips.horizontal) horizontal flips") }
        if mode.includesVertical { #expect((20...44).contains(flips.vertical), "\(flips.vertical) vertical flips") }
        let expected: Set<[Bool]> = switch mode {
        case .horizontal: [[false, false], [true, false]]
        case .vertical: [[false, false], [false, true]]
        case .horizontalAndVertical: [[false, false], [true, false], [false, true], [true, true]]
        }
        #expect(seen == expected)
    }

    @Test func aQuarterTurnIsTheTransposeFlippedUpsideDown() throws {
        for interpolation in Interpolation.allCases {
            let layer = RandomRotation(factor: 0.5, fillMode: .constant, interpolation: interpolation)
            let expected = Self.image([[4, 8, 12, 16], [3, 7, 11, 15], [2, 6, 10, 14], [1, 5, 9, 13]])
            let rotated = try layer.rotated(Self.counting, byTurns: [0.25])
            expectClose(rotated, expected, absolute: 1e-4, "counter-clockwise quarter turn, \(interpolation)")
            let transposed = try Self.counting.reshaped(to: [4, 4]).transposed().reshaped(to: [1, 4, 4, 1])
            expectClose(rotated, try RandomFlip().flipped(transposed, horizontally: [false], vertically: [true]), absolute: 1e-4)
            let clockwise = Self.image([[13, 9, 5, 1], [14, 10, 6, 2], [15, 11, 7, 3], [16, 12, 8, 4]])
            expectClose(try layer.rotated(Self.counting, byTurns: [-0.25]), clockwise, absolute: 1e-4, "clockwise, \(interpolation)")
            let halfTurn = try RandomFlip().flipped(Self.counting, horizontally: [true], vertically: [true])
            expectClose(try layer.rotated(Self.counting, byTurns: [0.5]), halfTurn, absolute: 1e-4, "half turn, \(interpolation)")
            expectClose(try layer.rotated(Self.counting, byTurns: [1]), Self.counting, absolute: 1e-4, "full turn, \(interpolation)")
        }
    }

    @Test func anEighthTurnAboutTheCentreMovesTheRingByOne() throws {
        // Output (x, y) reads (0.71x − 0.71y + 1, 0.71x + 0.71y − 0.41) about the centre (1, 1);
        // rounded to the nearest pixel, each border pixel takes its clockwise neighbour's value.
        let x = Self.image([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let layer = RandomRotation(factor: 0.5, fillMode: .constant, fillValue: -1, interpolation: .nearest)
        expectClose(try layer.rotated(x, byTurns: [0.125]), Self.image([[2, 3, 6], [1, 5, 9], [4, 7, 8]]))
    }

    @Test func translationByOnePixelShiftsAndFills() throws {
        let x = Self.image([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let constant = RandomTranslation(heightFactor: 0, widthFactor: 0, fillMode: .constant, fillValue: -1)
        expectClose(try constant.translated(x, down: [1], right: [0]), Self.image([[-1, -1, -1], [1, 2, 3], [4, 5, 6]]))
        expectClose(try constant.translated(x, down: [0], right: [1]), Self.image([[-1, 1, 2], [-1, 4, 5], [-1, 7, 8]]))
        expectClose(try constant.translated(x, down: [-1], right: [-1]), Self.image([[5, 6, -1], [8, 9, -1], [-1, -1, -1]]))
        let reflect = RandomTranslation(heightFactor: 0, widthFactor: 0)
        expectClose(try reflect.translated(x, down: [1], right: [0]), Self.image([[1, 2, 3], [1, 2, 3], [4, 5, 6]]))
        let wrap = RandomTranslation(heightFactor: 0, widthFactor: 0, fillMode: .wrap)
        expectClose(try wrap.translated(x, down: [0], right: [-1]), Self.image([[2, 3, 1], [5, 6, 4], [8, 9, 7]]))
    }

    @Test func translationFactorsAreFractionsOfTheSize() throws {
        // A fixed range of exactly a quarter of the height (4 rows → 1 row) and of the width.
        let layer = RandomTranslation(
            heightFactor: FactorRange(0.25, 0.25), widthFactor: FactorRange(-0.25, -0.25), fillMode: .constant)
        let expected = try layer.translated(Self.counting, down: [1], right: [-1])
        expectClose(try layer(Self.counting, training: true), expected)
        expectClose(expected, Self.image([[0, 0, 0, 0], [2, 3, 4, 0], [6, 7, 8, 0], [10, 11, 12, 0]]))
    }

    @Test func zoomFactorZeroIsTheIdentity() throws {
        let x = try Self.randomImages(2, 5, 7, 3)
        let layer = RandomZoom(heightFactor: FactorRange(0, 0))
        #expect(try layer.zoomed(x, heightFactors: [0, 0], widthFactors: [0, 0]) == x)
        #expect(try layer(x, training: true) == x)
    }

    @Test func positiveZoomFactorsZoomOutAndNegativeOnesZoomIn() throws {
        let row = Self.image([[1, 2, 3, 4, 5]])
        let layer = RandomZoom(heightFactor: 1, widthFactor: 1, fillMode: .constant)
        // Zoom 1 + 1 = 2: output x reads 2·(x − 2) + 2, the whole row at half size.
        expectClose(try layer.zoomed(row, heightFactors: [0], widthFactors: [1]), Self.image([[0, 1, 3, 5, 0]]))
        // Zoom 1 − 0.5: output x reads 0.5·(x − 2) + 2, the middle at double size.
        expectClose(try layer.zoomed(row, heightFactors: [0], widthFactors: [-0.5]), Self.image([[2, 2.5, 3, 3.5, 4]]))
        let column = Self.image([[1], [2], [3], [4], [5]])
        expectClose(try layer.zoomed(column, heightFactors: [1], widthFactors: [0]), Self.image([[0], [1], [3], [5], [0]]))
    }

    @Test func zoomWithoutAWidthFactorKeepsTheAspectRatio() throws {
        // A symmetric image zoomed equally on both axes stays symmetric; with a width factor
        // drawn on its own, it does not.
        let symmetric = Self.image((0..<6).map { i in (0..<6).map { j in Float(i * j) } })
        let sameAxes = try RandomZoom(heightFactor: FactorRange(0.3, 0.6), fillMode: .constant)(symmetric, training: true, seed: 4)
        let ownAxes = try RandomZoom(heightFactor: FactorRange(0.3, 0.6), widthFactor: FactorRange(0.3, 0.6), fillMode: .constant)(
            symmetric, training: true, seed: 4)
        let same = try sameAxes.reshaped(to: [6, 6]), own = try ownAxes.reshaped(to: [6, 6])
        expectClose(same, same.transposed(), absolute: 1e-4)
        #expect(try same != symmetric.reshaped(to: [6, 6]))
        #expect(own != own.transposed())
    }

    // MARK: - Determinism

    @Test func theSameSeedGivesTheSameAugmentations() throws {
        let x = try Self.randomImages(4, 6, 5, 2)
        for (first, second, other) in zip(Self.makeLayers(), zip(Self.makeLayers(), Self.makeLayers())).map({ ($0, $1.0, $1.1) }) {
            let a = try first(x, training: true, seed: 21), b = try second(x, training: true, seed: 21)
            let c = try other(x, training: true, seed: 22)
            #expect(a == b, "\(first.name): the same seed gives the same output")
            #expect(a != c, "\(first.name): another seed gives another output")
            #expect(try first(x, training: true) != a, "\(first.name): each pass draws afresh")
        }
    }

    @Test func aModelsSeedDeterminesItsAugmentations() throws {
        let x = try Self.randomImages(3, 6, 6, 1)
        func model(seed: UInt64) -> Sequential {
            Sequential(seed: seed) {
                RandomFlip()
                RandomRotation(factor: 0.2)
                RandomZoom(heightFactor: 0.2)
                RandomTranslation(heightFactor: 0.2, widthFactor: 0.2)
                GaussianNoise(stddev: 0.1)
            }
        }
        let (a, b, c) = (model(seed: 3), model(seed: 3), model(seed: 4))
        let outputA = try a(x, training: true), outputB = try b(x, training: true), outputC = try c(x, training: true)
        #expect(outputA == outputB)
        #expect(outputA != outputC)
        #expect(try a(x) == x, "inference leaves the images alone")
    }

    @Test func restoringTheGeneratorRepeatsTheDraws() throws {
        let x = try Self.randomImages(2, 5, 5, 1)
        for layer in Self.makeLayers() {
            _ = try layer(x, training: true, seed: 9)
            let saved = layer.generator
            let first = try layer(x, training: true)
            #expect(layer.generator != saved, "\(layer.name): a pass advances the generator")
            layer.generator = saved
            #expect(try layer(x, training: true) == first, "\(layer.name): the restored generator repeats the pass")
        }
    }

    // MARK: - Errors

    @Test func factorsOutsideKerasRangeAreRefusedNamingTheLayer() throws {
        let x = try Self.randomImages(1, 4, 4, 1)
        Self.expectModelError(mentioning: ["RandomRotation 'spin'", "factor", "[-1, 1]", "1.5"]) {
            _ = try RandomRotation(factor: 1.5, name: "spin")(x)
        }
        Self.expectModelError(mentioning: ["RandomZoom 'zoom'", "heightFactor", "-2"]) {
            _ = try RandomZoom(heightFactor: FactorRange(-2, 0), name: "zoom")(x)
        }
        Self.expectModelError(mentioning: ["RandomZoom", "widthFactor"]) {
            _ = try RandomZoom(heightFactor: 0.1, widthFactor: FactorRange(0.5...1.5))(x)
        }
        Self.expectModelError(mentioning: ["RandomTranslation 'shift'", "widthFactor", "nan"]) {
            _ = try RandomTranslation(heightFactor: 0.1, widthFactor: FactorRange(.nan), name: "shift")(x)
        }
        Self.expectModelError(mentioning: ["RandomTranslation", "fillValue", "inf"]) {
            _ = try RandomTranslation(heightFactor: 0.1, widthFactor: 0.1, fillMode: .constant, fillValue: .infinity)(x)
        }
        Self.expectModelError(mentioning: ["GaussianNoise 'noise'", "stddev", "-0.5"]) {
            _ = try GaussianNoise(stddev: -0.5, name: "noise")(x)
        }
    }

    @Test func nonImageSamplesAreRefusedNamingTheLayer() throws {
        let flat = try Tensor.zeros([2, 16])
        for layer in Self.makeLayers() where !(layer is GaussianNoise) {
            Self.expectModelError(mentioning: [layer.name, "[height, width, channels]", "[16]"]) { _ = try layer(flat) }
            Self.expectModelError(mentioning: [layer.name, "[height, width, channels]"]) {
                _ = try layer.outputShape(forInputShape: [4, 4])
            }
        }
        // GaussianNoise takes any shape.
        let noise = GaussianNoise(stddev: 0.1)
        let noisy = try noise(flat, training: true)
        #expect(noisy.shape == flat.shape)
    }

    @Test func deterministicEntriesCheckTheirArguments() throws {
        let x = try Self.randomImages(2, 4, 4, 1)
        Self.expectModelError(mentioning: ["RandomRotation", "turns", "one value per image (2)", "1 values"]) {
            _ = try RandomRotation(factor: 0.1).rotated(x, byTurns: [0.25])
        }
        Self.expectModelError(mentioning: ["RandomRotation", "turns", "finite"]) {
            _ = try RandomRotation(factor: 0.1).rotated(x, byTurns: [0.25, .infinity])
        }
        Self.expectModelError(mentioning: ["random_flip", "[batch, height, width, channels]", "[4, 4]"]) {
            _ = try RandomFlip().flipped(try Tensor.zeros([4, 4]), horizontally: [true], vertically: [true])
        }
        Self.expectModelError(mentioning: ["RandomFlip", "vertically"]) {
            _ = try RandomFlip().flipped(x, horizontally: [true, false], vertically: [true])
        }
        Self.expectModelError(mentioning: ["RandomTranslation", "columns"]) {
            _ = try RandomTranslation(heightFactor: 0, widthFactor: 0).translated(x, down: [0, 0], right: [.nan, 1])
        }
        Self.expectModelError(mentioning: ["RandomZoom", "widthFactors"]) {
            _ = try RandomZoom(heightFactor: 0).zoomed(x, heightFactors: [0, 0], widthFactors: [])
        }
    }
}
