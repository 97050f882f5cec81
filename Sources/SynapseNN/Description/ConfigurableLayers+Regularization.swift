import SynapseTensor

extension Dropout: ConfigurableDropout {
    public static let typeName = "dropout"
    public static let defaultName = "dropout"
}

extension BatchNormalization: ConfigurableLayer {
    public static let typeName = "batchNormalization"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("momentum", momentum)
        try writer.set("epsilon", epsilon)
        try writer.set("center", center)
        try writer.set("scale", scale)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(momentum: try settings.value("momentum", default: 0.99), epsilon: try settings.value("epsilon", default: 1e-3),
                  center: try settings.value("center", default: true), scale: try settings.value("scale", default: true),
                  name: try settings.value("name", default: "batch_normalization"))
    }
}

/// What the dropout variants' descriptions share: a `rate` and a `name`.
public protocol ConfigurableDropout: ConfigurableLayer {
    /// The layer's name before a model renames it.
    static var defaultName: String { get }
    /// The dropout rate.
    var rate: Float { get }
    /// A layer with this rate and name.
    init(_ rate: Float, name: String)
}

extension ConfigurableDropout {
    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("rate", rate)
        try writer.set("name", name)
    }

    public init(settings: inout LayerSettingsReader) throws {
        self.init(try settings.required("rate"), name: try settings.value("name", default: Self.defaultName))
    }
}

extension SpatialDropout1D: ConfigurableDropout {
    public static let typeName = "spatialDropout1D"
    public static let defaultName = "spatial_dropout1d"
}

extension SpatialDropout2D: ConfigurableDropout {
    public static let typeName = "spatialDropout2D"
    public static let defaultName = "spatial_dropout2d"
}

extension GaussianDropout: ConfigurableDropout {
    public static let typeName = "gaussianDropout"
    public static let defaultName = "gaussian_dropout"
}

extension LayerNormalization: ConfigurableLayer {
    public static let typeName = "layerNormalization"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("epsilon", epsilon)
        try writer.set("center", center)
        try writer.set("scale", scale)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(epsilon: try settings.value("epsilon", default: 1e-3), center: try settings.value("center", default: true),
                  scale: try settings.value("scale", default: true), name: try settings.value("name", default: "layer_normalization"))
    }
}

extension SpectralNormalization: ConfigurableLayer {
    public static let typeName = "spectralNormalization"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("layer", try LayerConfiguration.describing(layer, in: name))
        try writer.set("powerIterations", powerIterations)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(try (settings.required("layer") as LayerConfiguration).makeLayer(), powerIterations: try settings.value("powerIterations", default: 1),
                  name: try settings.value("name", default: "spectral_normalization"))
    }
}
