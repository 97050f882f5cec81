import Foundation
import Synapse

/// The seeds' character-level language model: a 2-layer LSTM learns to predict the next
/// character of Tiny Shakespeare, then writes new text one character at a time.
///
/// Data: the 1,115,394 characters (65 distinct), the first 90 % for training and the last 10 %
/// for validation, cut into windows of 100 characters whose targets are the same windows one
/// character later. Model: Embedding 65 → 64, LSTM 256, LSTM 256 (both returning sequences),
/// Dense 65 logits; sparse categorical cross-entropy from logits (nats per character),
/// Adam 2e-3 with the gradients' global norm clipped to 5, batch 64, as many epochs as fit in
/// `minutes`, stopping early (with the best epoch's weights) once the validation loss has not
/// improved for 4 epochs. Each epoch logs the validation loss and perplexity (e^loss). Then 400 characters
/// are sampled at `temperature` from "ROMEO:", carrying the LSTMs' states from character to
/// character. Target: validation loss below `targetLoss` nats per character.
public func characterLanguageModel(
    dataDirectory: URL? = nil, minutes: Double = 15, targetLoss: Double = 1.6, temperature: Float = 0.8, seed: UInt64 = 42,
    verbose: Verbosity = 0, log: (String) -> Void = { print($0) }
) throws -> SeedReport {
    let corpus = try TinyShakespeare.load(from: dataDirectory)
    let vocabulary = Vocabulary.characters(of: corpus.text)
    let ids = try vocabulary.encode(corpus.text)
    let cut = ids.count * 9 / 10
    let (x, y) = try nextTokenWindows(Array(ids[..<cut]), length: 100, stride: 100)
    let (xValidation, yValidation) = try nextTokenWindows(Array(ids[cut...]), length: 100, stride: 100)
    log("Tiny Shakespeare: \(ids.count) characters, \(vocabulary.count) distinct; \(x.shape[0]) training and \(xValidation.shape[0]) validation windows of 100")

    let embedding = Embedding(inputDimension: vocabulary.count, outputDimension: 64)
    let lower = LSTM(256, returnSequences: true), upper = LSTM(256, returnSequences: true, name: "lstm_1")
    let head = Dense(vocabulary.count, name: "logits")
    let model = Sequential(name: "char_lstm", seed: seed) {
        Input(shape: [100])
        embedding
        lower
        upper
        head
    }
    log(model.summary())
    model.compile(optimizer: Adam(learningRate: 2e-3, globalClipNorm: 5), loss: .sparseCategoricalCrossentropy(fromLogits: true))
    let budget = TimeBudget(seconds: minutes * 60)
    let history = try withoutActuallyEscaping(log) { log in
        let progress = EpochLog { epoch, logs in
            let loss = Double(logs[.validationLoss] ?? .nan)
            log(String(format: "epoch %d: training %.3f, validation %.3f nats/char (perplexity %.2f), %.0f s", epoch + 1,
                       Double(logs[.loss] ?? .nan), loss, exp(loss), budget.elapsedSeconds))
        }
        // Stops once the validation loss has not improved for 4 epochs (it overfits from about
        // epoch 17) and keeps the best epoch's weights, for the samples too.
        let stopping = EarlyStopping(monitor: .validationLoss, patience: 4, restoreBestWeights: true)
        return try model.fit(x, y, epochs: 1000, batchSize: 64, validationData: (xValidation, yValidation),
                             callbacks: [budget, stopping, progress], verbose: verbose, seed: seed)
    }
    let best = history[.validationLoss].min().map(Double.init) ?? .nan

    var generator = RandomGenerator(seed: seed)
    let sample = try sampleText(from: "ROMEO:", count: 400, temperature: temperature, vocabulary: vocabulary,
                                layers: (embedding, [lower, upper], head), using: &generator)
    log("Sampled at temperature \(temperature):\n\(sample)")
    return SeedReport(
        name: "charlm",
        figures: [("epochs", Double(history.epochs.count)), ("training_seconds", budget.elapsedSeconds),
                  ("validation_loss_nats_per_char", best), ("validation_perplexity", exp(best)),
                  ("parameters", Double(model.parameterCount))],
        target: String(format: "validation loss < %.2f nats/char within %.0f minutes", targetLoss, minutes), metTarget: best < targetLoss)
}

/// `count` characters drawn one at a time after `prompt`: each step feeds one character through
/// the embedding and the LSTMs, whose states (`callWithStates`) carry everything read so far,
/// and draws the next character from softmax(logits / temperature).
func sampleText(
    from prompt: String, count: Int, temperature: Float, vocabulary: Vocabulary,
    layers: (embedding: Embedding, recurrent: [RecurrentLayer], head: Dense), using generator: inout RandomGenerator
) throws -> String {
    var states: [[Tensor]] = layers.recurrent.map { _ in [] }
    var logits = try Tensor.zeros([1, vocabulary.count])
    // The layers were built for windows of 100 steps; `forward` runs them on one step.
    func read(_ id: Int) throws {
        var hidden = try layers.embedding.forward(try Tensor(shape: [1, 1], scalars: [Float(id)]), training: false)
        for (index, layer) in layers.recurrent.enumerated() {
            let step = try layer.callWithStates(hidden, initialStates: states[index])
            (hidden, states[index]) = (step.output, step.states)
        }
        logits = try layers.head.forward(hidden, training: false).reshaped(to: [1, vocabulary.count])
    }
    for id in try vocabulary.encode(prompt) { try read(id) }
    var text = prompt
    for _ in 0..<count {
        let probabilities = try (logits / temperature).softmax().scalars
        var draw = Float.random(in: 0..<1, using: &generator), next = probabilities.count - 1
        for (id, p) in probabilities.enumerated() {
            draw -= p
            if draw < 0 { next = id; break }
        }
        text += try vocabulary.token(at: next)
        try read(next)
    }
    return text
}

/// Hands each epoch's figures to a closure.
final class EpochLog: Callback {
    private let body: (Int, [MetricKey: Float]) -> Void
    init(_ body: @escaping (Int, [MetricKey: Float]) -> Void) { self.body = body }
    func epochDidEnd(_ epoch: Int, logs: [MetricKey: Float], context: TrainingContext) throws { body(epoch, logs) }
}
