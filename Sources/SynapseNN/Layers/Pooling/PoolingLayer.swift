import SynapseTensor

/// The layer behind `MaxPooling2D`, `AveragePooling2D`, `MaxPooling1D` and `AveragePooling1D`:
/// it reduces every window of a channels-last input to one `statistic` per channel.
///
/// Use the subclasses, which take Keras's arguments; this class holds what they share.
public class PoolingLayer: Layer {
    /// What each window is reduced to.
    public let statistic: PoolingStatistic
    /// The border treatment.
    public let padding: Padding
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    /// The subclass's name for messages, e.g. `MaxPooling2D`.
    let kind: String
    /// The window's height and width (height 1 for sequences).
    public let windowSize: Size2D
    /// The steps between windows (height 1 for sequences).
    public let windowStrides: Size2D
    /// Whether inputs are sequences `[steps, channels]` rather than images.
    let isSequence: Bool

    /// A pooling layer; `kind` (e.g. `MaxPooling2D`) names it in messages.
    init(statistic: PoolingStatistic, kind: String, poolSize: Size2D, strides: Size2D, padding: Padding, isSequence: Bool, name: String) {
        self.statistic = statistic
        self.kind = kind
        self.windowSize = poolSize
        self.windowStrides = strides
        self.padding = padding
        self.isSequence = isSequence
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try window.outputShape(forInputShape: inputShape)
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        try window.pool(input, to: statistic)
    }

    /// The shared window checks and pooling.
    private var window: PoolingWindow {
        PoolingWindow(owner: "\(kind) '\(name)'", layer: name, poolSize: windowSize, strides: windowStrides, padding: padding,
                      isSequence: isSequence)
    }
}
