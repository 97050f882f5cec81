import Synapse
import SynapseTestSupport
import Testing

extension OptimizerTests {
    /// Per-parameter state, frozen parameters, in-place updates and determinism, for every
    /// optimizer.
    @Suite struct State {
        static let optimizers: [@Sendable () -> any Optimizer] = [
            { SGD(learningRate: 0.1, momentum: 0.9) }, { RMSprop(learningRate: 0.01, momentum: 0.5, centered: true) },
            { Adam(learningRate: 0.01, amsgrad: true) }, { AdamW(learningRate: 0.01) }, { Adagrad(learningRate: 0.1) },
        ]
        static let a: [[Float]] = [[0.5, -1], [0.2, 0.3], [-0.7, 0.1]]
        static let b: [[Float]] = [[2, 0, -3], [-1, 1, 0.5], [0.25, -2, 1]]

        @Test(arguments: optimizers)
        func aLargeParameterSplitAcrossCoresUpdatesAsItsPiecesWould(make: @Sendable () -> any Optimizer) throws {
            // 100,003 elements, enough to be split across the cores, and the same values as four
            // parameters too small to be: after three steps every element is bit for bit the same.
            var random = RandomGenerator(seed: 11)
            let count = 100_003, pieces = [0..<30_000, 30_000..<60_000, 60_000..<90_000, 90_000..<count]
            let initial = try Tensor.randomNormal([count], using: &random)
            let whole = Parameter(initial, name: "whole")
            let parts = try pieces.map { Parameter(try initial[$0], name: "part") }
            let (wholeOptimizer, partsOptimizer) = (make(), make())
            for _ in 0..<3 {
                let gradient = try Tensor.randomNormal([count], using: &random)
                try wholeOptimizer.apply([gradient], to: [whole])
                try partsOptimizer.apply(try pieces.map { try gradient[$0] }, to: parts)
            }
            #expect(whole.value.scalars == parts.flatMap(\.value.scalars), "\(wholeOptimizer.name)")
            #expect(whole.value.scalars != initial.scalars)
        }

        @Test(arguments: optimizers)
        func frozenParametersAreUntouchedAndGetNoState(make: @Sendable () -> any Optimizer) throws {
            let optimizer = make()
            let frozen = Parameter(tensor([2], [1, 2]), name: "frozen", isTrainable: false)
            let trained = Parameter(tensor([2], [1, 2]), name: "trained")
            try optimizer.apply([tensor([2], [1, 1]), tensor([2], [1, 1])], to: [frozen, trained])
            try optimizer.apply([tensor([2], [1, 1]), tensor([2], [1, 1])], to: [frozen, trained])
            #expect(frozen.value.scalars == [1, 2])
            #expect(trained.value.scalars != [1, 2])
            // Unfrozen, it starts from fresh state: the same update as a parameter seen for the
            // first time at step 3.
            frozen.isTrainable = true
            let newcomer = Parameter(tensor([2], [1, 2]), name: "newcomer")
            try optimizer.apply([tensor([2], [1, 1]), tensor([2], [1, 1]), tensor([2], [1, 1])], to: [frozen, trained, newcomer])
            #expect(frozen.value == newcomer.value, "\(optimizer.name)")
        }

        @Test(arguments: optimizers)
        func stateIsPerParameter(make: @Sendable () -> any Optimizer) throws {
            // One optimizer over [a, b] does what one optimizer per parameter does.
            let together = make(), alone = (make(), make())
            let (a1, b1) = (Parameter(tensor([2], [1, -1]), name: "a"), Parameter(tensor([3], [0, 1, 2]), name: "b"))
            let (a2, b2) = (Parameter(tensor([2], [1, -1]), name: "a"), Parameter(tensor([3], [0, 1, 2]), name: "b"))
            for (ga, gb) in zip(Self.a, Self.b) {
                try together.apply([tensor([2], ga), tensor([3], gb)], to: [a1, b1])
                try alone.0.apply([tensor([2], ga)], to: [a2])
                try alone.1.apply([tensor([3], gb)], to: [b2])
            }
            #expect(a1.value == a2.value && b1.value == b2.value, "\(together.name)")
        }

