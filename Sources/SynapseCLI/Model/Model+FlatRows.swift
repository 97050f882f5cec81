import Synapse

extension Model {
    /// `rows` — `[samples, features]`, as the command line's data sources give them — shaped
    /// as this model's samples: `[samples, 28, 28, 1]` for a CNN on MNIST; unchanged for a
    /// model that takes flat rows or is not built yet.
    ///
    /// - Throws: `CLIError` when a row's features do not fill one of the model's samples.
    func shapedAsSamples(_ rows: Tensor) throws -> Tensor {
        guard let sample = builtInputShape, sample.rank > 1, rows.rank == 2 else { return rows }
        guard rows.shape[1] == sample.elementCount else {
            throw CLIError("the model takes samples of shape \(sample) (\(sample.elementCount) values); the data has \(rows.shape[1]) features per row")
        }
        return try rows.reshaped(to: Shape([rows.shape[0]] + sample.dimensions))
    }
}
