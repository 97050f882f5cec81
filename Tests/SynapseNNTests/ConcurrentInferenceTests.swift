import Dispatch
import Foundation
import Synapse
import SynapseTestSupport
import Testing

/// One trained model serving `predict` from several threads at once (`SharedPredictor`): each
/// thread's results equal the same calls made one after another. `scripts/sanitize.sh` runs this under
/// ThreadSanitizer.
@Suite struct ConcurrentInferenceTests {
    @Test func severalThreadsPredictWithOneModel() throws {
        var generator = RandomGenerator(seed: 8)
        let images = try Tensor.randomNormal([48, 8, 8, 1], using: &generator)
        let labels = try Tensor(shape: [48], scalars: (0..<48).map { Float($0 % 3) })
        let model = Sequential(name: "served", seed: 3) {
            Input(shape: [8, 8, 1])
            Conv2D(4, kernelSize: 3, activation: .relu, kernelRegularizer: .l2(1e-4))
            BatchNormalization()
            MaxPooling2D(poolSize: 2)
            Reshape([3, 12])
            LSTM(6, returnSequences: true, dropout: 0.1)
            GRU(5)
            Dropout(0.2)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy())
        try model.fit(images, labels, epochs: 2, batchSize: 16, verbose: 0)
        let batches = try (0..<8).map { try images.sliced([($0 * 6)..<($0 * 6 + 6)]) }
        let serial = try batches.map { try model.predict($0) }
        let predictor = try SharedPredictor(model)
        let results = ConcurrentResults(count: batches.count * 4)
        DispatchQueue.concurrentPerform(iterations: batches.count * 4) { call in
            results.set(call, Result { try predictor.predict(batches[call % batches.count]) })
        }
        for call in 0..<(batches.count * 4) {
            #expect(try results.get(call).get() == serial[call % batches.count], "call \(call)")
        }
        #expect(throws: ModelError.self) { try SharedPredictor(Sequential { Dense(2) }) }
    }
}

/// Results written by concurrent iterations, each to its own slot.
private final class ConcurrentResults: @unchecked Sendable {
    private var values: [Result<Tensor, any Error>?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<Tensor, any Error>) { lock.lock(); values[index] = value; lock.unlock() }
    func get(_ index: Int) -> Result<Tensor, any Error> { lock.lock(); defer { lock.unlock() }; return values[index]! }
}
