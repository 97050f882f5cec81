import SynapseTensor

extension RandomFlip: ConfigurableLayer {
    public static let typeName = "randomFlip"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("mode", mode)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(try settings.value("mode", default: .horizontalAndVertical), name: try settings.value("name", default: "random_flip"))
    }
}

extension RandomRotation: ConfigurableLayer {
    public static let typeName = "randomRotation"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("factor", factor)
        try writer.set("fillMode", fillMode)
        try writer.set("fillValue", fillValue)
        try writer.set("interpolation", interpolation)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(factor: try settings.required("factor"), fillMode: try settings.value("fillMode", default: .reflect),
                  fillValue: try settings.value("fillValue", default: 0), interpolation: try settings.value("interpolation", default: .bilinear),
                  name: try settings.value("name", default: "random_rotation"))
    }
}

extension RandomTranslation: ConfigurableLayer {
    public static let typeName = "randomTranslation"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("heightFactor", heightFactor)
        try writer.set("widthFactor", widthFactor)
        try writer.set("fillMode", fillMode)
        try writer.set("fillValue", fillValue)
        try writer.set("interpolation", interpolation)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(heightFactor: try settings.required("heightFactor"), widthFactor: try settings.required("widthFactor"),
                  fillMode: try settings.value("fillMode", default: .reflect), fillValue: try settings.value("fillValue", default: 0),
                  interpolation: try settings.value("interpolation", default: .bilinear), name: try settings.value("name", default: "random_translation"))
    }
}

extension RandomZoom: ConfigurableLayer {
    public static let typeName = "randomZoom"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("heightFactor", heightFactor)
        if let widthFactor { try writer.set("widthFactor", widthFactor) }
        try writer.set("fillMode", fillMode)
        try writer.set("fillValue", fillValue)
        try writer.set("interpolation", interpolation)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(heightFactor: try settings.required("heightFactor"), widthFactor: try settings.value("widthFactor", default: nil),
                  fillMode: try settings.value("fillMode", default: .reflect), fillValue: try settings.value("fillValue", default: 0),
                  interpolation: try settings.value("interpolation", default: .bilinear), name: try settings.value("name", default: "random_zoom"))
    }
}

extension GaussianNoise: ConfigurableLayer {
    public static let typeName = "gaussianNoise"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("stddev", stddev)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(stddev: try settings.required("stddev"), name: try settings.value("name", default: "gaussian_noise"))
    }
}
