import SynapseTensor

extension Input: ConfigurableLayer {
    public static let typeName = "input"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("shape", shape.dimensions)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(shape: Shape(try settings.required("shape") as [Int]), name: try settings.value("name", default: "input"))
    }
}

extension Dense: ConfigurableLayer {
    public static let typeName = "dense"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("units", units)
        try writer.set("activation", activation)
        try writer.set("useBias", useBias)
        try writer.set("kernelInitializer", kernelInitializer)
        try writer.set("biasInitializer", biasInitializer)
        try writer.setRegularizers(kernel: kernelRegularizer, bias: biasRegularizer, activity: activityRegularizer)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(
            try settings.required("units"), activation: try settings.value("activation", default: .linear),
            useBias: try settings.value("useBias", default: true),
            kernelInitializer: try settings.value("kernelInitializer", default: .glorotUniform),
            biasInitializer: try settings.value("biasInitializer", default: .zeros),
            kernelRegularizer: try settings.value("kernelRegularizer", default: nil), biasRegularizer: try settings.value("biasRegularizer", default: nil),
            activityRegularizer: try settings.value("activityRegularizer", default: nil), name: try settings.value("name", default: "dense"))
    }
}

extension Activation: ConfigurableLayer {
    public static let typeName = "activation"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("activation", function)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(try settings.required("activation"), name: try settings.value("name", default: "activation"))
    }
}