        @Test(arguments: optimizers)
        func twoOptimizersDoNotInterfere(make: @Sendable () -> any Optimizer) throws {
            // Interleaved steps of two optimizers on two parameter sets (a GAN's two players)
            // give what each gives alone.
            let (first, second, reference) = (make(), make(), make())
            let (a1, b1, a2) = (Parameter(tensor([2], [1, -1]), name: "a"), Parameter(tensor([3], [0, 1, 2]), name: "b"),
                                Parameter(tensor([2], [1, -1]), name: "a"))
            for (ga, gb) in zip(Self.a, Self.b) {
                try first.apply([tensor([2], ga)], to: [a1])
                try second.apply([tensor([3], gb)], to: [b1])
                try reference.apply([tensor([2], ga)], to: [a2])
            }
            #expect(a1.value == a2.value, "\(first.name)")
            #expect(first.iterations == 3 && second.iterations == 3)
        }

        @Test(arguments: optimizers)
        func resultsAreBitIdenticalAcrossRuns(make: @Sendable () -> any Optimizer) throws {
            func run() throws -> [Float] {
                let (optimizer, w) = (make(), Parameter(tensor([3], [0.3, -0.7, 1.1]), name: "w"))
                for gradient in Self.b { try optimizer.apply([tensor([3], gradient)], to: [w]) }
                return w.value.scalars
            }
            #expect(try run().map(\.bitPattern) == run().map(\.bitPattern))
        }

        @Test(arguments: optimizers)
        func updatesInPlaceWithoutCopying(make: @Sendable () -> any Optimizer) throws {
            let optimizer = make()
            let w = Parameter(tensor([2, 3], [1, 2, 3, 4, 5, 6]), name: "w")
            let target = tensor([2, 3], [0, 0, 0, 0, 0, 0])
            let address = w.value.withUnsafeBufferPointer { $0.baseAddress }
            for _ in 0..<3 {
                let (_, gradients) = try valueWithGradient(of: [w]) { squared(try w.value - target).sum() }
                try optimizer.apply(gradients, to: [w])
            }
            #expect(w.value.withUnsafeBufferPointer { $0.baseAddress } == address, "\(optimizer.name) copied the parameter")
        }

        @Test(arguments: optimizers)
        func aCopyOfTheValueKeepsItsElements(make: @Sendable () -> any Optimizer) throws {
            // Copy-on-write: a tensor that shares the parameter's storage is not changed by a step.
            let optimizer = make()
            let w = Parameter(tensor([2], [1, 2]), name: "w")
            let before = w.value
            try optimizer.apply([tensor([2], [1, 1])], to: [w])
            #expect(before.scalars == [1, 2] && w.value.scalars != [1, 2])
        }

        @Test func permutedGradientsAreReadInRowMajorOrder() throws {
            let w = Parameter(tensor([2, 3], [0, 0, 0, 0, 0, 0]), name: "w")
            let gradient = tensor([3, 2], [1, 4, 2, 5, 3, 6]).transposed()   // [[1, 2, 3], [4, 5, 6]]
            try SGD(learningRate: 1).apply([gradient], to: [w])
            #expect(w.value.scalars == [-1, -2, -3, -4, -5, -6])
        }

        @Test func anEmptyStepIsNoStep() throws {
            let optimizer = Adam()
            try optimizer.apply([], to: [])
            #expect(optimizer.iterations == 0)
        }

        @Test func scalarAndEmptyParameters() throws {
            let (scalar, empty) = (Parameter(tensor([], [3]), name: "s"), Parameter(tensor([0, 4], []), name: "e"))
            try SGD(learningRate: 0.5).apply([tensor([], [2]), tensor([0, 4], [])], to: [scalar, empty])
            #expect(scalar.value.scalars == [2] && empty.value.shape == [0, 4])
        }
    }
}
