import SynapseTensor

/// What the convolution layers' descriptions share: the same settings, written and read the
/// same way (`kernelSize`, `strides` and `dilationRate` are numbers for `Conv1D` and numbers
/// or `[height, width]` pairs for the 2-D layers).
public protocol ConfigurableConvolution: ConfigurableLayer {
    /// The type of a kernel size, stride or dilation: `Int` in 1-D, `Size2D` in 2-D.
    associatedtype WindowSize: Codable & ExpressibleByIntegerLiteral where WindowSize.IntegerLiteralType == Int
    /// The layer's name before a model renames it.
    static var defaultName: String { get }
    /// Output channels.
    var filters: Int { get }
    /// The window's size.
    var kernelSize: WindowSize { get }
    /// The steps between windows.
    var strides: WindowSize { get }
    /// The border treatment.
    var padding: Padding { get }
    /// The gaps between taps.
    var dilationRate: WindowSize { get }
    /// The function applied to the convolution plus bias.
    var activation: ActivationFunction { get }
    /// Whether the layer adds a bias.
    var useBias: Bool { get }
    /// How the kernel is filled when the layer is built.
    var kernelInitializer: Initializer { get }
    /// How the bias is filled when the layer is built.
    var biasInitializer: Initializer { get }
    /// The penalty on the kernel.
    var kernelRegularizer: Regularizer? { get }
    /// The penalty on the bias.
    var biasRegularizer: Regularizer? { get }
    /// The penalty on the output.
    var activityRegularizer: Regularizer? { get }
    /// A layer with these settings.
    init(_ filters: Int, kernelSize: WindowSize, strides: WindowSize, padding: Padding, dilationRate: WindowSize,
         activation: ActivationFunction, useBias: Bool, kernelInitializer: Initializer, biasInitializer: Initializer,
         kernelRegularizer: Regularizer?, biasRegularizer: Regularizer?, activityRegularizer: Regularizer?, name: String)
}

extension ConfigurableConvolution {
    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("filters", filters)
        try writer.set("kernelSize", kernelSize)
        try writer.set("strides", strides)
        try writer.set("padding", padding)
        try writer.set("dilationRate", dilationRate)
        try writer.set("activation", activation)
        try writer.set("useBias", useBias)
        try writer.set("kernelInitializer", kernelInitializer)
        try writer.set("biasInitializer", biasInitializer)
        try writer.setRegularizers(kernel: kernelRegularizer, bias: biasRegularizer, activity: activityRegularizer)
        try writer.set("name", name)
    }

    public init(settings: inout LayerSettingsReader) throws {
        self.init(
            try settings.required("filters"), kernelSize: try settings.required("kernelSize"),
            strides: try settings.value("strides", default: 1), padding: try settings.value("padding", default: .valid),
            dilationRate: try settings.value("dilationRate", default: 1), activation: try settings.value("activation", default: .linear),
            useBias: try settings.value("useBias", default: true),
            kernelInitializer: try settings.value("kernelInitializer", default: .glorotUniform),
            biasInitializer: try settings.value("biasInitializer", default: .zeros),
            kernelRegularizer: try settings.value("kernelRegularizer", default: nil), biasRegularizer: try settings.value("biasRegularizer", default: nil),
            activityRegularizer: try settings.value("activityRegularizer", default: nil), name: try settings.value("name", default: Self.defaultName))
    }
}

extension Conv2D: ConfigurableConvolution {
    public static let typeName = "conv2D"
    public static let defaultName = "conv2d"
}

extension Conv2DTranspose: ConfigurableConvolution {
    public static let typeName = "conv2DTranspose"
    public static let defaultName = "conv2d_transpose"
}

extension Conv1D: ConfigurableConvolution {
    public static let typeName = "conv1D"
    public static let defaultName = "conv1d"
}
