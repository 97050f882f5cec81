import Synapse

extension TrainSizes.Training {
    /// The compiled Synapse model of this run (see `Architecture`); Adam 1e-3 on sparse
    /// categorical cross-entropy from logits, as every peer compiles it. Weights are drawn from `seed`.
    func makeModel(seed: UInt64) -> Sequential {
        let model = Sequential(seed: seed) {
            Input(shape: sampleShape)
            switch architecture {
            case .perceptron(_, let hiddenUnits):
                for units in hiddenUnits { Dense(units, activation: .relu) }
            case .seedCNN:
                Conv2D(32, kernelSize: 3, activation: .relu)
                MaxPooling2D(poolSize: 2)
                Conv2D(64, kernelSize: 3, activation: .relu)
                MaxPooling2D(poolSize: 2)
                Conv2D(64, kernelSize: 3, activation: .relu)
                Flatten()
                Dense(64, activation: .relu)
            case .characterLSTM(_, let embedding, let units):
                Embedding(inputDimension: classes, outputDimension: embedding)
                LSTM(units, returnSequences: true)
            }
            Dense(classes)
        }
        model.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        return model
    }

    /// Multiply–add FLOPs of one forward pass per sample, as the peers' `common.FWD_FLOPS`
    /// counts them (bias, activations and pooling left out); training counts as 3×.
    var forwardFlopsPerSample: Int {
        switch architecture {
        case .perceptron(let inputWidth, let hiddenUnits):
            let widths = [inputWidth] + hiddenUnits + [classes]
            return zip(widths, widths.dropFirst()).reduce(0) { $0 + 2 * $1.0 * $1.1 }
        case .seedCNN(let side):
            // Valid 3×3 convolutions and 2×2 pools: side → side−2 (pool) → … → 3 for 28.
            let first = side - 2, second = first / 2 - 2, third = second / 2 - 2
            return 2 * first * first * 32 * 9 + 2 * second * second * 64 * 32 * 9 + 2 * third * third * 64 * 64 * 9
                + 2 * third * third * 64 * 64 + 2 * 64 * classes
        case .characterLSTM(let steps, let embedding, let units):
            // Per step: the input and recurrent products of the four gates, then the logits.
            return steps * (2 * embedding * 4 * units + 2 * units * 4 * units + 2 * units * classes)
        }
    }

    /// `count` random samples for this model: standard normal features of shape
    /// `[count] + sampleShape`, and labels drawn uniformly from `0..<classes` (as whole-number
    /// floats), from a generator seeded with `seed`. Throughput does not depend on the values.
    ///
    /// - Throws: `TensorError` for a count below 1.
    func makeData(count: Int, seed: UInt64) throws -> (x: Tensor, y: Tensor) {
        var generator = RandomGenerator(seed: seed)
        if case .characterLSTM(let steps, _, _) = architecture {
            // Random ids, and as labels the next id at every step.
            let ids = (0..<(count * (steps + 1))).map { _ in Float(Int.random(in: 0..<classes, using: &generator)) }
            let rows = (0..<count).map { Array(ids[($0 * (steps + 1))..<(($0 + 1) * (steps + 1))]) }
            return (try Tensor(shape: [count, steps], scalars: rows.flatMap { $0.dropLast() }),
                    try Tensor(shape: [count, steps], scalars: rows.flatMap { $0.dropFirst() }))
        }
        let x = try Tensor.randomNormal(Shape([count] + sampleShape.dimensions), using: &generator)
        let labels = (0..<count).map { _ in Float(Int.random(in: 0..<classes, using: &generator)) }
        return (x, try Tensor(shape: [count], scalars: labels))
    }
}
