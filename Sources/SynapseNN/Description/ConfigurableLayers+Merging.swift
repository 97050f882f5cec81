/// A merge layer described by its name alone: `Add`, `Subtract`, `Multiply`, `Average`, `Maximum`.
public protocol NamedMergeLayer: ConfigurableLayer {
    /// A layer called `name`.
    init(name: String)
}

extension NamedMergeLayer {
    public func writeSettings(to writer: inout LayerSettingsWriter) throws { try writer.set("name", name) }

    public init(settings: inout LayerSettingsReader) throws { self.init(name: try settings.value("name", default: Self.typeName)) }
}

extension Add: NamedMergeLayer { public static let typeName = "add" }
extension Subtract: NamedMergeLayer { public static let typeName = "subtract" }
extension Multiply: NamedMergeLayer { public static let typeName = "multiply" }
extension Average: NamedMergeLayer { public static let typeName = "average" }
extension Maximum: NamedMergeLayer { public static let typeName = "maximum" }

extension Concatenate: ConfigurableLayer {
    public static let typeName = "concatenate"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("axis", axis)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(axis: try settings.value("axis", default: -1), name: try settings.value("name", default: "concatenate"))
    }
}
