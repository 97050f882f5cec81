import SynapseTensor

/// An upper bound on the weight values layers may create while it is in force.
///
/// Loading a model folder builds the model its description declares before the weights file
/// fills it. A description is small, but one forged number (`"units": 1000000000`) would make
/// a layer allocate gigabytes of weights that no file holds. While loading, the budget is what
/// the weights file holds (and a little more, so that a missing tensor is reported by name),
/// and a layer that would pass it throws before allocating anything.
/// Every layer creates its weights through `Initializer.makeTensor`, which spends the budget.
public enum WeightBudget {
    /// The values still allowed, and what to name in the error.
    final class Allowance: @unchecked Sendable {
        var remaining: Int
        let limit: Int
        let source: String
        init(limit: Int, source: String) { (remaining, self.limit, self.source) = (limit, limit, source) }
    }

    /// The budget in force on this task or thread, `nil` (no limit) outside `withLimit`.
    @TaskLocal static var allowance: Allowance?

    /// The result of `body`, in which layers may create at most `limit` weight values in all.
    ///
    /// - Parameter source: what allows the limit, completing "as many as …" in the error
    ///   (e.g. "weights.safetensors (42 values) allows").
    /// - Throws: what `body` throws; `ModelError.invalidArgument` naming `source` when a
    ///   layer's weights would pass the limit.
    public static func withLimit<Result>(_ limit: Int, justifiedBy source: String, _ body: () throws -> Result) throws -> Result {
        try $allowance.withValue(Allowance(limit: limit, source: source), operation: body)
    }

    /// Takes a weight of `shape` (validated) from the budget in force, if any.
    ///
    /// - Throws: `ModelError.invalidArgument` when the weight does not fit in what remains.
    static func spend(_ shape: Shape) throws {
        guard let allowance else { return }
        guard shape.elementCount <= allowance.remaining else {
            throw ModelError.invalidArgument(
                owner: "model loading", argument: "weights",
                expected: "at most \(allowance.limit) values in all, as many as \(allowance.source)",
                received: "a weight of shape \(shape) with \(allowance.remaining) values left")
        }
        allowance.remaining -= shape.elementCount
    }
}
