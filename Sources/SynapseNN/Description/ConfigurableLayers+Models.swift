/// Models used as layers of other models (a pretrained base inside a new network): described by
/// their own layers (and graph), nested in the outer description.
///
/// ```json
/// {"type": "sequential", "name": "base", "seed": 7, "layers": [{"type": "input", "shape": [4]}, {"type": "dense", "units": 8}]}
/// ```
extension Sequential: ConfigurableLayer {
    public static let typeName = "sequential"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("layers", try describedModel().layers)
        try writer.set("name", name)
        try writer.set("seed", seed)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        try self.init(ModelDescription(name: try settings.value("name", default: "sequential"), seed: try settings.value("seed", default: 0),
                                       layers: try settings.required("layers")))
    }

    /// Checks the nested layers (each decoded and checked) without building the stack.
    public static func checkSettings(_ settings: inout LayerSettingsReader) throws {
        _ = try settings.value("name", default: "sequential")
        _ = try settings.value("seed", default: 0 as UInt64)
        _ = try settings.required("layers") as [LayerConfiguration]
    }
}

extension Functional: ConfigurableLayer {
    public static let typeName = "functional"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        let description = try describedModel()
        try writer.set("layers", description.layers)
        try writer.set("graph", description.graph)
        try writer.set("name", name)
        try writer.set("seed", seed)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        try self.init(ModelDescription(name: try settings.value("name", default: "functional"), seed: try settings.value("seed", default: 0),
                                       layers: try settings.required("layers"), graph: try settings.required("graph") as GraphDescription))
    }

    /// Checks the nested layers and the graph that connects them without drawing (building) it.
    public static func checkSettings(_ settings: inout LayerSettingsReader) throws {
        _ = try settings.value("name", default: "functional")
        _ = try settings.value("seed", default: 0 as UInt64)
        let layers: [LayerConfiguration] = try settings.required("layers")
        _ = try settings.graph("graph", layerCount: layers.count)
    }
}
