import SynapseTensor

/// The layer behind `GlobalAveragePooling2D`, `GlobalMaxPooling2D`, `GlobalAveragePooling1D`
/// and `GlobalMaxPooling1D`: one `statistic` per channel over all spatial positions,
/// `[batch, …, channels] → [batch, channels]`.
///
/// Use the subclasses; this class holds what they share.
public class GlobalPoolingLayer: Layer {
    /// What the positions of each channel are reduced to.
    public let statistic: PoolingStatistic
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    /// The subclass's name for messages, e.g. `GlobalAveragePooling2D`.
    let kind: String
    /// The spatial axes of a sample (2 for images, 1 for sequences).
    let spatialRank: Int

    /// A global pooling layer over `spatialRank` spatial axes; `kind` names it in messages.
    init(statistic: PoolingStatistic, kind: String, spatialRank: Int, name: String) {
        self.statistic = statistic
        self.kind = kind
        self.spatialRank = spatialRank
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        guard inputShape.rank == spatialRank + 1, inputShape.dimensions.allSatisfy({ $0 >= 1 }) else {
            throw ModelError.invalidInput(
                layer: name, expected: "samples of shape \(spatialRank == 2 ? "[height, width, channels]" : "[steps, channels]") (channels last)",
                received: "samples of shape \(inputShape)")
        }
        return [inputShape[spatialRank]]
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let axes = Array(1...spatialRank)
        switch statistic {
        case .maximum: return try input.max(alongAxes: axes)
        case .average: return try input.mean(alongAxes: axes)
        }
    }
}
