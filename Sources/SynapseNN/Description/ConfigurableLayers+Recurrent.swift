import SynapseTensor

extension RecurrentLayer {
    /// The settings the recurrent layers share.
    func writeRecurrentSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("units", units)
        try writer.set("activation", activation)
        if cellKind != .simple { try writer.set("recurrentActivation", recurrentActivation) }
        try writer.set("useBias", useBias)
        try writer.set("kernelInitializer", kernelInitializer)
        try writer.set("recurrentInitializer", recurrentInitializer)
        try writer.set("biasInitializer", biasInitializer)
        try writer.set("returnSequences", returnSequences)
        try writer.set("goBackwards", goBackwards)
        try writer.set("dropout", dropout)
        try writer.set("recurrentDropout", recurrentDropout)
        try writer.set("name", name)
    }
}

/// The settings of a recurrent layer as read from its description, with Keras's defaults.
struct RecurrentSettings {
    let units: Int
    let activation: ActivationFunction, recurrentActivation: ActivationFunction
    let useBias: Bool
    let kernelInitializer: Initializer, recurrentInitializer: Initializer, biasInitializer: Initializer
    let returnSequences: Bool, goBackwards: Bool
    let dropout: Float, recurrentDropout: Float
    let name: String

    init(_ settings: inout LayerSettingsReader, defaultName: String, hasGates: Bool) throws {
        units = try settings.required("units")
        activation = try settings.value("activation", default: .tanh)
        recurrentActivation = hasGates ? try settings.value("recurrentActivation", default: .sigmoid) : .sigmoid
        useBias = try settings.value("useBias", default: true)
        kernelInitializer = try settings.value("kernelInitializer", default: .glorotUniform)
        recurrentInitializer = try settings.value("recurrentInitializer", default: .orthogonal())
        biasInitializer = try settings.value("biasInitializer", default: .zeros)
        returnSequences = try settings.value("returnSequences", default: false)
        goBackwards = try settings.value("goBackwards", default: false)
        dropout = try settings.value("dropout", default: 0)
        recurrentDropout = try settings.value("recurrentDropout", default: 0)
        name = try settings.value("name", default: defaultName)
    }
}

extension SimpleRNN: ConfigurableLayer {
    public static let typeName = "simpleRNN"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws { try writeRecurrentSettings(to: &writer) }

    public convenience init(settings: inout LayerSettingsReader) throws {
        let s = try RecurrentSettings(&settings, defaultName: "simple_rnn", hasGates: false)
        self.init(s.units, activation: s.activation, useBias: s.useBias, kernelInitializer: s.kernelInitializer,
                  recurrentInitializer: s.recurrentInitializer, biasInitializer: s.biasInitializer, returnSequences: s.returnSequences,
                  goBackwards: s.goBackwards, dropout: s.dropout, recurrentDropout: s.recurrentDropout, name: s.name)
    }
}

extension LSTM: ConfigurableLayer {
    public static let typeName = "lstm"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writeRecurrentSettings(to: &writer)
        try writer.set("unitForgetBias", unitForgetBias)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        let s = try RecurrentSettings(&settings, defaultName: "lstm", hasGates: true)
        self.init(s.units, activation: s.activation, recurrentActivation: s.recurrentActivation, useBias: s.useBias,
                  kernelInitializer: s.kernelInitializer, recurrentInitializer: s.recurrentInitializer, biasInitializer: s.biasInitializer,
                  unitForgetBias: try settings.value("unitForgetBias", default: true), returnSequences: s.returnSequences,
                  goBackwards: s.goBackwards, dropout: s.dropout, recurrentDropout: s.recurrentDropout, name: s.name)
    }
}

extension GRU: ConfigurableLayer {
    public static let typeName = "gru"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws { try writeRecurrentSettings(to: &writer) }

    public convenience init(settings: inout LayerSettingsReader) throws {
        let s = try RecurrentSettings(&settings, defaultName: "gru", hasGates: true)
        self.init(s.units, activation: s.activation, recurrentActivation: s.recurrentActivation, useBias: s.useBias,
                  kernelInitializer: s.kernelInitializer, recurrentInitializer: s.recurrentInitializer, biasInitializer: s.biasInitializer,
                  returnSequences: s.returnSequences, goBackwards: s.goBackwards, dropout: s.dropout, recurrentDropout: s.recurrentDropout,
                  name: s.name)
    }
}

extension Bidirectional: ConfigurableLayer {
    public static let typeName = "bidirectional"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("layer", try LayerConfiguration.describing(forwardLayer, in: name))
        if let backwardLayer { try writer.set("backwardLayer", try LayerConfiguration.describing(backwardLayer, in: name)) }
        try writer.set("mergeMode", mergeMode)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        let layer = try (settings.required("layer") as LayerConfiguration).makeLayer()
        let backward = try (settings.value("backwardLayer", default: nil) as LayerConfiguration?)?.makeLayer()
        guard let recurrent = layer as? RecurrentLayer, backward == nil || backward is RecurrentLayer else {
            throw ModelError.invalidArgument(owner: "bidirectional layer", argument: "layer", expected: "a recurrent layer (simpleRNN, lstm, gru)",
                                             received: "\(backward.map { Swift.type(of: $0) } ?? Swift.type(of: layer))")
        }
        self.init(recurrent, mergeMode: try settings.value("mergeMode", default: .concat), backwardLayer: backward as? RecurrentLayer,
                  name: try settings.value("name", default: "bidirectional"))
    }
}

extension TimeDistributed: ConfigurableLayer {
    public static let typeName = "timeDistributed"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("layer", try LayerConfiguration.describing(layer, in: name))
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(try (settings.required("layer") as LayerConfiguration).makeLayer(), name: try settings.value("name", default: "time_distributed"))
    }
}

extension Embedding: ConfigurableLayer {
    public static let typeName = "embedding"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("inputDimension", inputDimension)
        try writer.set("outputDimension", outputDimension)
        try writer.set("embeddingsInitializer", embeddingsInitializer)
        try writer.set("maskZero", maskZero)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(inputDimension: try settings.required("inputDimension"), outputDimension: try settings.required("outputDimension"),
                  embeddingsInitializer: try settings.value("embeddingsInitializer", default: .randomUniform(minimum: -0.05, maximum: 0.05)),
                  maskZero: try settings.value("maskZero", default: false), name: try settings.value("name", default: "embedding"))
    }
}

extension Masking: ConfigurableLayer {
    public static let typeName = "masking"

    public func writeSettings(to writer: inout LayerSettingsWriter) throws {
        try writer.set("maskValue", maskValue)
        try writer.set("name", name)
    }

    public convenience init(settings: inout LayerSettingsReader) throws {
        self.init(maskValue: try settings.value("maskValue", default: 0), name: try settings.value("name", default: "masking"))
    }
}
