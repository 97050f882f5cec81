import SynapseTensor

/// What the window pooling layers' descriptions share: `poolSize`, `strides`, `padding` and
/// `name` (sizes are numbers in 1-D, numbers or `[height, width]` pairs in 2-D).
public protocol WindowPoolingLayer: ConfigurableLayer {
    /// The type of a window size or stride: `Int` in 1-D, `Size2D` in 2-D.
    associatedtype WindowSize: Codable
    /// The layer's name before a model renames it.
    static var defaultName: String { get }
    /// The window's size.
    var poolSize: WindowSize { get }
    /// The steps between windows.
    var strides: WindowSize { get }
    /// The border treatment.
    var padding: Padding { get }
    /// A layer with these settings (`strides` `nil`: `poolSize`).
    init(poolSize: WindowSize, strides: WindowSize?, padding: Padding, name: String)
}

extension WindowPoolingLayer {
    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("poolSize", poolSize)
        try writer.set("strides", strides)
        try writer.set("padding", padding)
        try writer.set("name", name)
    }

    public init(settings: inout LayerSettingsReader) throws {
        let poolSize: WindowSize = try settings.required("poolSize")
        self.init(poolSize: poolSize, strides: try settings.value("strides", default: nil), padding: try settings.value("padding", default: .valid),
                  name: try settings.value("name", default: Self.defaultName))
    }
}

extension MaxPooling2D: WindowPoolingLayer {
    public static let typeName = "maxPooling2D"
    public static let defaultName = "max_pooling2d"
}

extension AveragePooling2D: WindowPoolingLayer {
    public static let typeName = "averagePooling2D"
    public static let defaultName = "average_pooling2d"
}

extension MaxPooling1D: WindowPoolingLayer {
    public static let typeName = "maxPooling1D"
    public static let defaultName = "max_pooling1d"
}

extension AveragePooling1D: WindowPoolingLayer {
    public static let typeName = "averagePooling1D"
    public static let defaultName = "average_pooling1d"
}

/// What the global pooling layers' descriptions share: only a `name`.
public protocol GlobalPooling: ConfigurableLayer {
    /// The layer's name before a model renames it.
    static var defaultName: String { get }
    /// A layer named `name`.
    init(name: String)
}

extension GlobalPooling {
    public func writeSettings(to writer: inout LayerSettingsWriter) throws { try writer.set("name", name) }

    public init(settings: inout LayerSettingsReader) throws { self.init(name: try settings.value("name", default: Self.defaultName)) }
}

extension GlobalAveragePooling2D: GlobalPooling {
    public static let typeName = "globalAveragePooling2D"
    public static let defaultName = "global_average_pooling2d"
}

extension GlobalMaxPooling2D: GlobalPooling {
    public static let typeName = "globalMaxPooling2D"
    public static let defaultName = "global_max_pooling2d"
}

extension GlobalAveragePooling1D: GlobalPooling {
    public static let typeName = "globalAveragePooling1D"
    public static let defaultName = "global_average_pooling1d"
}

extension GlobalMaxPooling1D: GlobalPooling {
    public static let typeName = "globalMaxPooling1D"
    public static let defaultName = "global_max_pooling1d"
}
