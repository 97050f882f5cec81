/// A row of the `synapse bench train` table: one figure Synapse reports, and its goal.
struct TrainFigure {
    /// The `workload` field.
    let workload: TrainWorkload
    /// The `metric` field.
    let metric: String
    /// The unit of the figure.
    let unit: TrainUnit
    /// What Synapse's figure should reach.
    let target: TrainTarget

    /// Every row, in table order: training throughput W1 ≥ 5× and W2 ≥ 1.1× the fastest peer;
    /// peak memory by W2's end ≤ 300 MB;
    /// W3 (the seed CNN) ≥ 1.2× the fastest peer and peak memory by its end ≤ 500 MB; W4 latency of `model(x)` and of `predict` each
    /// ≤ 1/10 of PyTorch's `model(x)`; W5 ≥ 1.0× PyTorch; W6 (the character LSTM) ≥ 1.0× PyTorch; the seed
    /// digit `fit` ≤ 0.5 s.
    static let all: [TrainFigure] = [
        TrainFigure(workload: .w1, metric: "train_throughput", unit: .samplesPerSecond, target: .fastestPeer(minimum: 5)),
        TrainFigure(workload: .w2, metric: "train_throughput", unit: .samplesPerSecond, target: .fastestPeer(minimum: 1.1)),
        TrainFigure(workload: .w2, metric: "peak_rss", unit: .megabytes, target: .atMost(300)),
        TrainFigure(workload: .w3, metric: "train_throughput", unit: .samplesPerSecond, target: .fastestPeer(minimum: 1.2)),
        TrainFigure(workload: .w3, metric: "peak_rss", unit: .megabytes, target: .atMost(500)),
        TrainFigure(workload: .w6, metric: "train_throughput", unit: .samplesPerSecond, target: .peer(.torch, metric: "train_throughput", minimum: 1)),
        TrainFigure(workload: .w4, metric: "call_latency", unit: .microseconds,
                    target: .peer(.torch, metric: "call_latency", minimum: 10)),
        TrainFigure(workload: .w4, metric: "predict_latency", unit: .microseconds,
                    target: .peer(.torch, metric: "call_latency", minimum: 10)),
        TrainFigure(workload: .w5, metric: "infer_throughput", unit: .samplesPerSecond,
                    target: .peer(.torch, metric: "infer_throughput", minimum: 1.0)),
        TrainFigure(workload: .seedDigits, metric: "fit_wall", unit: .seconds, target: .atMost(0.5)),
    ]
}
