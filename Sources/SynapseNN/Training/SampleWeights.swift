import SynapseTensor

/// The per-sample weights of a `fit`: its `sampleWeights` times the `classWeights` of each
/// sample's class (Keras's `sample_weight` and `class_weight`).
enum SampleWeights {
    /// One weight per row of `labels`, or `nil` when neither weighting is given.
    ///
    /// A sample's class is its label for `[batch]` labels, the label of `[batch, 1]` labels
    /// (binary), and the arg-max of one-hot `[batch, classes]` labels; classes that
    /// `classWeights` does not list weigh 1.
    ///
    /// - Throws: `ModelError.invalidArgument` for sample weights of another count than the
    ///   rows, or negative or non-finite weights; `ModelError.invalidLabels` for class weights
    ///   with labels that are not whole numbers ≥ 0.
    static func make(labels: Tensor, classWeights: [Int: Float]?, sampleWeights: Tensor?) throws -> Tensor? {
        guard classWeights != nil || sampleWeights != nil else { return nil }
        let rows = labels.shape[0]
        var weights = [Float](repeating: 1, count: rows)
        if let sampleWeights {
            guard sampleWeights.shape == [rows] else {
                throw ModelError.invalidArgument(owner: "fit", argument: "sampleWeights", expected: "one weight per sample, shape [\(rows)]",
                                                 received: "shape \(sampleWeights.shape)")
            }
            weights = sampleWeights.scalars
        }
        if let classWeights {
            let classes = try classIndices(of: labels)
            for row in 0..<rows { weights[row] *= classWeights[classes[row]] ?? 1 }
        }
        if let bad = weights.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw ModelError.invalidArgument(owner: "fit", argument: "sample weight of row \(bad)", expected: "finite and ≥ 0",
                                             received: "\(weights[bad])")
        }
        return try Tensor(shape: [rows], scalars: weights)
    }

    /// The class of each row of `labels`.
    private static func classIndices(of labels: Tensor) throws -> [Int] {
        if labels.rank == 2 && labels.shape[1] > 1 {
            return try labels.argmax(alongAxis: 1).scalars.map { Int($0) }
        }
        let values = labels.scalars
        if let bad = values.firstIndex(where: { $0 < 0 || $0 != $0.rounded() }) {
            throw ModelError.invalidLabels(owner: "fit classWeights", expected: "whole-number classes ≥ 0", received: "\(values[bad]) in row \(bad)")
        }
        return values.map { Int($0) }
    }

    /// `perSample` (one loss per sample, or `[batch, …]`) weighted by `weights` and averaged
    /// over the batch, as Keras's `sum_over_batch_size`.
    static func weightedMean(_ perSample: Tensor, weights: Tensor) throws -> Tensor {
        let perRow = perSample.rank > 1 ? try perSample.mean(alongAxes: Array(1..<perSample.rank)) : perSample
        return try (perRow * weights).sum() * (1 / Float(Swift.max(perRow.elementCount, 1)))
    }
}
