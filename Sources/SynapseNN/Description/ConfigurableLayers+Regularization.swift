import SynapseTensor

extension Dropout: ConfigurableLayer {
    public static let typeName = "dropout"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("rate", rate)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(try settings.required("rate"), name: try settings.value("name", default: "dropout"))
    }
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
