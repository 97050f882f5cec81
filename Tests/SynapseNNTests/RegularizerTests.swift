import Foundation
import Synapse
import SynapseTestSupport
import Testing

@Suite struct RegularizerTests {
    @Test func penaltiesFollowKeras() throws {
        let w = try Tensor([[1.0, -2.0], [0.5, 0.0]])
        #expect(try Regularizer.l1(0.1).penalty(of: w).scalar == 0.1 * 3.5)
        #expect(try Regularizer.l2(0.01).penalty(of: w).scalar == 0.01 * 5.25)
        #expect(Swift.abs(try Regularizer.l1l2(l1: 0.1, l2: 0.01).penalty(of: w).scalar - (0.35 + 0.0525)) < 1e-6)
        try expectGradientsMatchFiniteDifferences(at: [try Tensor([[1.0, -2.0], [0.5, 3.0]])], step: 1e-3) {
            try Regularizer.l1l2(l1: 0.1, l2: 0.01).penalty(of: $0[0])
        }
        #expect(throws: ModelError.self) { try Regularizer.l2(-1).penalty(of: w) }
    }

    @Test func layersAddTheirPenaltiesToTheLoss() throws {
        let dense = Dense(3, kernelRegularizer: .l2(0.01), biasRegularizer: .l1(0.1), activityRegularizer: .l1(0.001))
        let model = Sequential(seed: 1) { Input(shape: [4]); dense }
        var generator = RandomGenerator(seed: 2)
        let x = try Tensor.randomNormal([5, 4], using: &generator)
        try dense.setWeights([try Tensor.randomNormal([4, 3], using: &generator), try Tensor([1.0, -1.0, 0.5])])
        let output = try model(x, training: true)
        let expected = try (dense.kernel!.value * dense.kernel!.value).sum().scalar * 0.01 + 0.1 * 2.5 + 0.001 * abs(output).sum().scalar
        #expect(Swift.abs(try model.regularizationLoss()!.scalar - expected) < 1e-4)
        _ = try model(x, training: false)
        #expect(dense.activityLoss == nil, "no activity penalty from an inference pass")
        #expect(try Sequential { Input(shape: [2]); Dense(1) }.regularizationLoss() == nil)
    }

    @Test func fitReportsTheRegularizationAndItShrinksTheWeights() throws {
        var generator = RandomGenerator(seed: 3)
        let x = try Tensor.randomNormal([64, 6], using: &generator)
        let y = try (x.sum(alongAxes: [1], keepingDimensions: true) .> Tensor(0.0))
        func trained(_ regularizer: Regularizer?) throws -> (Sequential, History) {
            let model = Sequential(seed: 4) { Input(shape: [6]); Dense(8, activation: .relu, kernelRegularizer: regularizer); Dense(1, activation: .sigmoid) }
            model.compile(optimizer: Adam(learningRate: 0.01), loss: .binaryCrossentropy())
            return (model, try model.fit(x, y, epochs: 20, batchSize: 16, verbose: 0, seed: 5))
        }
        let (plain, plainHistory) = try trained(nil)
        let (regularized, history) = try trained(.l2(0.05))
        #expect(plainHistory[.regularizationLoss].isEmpty)
        #expect(history[.regularizationLoss].count == 20 && history[.regularizationLoss].allSatisfy { $0 > 0 })
        #expect(zip(history[.loss], history[.regularizationLoss]).allSatisfy { $0 > $1 }, "the loss includes the penalty")
        func norm(_ model: Sequential) throws -> Float { try (model.layers[1].weights[0] * model.layers[1].weights[0]).sum().scalar }
        #expect(try norm(regularized) < norm(plain))
    }

    @Test func regularizersAreDescribedInJSON() throws {
        let json = #"{"layers": [{"type": "input", "shape": [4]}, {"type": "dense", "units": 2, "kernelRegularizer": {"l2": 0.01}, "activityRegularizer": {"l1": 0.1, "l2": 0.2}}, {"type": "conv1D", "filters": 1, "kernelSize": 1, "biasRegularizer": {"l1": 0.5}}]}"#
        let description = try ModelDescription.decoded(from: Data(#"{"layers": [{"type": "input", "shape": [4, 1]}, {"type": "conv1D", "filters": 1, "kernelSize": 1, "biasRegularizer": {"l1": 0.5}}]}"#.utf8), source: "m.json")
        let conv = try #require(try Sequential(description).layers[1] as? Conv1D)
        #expect(conv.biasRegularizer == .l1(0.5) && conv.kernelRegularizer == nil)
        let dense = try #require(try Sequential(ModelDescription.decoded(from: Data(json.replacingOccurrences(of: #", {"type": "conv1D", "filters": 1, "kernelSize": 1, "biasRegularizer": {"l1": 0.5}}"#, with: "").utf8), source: "m.json")).layers[1] as? Dense)
        #expect(dense.kernelRegularizer == .l2(0.01) && dense.activityRegularizer == .l1l2(l1: 0.1, l2: 0.2))
        let again = try Sequential(try ModelDescription.decoded(from: try Sequential { Input(shape: [4]); dense }.describedModel().encoded(), source: "again"))
        #expect((again.layers[1] as? Dense)?.activityRegularizer == .l1l2(l1: 0.1, l2: 0.2))
        let bad = #"{"layers": [{"type": "dense", "units": 2, "kernelRegularizer": {}}]}"#
        #expect(throws: ModelError.self) { try ModelDescription.decoded(from: Data(bad.utf8), source: "m.json") }
    }
}
