import SynapseTensor

extension Flatten: ConfigurableLayer {
    public static let typeName = "flatten"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws { try writer.set("name", name) }

    public convenience init(settings: inout LayerSettingsReader) throws { self.init(name: try settings.value("name", default: "flatten")) }
}

extension Reshape: ConfigurableLayer {
    public static let typeName = "reshape"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("targetShape", targetShape)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(try settings.required("targetShape"), name: try settings.value("name", default: "reshape"))
    }
}

extension ZeroPadding2D: ConfigurableLayer {
    public static let typeName = "zeroPadding2D"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("padding", padding)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(padding: try settings.value("padding", default: 1), name: try settings.value("name", default: "zero_padding2d"))
    }
}

extension Cropping2D: ConfigurableLayer {
    public static let typeName = "cropping2D"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("cropping", cropping)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(cropping: try settings.value("cropping", default: 0), name: try settings.value("name", default: "cropping2d"))
    }
}

extension UpSampling2D: ConfigurableLayer {
    public static let typeName = "upSampling2D"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("size", size)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(size: try settings.value("size", default: 2), name: try settings.value("name", default: "up_sampling2d"))
    }
}
