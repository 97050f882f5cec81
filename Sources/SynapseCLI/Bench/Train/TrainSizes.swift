import Synapse

/// The sizes of every workload of `synapse bench train`: the peers' definitions in
/// `common.py` (`W1`, `W2`, `W3`, `W4`, `W5`), or their `--quick` versions for smoke tests.
struct TrainSizes {
    /// One training run: a model of `architecture` on random samples, sparse categorical
    /// cross-entropy from logits, Adam 1e-3.
    struct Training {
        /// The model trained: the peers' MLPs or their seed CNN.
        enum Architecture {
            /// `Input([width])`, a relu `Dense` per hidden width, linear logits.
            case perceptron(inputWidth: Int, hiddenUnits: [Int])
            /// The seed CNN on `side`×`side`×1 images: Conv2D 32 3×3 relu → MaxPooling2D 2 →
            /// Conv2D 64 3×3 relu → MaxPooling2D 2 → Conv2D 64 3×3 relu → Flatten → Dense 64
            /// relu → linear logits.
            case seedCNN(side: Int)
            /// A next-token model on sequences of `steps` ids from a vocabulary of `classes`:
            /// Embedding → `embedding`, LSTM `units` returning sequences, linear logits per step.
            case characterLSTM(steps: Int, embedding: Int, units: Int)
        }

        /// Training samples (`n`).
        let samples: Int
        /// The model.
        let architecture: Architecture
        /// Output classes (logits).
        let classes: Int
        /// Samples per optimisation step.
        let batchSize: Int
        /// Timed epochs.
        let epochs: Int

        /// The shape of one sample.
        var sampleShape: Shape {
            switch architecture {
            case .perceptron(let inputWidth, _): return [inputWidth]
            case .seedCNN(let side): return [side, side, 1]
            case .characterLSTM(let steps, _, _): return [steps]
            }
        }

        /// Batches per epoch, the last one possibly short: `⌈samples / batchSize⌉`.
        var stepsPerEpoch: Int { (samples + batchSize - 1) / batchSize }

        /// The warm-up subset of `common.tail_warmup_n`: 4 full batches plus the ragged last
        /// batch of an epoch, so the warm-up sees every batch shape the timed epochs use.
        var warmUpSamples: Int { 4 * batchSize + samples % batchSize }
    }

    /// W1: the seed digit MLP.
    let w1: Training
    /// W2: the MNIST MLP.
    let w2: Training
    /// W3: the seed CNN.
    let w3: Training
    /// W6: the character LSTM.
    let w6: Training
    /// W4: timed single-sample calls per measurement.
    let latencyCalls: Int
    /// W4: untimed calls before them.
    let latencyWarmUpCalls: Int
    /// W5: samples passed through the W2 model per repetition.
    let inferenceSamples: Int
    /// W5: samples per forward pass.
    let inferenceBatchSize: Int
    /// W5: timed repetitions (after one untimed one).
    let inferenceRepetitions: Int
    /// seed-digits: the W1 model trained on `samples` rows for 40 epochs.
    let seedDigits: Training
    /// seed-digits: rows held out and evaluated after each epoch (10 % of all rows).
    let seedDigitsValidationSamples: Int

    /// The peers' sizes, or with `quick` their `--quick` ones (and a shrunk seed-digits run).
    init(quick: Bool) {
        let digits = (inputWidth: 400, hiddenUnits: [25, 15], classes: 10)
        let mnist = (inputWidth: 784, hiddenUnits: [256, 128], classes: 10)
        let digitMLP = Training.Architecture.perceptron(inputWidth: digits.inputWidth, hiddenUnits: digits.hiddenUnits)
        w1 = Training(samples: quick ? 500 : 5000, architecture: digitMLP, classes: digits.classes, batchSize: 32, epochs: quick ? 3 : 10)
        w2 = Training(samples: quick ? 2000 : 60000, architecture: .perceptron(inputWidth: mnist.inputWidth, hiddenUnits: mnist.hiddenUnits),
                      classes: mnist.classes, batchSize: 128, epochs: 2)
        w3 = Training(samples: quick ? 500 : 10000, architecture: .seedCNN(side: 28), classes: 10, batchSize: 64, epochs: 1)
        w6 = Training(samples: quick ? 128 : 1280, architecture: .characterLSTM(steps: quick ? 20 : 100, embedding: 64, units: 256),
                      classes: 65, batchSize: 64, epochs: 2)
        latencyCalls = quick ? 20 : 300
        latencyWarmUpCalls = quick ? 3 : 30
        inferenceSamples = quick ? 2000 : 10000
        inferenceBatchSize = 1000
        inferenceRepetitions = quick ? 2 : 7
        seedDigits = Training(samples: quick ? 450 : 4500, architecture: digitMLP, classes: digits.classes, batchSize: 32,
                              epochs: quick ? 4 : 40)
        seedDigitsValidationSamples = quick ? 50 : 500
    }
}
