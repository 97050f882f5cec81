import Synapse
import SynapseTestSupport
import Testing

/// The learning-rate schedules against Keras's formulas, computed by hand at chosen steps.
@Suite struct LearningRateScheduleTests {
    private func expectRates(_ schedule: some LearningRateSchedule, _ expected: [(Int, Float)], sourceLocation: SourceLocation = #_sourceLocation) {
        for (step, rate) in expected {
            let got = schedule.learningRate(atStep: step)
            #expect(Swift.abs(got - rate) <= 1e-6 + 1e-5 * Swift.abs(rate), "step \(step): \(got), expected \(rate)", sourceLocation: sourceLocation)
        }
    }

    @Test func piecewiseConstant() throws {
        let schedule = try PiecewiseConstantDecay(boundaries: [10, 20], values: [1, 0.5, 0.1])
        expectRates(schedule, [(0, 1), (10, 1), (11, 0.5), (20, 0.5), (21, 0.1), (1000, 0.1)])
        #expect(throws: ModelError.self) { try PiecewiseConstantDecay(boundaries: [10], values: [1]) }
        #expect(throws: ModelError.self) { try PiecewiseConstantDecay(boundaries: [20, 10], values: [1, 2, 3]) }
    }

    @Test func inverseTime() throws {
        expectRates(try InverseTimeDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5),
                    [(0, 0.1), (10, 0.1 / 1.5), (15, 0.1 / 1.75)])
        expectRates(try InverseTimeDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true), [(15, 0.1 / 1.5)])
    }

    @Test func polynomial() throws {
        expectRates(try PolynomialDecay(initialLearningRate: 1, decaySteps: 10, endLearningRate: 0.1),
                    [(0, 1), (5, 0.55), (10, 0.1), (20, 0.1)])
        expectRates(try PolynomialDecay(initialLearningRate: 1, decaySteps: 10, endLearningRate: 0, power: 2), [(5, 0.25)])
        // Cycling: at step 15 the span is 20, so (1 − 15/20) · 0.9 + 0.1.
        expectRates(try PolynomialDecay(initialLearningRate: 1, decaySteps: 10, endLearningRate: 0.1, cycle: true), [(15, 0.325), (0, 1)])
    }

    @Test func cosineWithAndWithoutWarmUp() throws {
        expectRates(try CosineDecay(initialLearningRate: 1, decaySteps: 10, alpha: 0.1), [(0, 1), (5, 0.55), (10, 0.1), (30, 0.1)])
        let warm = try CosineDecay(initialLearningRate: 0, decaySteps: 10, warmupTarget: 2, warmupSteps: 4)
        expectRates(warm, [(0, 0), (2, 1), (4, 2), (9, 1), (14, 0)])
        #expect(throws: ModelError.self) { try CosineDecay(initialLearningRate: 1, decaySteps: 10, alpha: 2) }
    }

    @Test func cosineWithRestarts() throws {
        // tMul 2: periods of 10, 20, 40 steps; mMul 0.5 halves each peak.
        let schedule = try CosineDecayRestarts(initialLearningRate: 1, firstDecaySteps: 10, tMul: 2, mMul: 0.5)
        expectRates(schedule, [(0, 1), (5, 0.5), (10, 0.5), (20, 0.25), (30, 0.25), (70, 0.125)])
        expectRates(try CosineDecayRestarts(initialLearningRate: 1, firstDecaySteps: 10, tMul: 1), [(10, 1), (15, 0.5), (20, 1)])
    }

    @Test func optimizersFollowTheirSchedule() throws {
        let optimizer = SGD(learningRate: try PiecewiseConstantDecay(boundaries: [0], values: [1, 0.5]))
        let parameter = Parameter(try Tensor([1.0]), name: "w")
        try optimizer.apply([try Tensor([1.0])], to: [parameter])
        try optimizer.apply([try Tensor([1.0])], to: [parameter])
        #expect(parameter.value.scalars == [-0.5], "a step of 1, then one of 0.5")
    }
}
