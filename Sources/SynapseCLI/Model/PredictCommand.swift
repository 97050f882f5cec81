import ArgumentParser
import Foundation
import Synapse

/// `synapse predict`: a saved model's output for one input, or for rows of a dataset.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Print a saved model's class probabilities (or value) for one input or for dataset rows.",
        discussion: """
            --input takes a PNG or PGM image (colour becomes grey; a 28×28 image is centre-cropped \
            to 20×20 when the model takes 400 features) or a CSV file whose first data row is one sample. \
            Pixels are scaled to [0, 1]; pass --invert for dark digits on a light background \
            (MNIST's digits are light on dark).

            Examples:
              synapse predict mnist-mlp --input seven.png --invert
              synapse predict iris-model --data iris --rows 0,50,100
            """)

    @Argument(help: "The saved model's folder.")
    var modelPath: String

    @Option(help: "One input: a .png or .pgm image, or a .csv file holding one row of features (with a header).")
    var input: String?

    @Option(help: "A dataset instead of --input (as for synapse train).")
    var data: String?

    @Option(help: "The dataset rows to predict, comma-separated.")
    var rows = CommaSeparated<Int>([0])

    @Option(help: "The datasets folder (default: SYNAPSE_DATA, then ~/.cache/synapse/datasets).")
    var dataDir: String?

    @Option(help: "The label column of a CSV dataset.")
    var labelColumn = "label"

    @Flag(help: "Invert image pixels (1 − value), for dark ink on a light background.")
    var invert = false

    func run() throws {
        try CLIError.reportingFailures {
            let model = try ModelFolder.load(from: URL(fileURLWithPath: modelPath))
            guard let features = model.builtInputShape?.elementCount else { throw CLIError("\(modelPath): the model has no input shape") }
            let (x, labels) = try samples(features: features)
            let kind = OutputKind(model: model)
            let outputs = try model.predict(try model.shapedAsSamples(x))
            let probabilities = try kind.probabilities(outputs), predicted = try kind.predictions(outputs)
            for row in 0..<x.shape[0] {
                let values = try probabilities[row].scalars.map { String(format: "%.4f", $0) }.joined(separator: " ")
                let label = labels.map { " (label \(Int($0[row])))" } ?? ""
                switch kind {
                case .value: print("row \(row): \(values)\(label)")
                default: print("row \(row): predicted \(Int(predicted[row]))\(label); probabilities \(values)")
                }
            }
        }
    }

    /// The samples to predict, `[rows, features]`, and their labels when they come from a dataset.
    private func samples(features: Int) throws -> (Tensor, [Float]?) {
        switch (input, data) {
        case let (input?, nil) where input.hasSuffix(".pgm") || input.hasSuffix(".png"):
            let url = URL(fileURLWithPath: input)
            var image = input.hasSuffix(".png") ? try PNGReader.read(contentsOf: url) : try PGMReader.read(contentsOf: url)
            if invert { image = 1 - image }
            if image.elementCount != features, features == 400, image.shape == [28, 28] {
                image = try centreCropped(try image.expandingShape(at: 0), to: (height: 20, width: 20))
            }
            guard image.elementCount == features else {
                throw CLIError("--input: the model takes \(features) features; the image has \(image.shape[0] * image.shape[1]) pixels (\(image.shape))")
            }
            return (try image.reshaped(to: [1, features]), nil)
        case let (input?, nil) where input.hasSuffix(".csv"):
            let table = try CSV.read(contentsOf: URL(fileURLWithPath: input))
            let row = try table.tensor(columns: table.columns)[0..<1]
            guard row.elementCount == features else { throw CLIError("--input: the model takes \(features) features; the row has \(row.elementCount)") }
            return (row, nil)
        case (nil, let data?):
            let (train, test) = try DataSource(argument: data, labelColumn: labelColumn).load(directory: dataDir.map { URL(fileURLWithPath: $0) })
            let (x, y) = test ?? train
            if let bad = rows.values.first(where: { $0 < 0 || $0 >= x.shape[0] }) {
                throw CLIError("--rows: row \(bad) is outside 0..<\(x.shape[0])")
            }
            let labels = y.scalars
            return (try x.gathering(atIndices: rows.values, alongAxis: 0), rows.values.map { labels[$0] })
        default:
            throw CLIError("give exactly one of --input (a .png, .pgm or .csv file) and --data")
        }
    }
}
