/// The figures of every epoch of a `fit`: what `fit` returns (Keras's `History`).
///
/// ```swift
/// let history = try model.fit(x, y, epochs: 40, validationSplit: 0.1)
/// history[.loss]                  // [Float], one per epoch
/// history[.validationAccuracy]
/// ```
public final class History: Callback, Codable {
    /// The epochs recorded, counted from 0.
    public private(set) var epochs: [Int] = []
    /// Every figure recorded, one value per epoch.
    public private(set) var values: [MetricKey: [Float]] = [:]
    /// What `TrainingDiagnostics` recorded, when `fit` ran with it.
    public internal(set) var diagnostics: TrainingDiagnosticsRecord?

    /// An empty history.
    public init() {}

    /// A history holding `values` for `epochs` (e.g. read back from a CSV log or a JSON file).
    ///
    /// - Throws: `ModelError.invalidArgument` when a figure has a different number of values
    ///   than there are epochs.
    public init(epochs: [Int], values: [MetricKey: [Float]]) throws {
        if let (key, series) = values.first(where: { $0.value.count != epochs.count }) {
            throw ModelError.invalidArgument(owner: "History", argument: "values of \(key)", expected: "\(epochs.count) (one per epoch)", received: "\(series.count)")
        }
        self.epochs = epochs
        self.values = values
    }

    private enum CodingKeys: String, CodingKey { case epochs, values, diagnostics }

    /// Reads `{"epochs": [0, 1], "values": {"loss": [...], "val_loss": [...]}}`, with
    /// `"diagnostics"` when they were recorded.
    public convenience init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let epochs = try container.decode([Int].self, forKey: .epochs)
        let named = try container.decode([String: [Float]].self, forKey: .values)
        try self.init(epochs: epochs, values: Dictionary(uniqueKeysWithValues: named.map { (MetricKey(keras: $0.key), $0.value) }))
        diagnostics = try container.decodeIfPresent(TrainingDiagnosticsRecord.self, forKey: .diagnostics)
    }

    /// Writes the epochs and every figure under its Keras name (`loss`, `val_loss`, …), and
    /// the diagnostics when there are any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(epochs, forKey: .epochs)
        try container.encode(Dictionary(uniqueKeysWithValues: values.map { ($0.key.description, $0.value) }), forKey: .values)
        try container.encodeIfPresent(diagnostics, forKey: .diagnostics)
    }

    /// The values of `key`, one per epoch (empty if it was never recorded).
    public subscript(key: MetricKey) -> [Float] { values[key] ?? [] }

    /// The keys recorded, training figures first, each group by name.
    public var keys: [MetricKey] {
        values.keys.sorted { ($0.isValidation ? 1 : 0, $0.name) < ($1.isValidation ? 1 : 0, $1.name) }
    }

    /// This history followed by `later`'s epochs, e.g. a checkpoint's and the resumed `fit`'s.
    ///
    /// - Throws: `ModelError.invalidArgument` when the two record different figures.
    public func followed(by later: History) throws -> History {
        guard epochs.isEmpty || later.epochs.isEmpty || Set(values.keys) == Set(later.values.keys) else {
            throw ModelError.invalidArgument(owner: "History", argument: "later history's figures",
                                             expected: keys.map(\.description).joined(separator: ", "),
                                             received: later.keys.map(\.description).joined(separator: ", "))
        }
        let keys = Set(values.keys).union(later.values.keys)
        let joined = try History(epochs: epochs + later.epochs, values: Dictionary(uniqueKeysWithValues: keys.map { ($0, self[$0] + later[$0]) }))
        joined.diagnostics = diagnostics.map { earlier in later.diagnostics.map(earlier.followed(by:)) ?? earlier } ?? later.diagnostics
        return joined
    }

    /// Records the epoch's figures.
    public func epochDidEnd(_ epoch: Int, logs: [MetricKey: Float], context: TrainingContext) throws {
        epochs.append(epoch)
        for (key, value) in logs { values[key, default: []].append(value) }
    }
}
