import Foundation
import Synapse
import SynapseTestSupport
import Testing

@Suite struct ActivationTests {
    @Test func valuesMatchDefinitions() throws {
        let values: [Float] = [-4, -1, 0, 0.5, 3]
        let x = try Tensor(values)
        expectClose(tanh(x).scalars, values.map { Foundation.tanh($0) })
        expectClose(sigmoid(x).scalars, values.map { 1 / (1 + Foundation.exp(-$0)) })
        #expect(relu(x).scalars == [0, 0, 0, 0.5, 3])
        #expect(leakyRelu(x, alpha: 0.2).scalars == [-0.8, -0.2, 0, 0.5, 3])
        #expect(leakyRelu(try Tensor([Float.nan]), alpha: 0.2).scalars[0].isNaN)
        expectClose(softplus(x).scalars, values.map { Foundation.log(1 + Foundation.exp($0)) })
    }

    @Test func stableAtExtremeInputs() throws {
        let x = try Tensor([-1e4, -100, 100, 1e4])
        #expect(sigmoid(x).scalars == [0, 0, 1, 1])
        #expect(tanh(x).scalars == [-1, -1, 1, 1])
        let softplusValues = softplus(x).scalars
        #expect(softplusValues.allSatisfy { $0.isFinite })
        #expect(softplusValues[0] == 0 && softplusValues[3] == 1e4)
        expectClose(softplus(try Tensor([-20.0])).scalars, [Float(Foundation.log1p(Foundation.exp(-20.0)))], relative: 1e-5)
    }

    @Test func gradientsMatchFiniteDifferences() throws {
        var rng = RandomGenerator(seed: 31)
        let x = try Tensor.randomNormal([4, 5], using: &rng)
        try expectGradientsMatchFiniteDifferences(at: [x]) { tanh($0[0]) }
        try expectGradientsMatchFiniteDifferences(at: [x]) { sigmoid($0[0]) }
        try expectGradientsMatchFiniteDifferences(at: [x]) { softplus($0[0]) }
        let awayFromZero = try Tensor([[-1.3, -0.2, 0.3], [0.8, -2.0, 1.1]])
        try expectGradientsMatchFiniteDifferences(at: [awayFromZero]) { relu($0[0]) }
        try expectGradientsMatchFiniteDifferences(at: [awayFromZero]) { leakyRelu($0[0], alpha: 0.2) }
        // The same values and gradients as the select it replaces, bit for bit.
        let (fused, fusedGradient) = try valueWithGradient(at: x) { try (leakyRelu($0, alpha: 0.3) * x).sum() }
        let (selected, selectedGradient) = try valueWithGradient(at: x) { try (select(where: $0 .> 0, $0, otherwise: 0.3 * $0) * x).sum() }
        #expect(fused.scalars == selected.scalars && fusedGradient.scalars == selectedGradient.scalars)
    }
}
