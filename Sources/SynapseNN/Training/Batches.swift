import SynapseTensor

/// The batches of one epoch over `count` rows: consecutive runs of `batchSize` rows of a row
/// order, the last one shorter when `batchSize` does not divide `count`.
struct Batches {
    /// The number of rows.
    let count: Int
    /// Rows per batch (the last batch may have fewer).
    let batchSize: Int

    /// The number of batches.
    var batchCount: Int { (count + batchSize - 1) / batchSize }

    /// A new random row order.
    func shuffledOrder(using generator: inout RandomGenerator) -> [Int] {
        var order = Array(0..<count)
        order.shuffle(using: &generator)
        return order
    }

    /// The rows of batch `batch`: from `order`, or consecutive rows when `order` is nil.
    func rows(ofBatch batch: Int, in order: [Int]?) -> RowSelection {
        let range = (batch * batchSize)..<Swift.min(count, (batch + 1) * batchSize)
        if let order { return .indices(Array(order[range])) }
        return .range(range)
    }

    /// Rows picked from a tensor: a contiguous range (a free slice) or arbitrary indices.
    enum RowSelection {
        case range(Range<Int>)
        case indices([Int])

        /// The number of rows selected.
        var count: Int {
            switch self {
            case .range(let range): return range.count
            case .indices(let indices): return indices.count
            }
        }
    }

    /// The selected rows of `tensor`.
    static func take(_ rows: RowSelection, from tensor: Tensor) throws -> Tensor {
        switch rows {
        case .range(let range): return try tensor[range]
        case .indices(let indices): return try tensor.gathering(atIndices: indices, alongAxis: 0)
        }
    }
}
