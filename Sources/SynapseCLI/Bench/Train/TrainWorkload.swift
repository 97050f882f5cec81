import ArgumentParser

/// A workload of `synapse bench train`, named as the shared peer benchmarks (`common.py`)
/// name it, plus the seed digit program's whole `fit`, which only Synapse runs.
///
/// The sizes are in `TrainSizes`.
enum TrainWorkload: String, CaseIterable, ExpressibleByArgument {
    /// Training the seed digit MLP (400 → 25 relu → 15 relu → 10) on 5000 samples, 10 epochs:
    /// samples per second of the median epoch among epochs 2–10.
    case w1 = "W1"
    /// Training the MNIST MLP (784 → 256 relu → 128 relu → 10) on 60000 samples after a
    /// one-epoch warm-up: samples per second of the median of 2 epochs; and the peak memory.
    case w2 = "W2"
    /// Training the seed CNN on 10000 random 28×28×1 images, batch 64, after a warm-up on
    /// 272 samples: samples per second of one epoch, GFLOP/s, and the peak memory.
    case w3 = "W3"
    /// Single-sample inference latency of the W1 model: `model(x)` and `model.predict(x)`.
    case w4 = "W4"
    /// Inference of the W2 model on 10000 samples in batches of 1000: samples per second.
    case w5 = "W5"
    /// Training a character LSTM (Embedding 65 → 64, LSTM 256 over 100 steps, Dense 65 at
    /// every step) on 1280 random sequences, batch 64, after a warm-up on 256: sequences per
    /// second of the median of 2 epochs. The shared peers do not define it; its PyTorch
    /// `nn.LSTM` twin is `Benchmarks/lstm/bench_torch_lstm.py`.
    case w6 = "W6"
    /// The seed digit program's `fit`: 4500 rows, 40 epochs, batch 32, validation on 500
    /// rows each epoch: wall time in seconds.
    case seedDigits = "seed-digits"

    /// The workload named `argument`, in any letter case (`w1`, `W1`, `Seed-Digits`).
    init?(argument: String) {
        guard let workload = TrainWorkload.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else {
            return nil
        }
        self = workload
    }

    /// Whether the shared peer scripts measure it too (all but `W6` and `seed-digits`).
    var isMeasuredBySharedPeers: Bool { self != .seedDigits && self != .w6 }
}
