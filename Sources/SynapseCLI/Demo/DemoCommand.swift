import ArgumentParser
import Foundation
import SeedPrograms
import Synapse

/// `synapse demo <name>`: runs one of the seed programs and reports what it measured.
struct DemoCommand: ParsableCommand {
    /// The name, the help text and its list of demos.
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Train one of the seed programs and report what it measured.",
        discussion: """
            Each demo builds a small network, trains it, and prints its figures with the target \
            it must meet (PASS or MISS). The demos:

            \(DemoName.allCases.map(Self.helpEntry).joined(separator: "\n"))

            Demos that need a dataset read it from the folder given by --data-dir, else from \
            $\(DatasetDirectory.environmentVariable), else from ~/.cache/synapse/datasets (one \
            subfolder per dataset: mnist/ with the four IDX files, iris/ with iris.csv); MNIST \
            missing there is downloaded into that cache and its checksum verified. Without \
            network access, copy the files into one of those folders.

            Progress is a live bar on a terminal and one line per epoch otherwise. With --json, \
            standard output holds only one JSON object with the final figures.

            Examples:
              synapse demo digits
              SYNAPSE_DATA=~/datasets synapse demo digits --json
              synapse demo multilabel --quiet --seed 11
            """)

    /// The demo's name, as typed (checked in `run`, for a one-line error).
    @Argument(help: ArgumentHelp("The demo to run.", valueName: DemoName.allCases.map(\.rawValue).joined(separator: "|")))
    var name: String

    /// Whether to print the final figures as JSON.
    @Flag(help: "Print only the final figures, as one JSON object on standard output.")
    var json = false

    /// The folder holding the datasets' subfolders.
    @Option(name: [.customLong("data-dir"), .customLong("data")],
            help: ArgumentHelp("The folder holding the datasets (mnist/, iris/); overrides $SYNAPSE_DATA (also accepted as --data).", valueName: "folder"))
    var data: String?

    /// The seed, when not the program's own.
    @Option(help: "The seed of the initial weights and the batch order (default: the program's own).")
    var seed: UInt64?

    /// `--quiet` or `--verbose`, when given.
    @Flag(exclusivity: .exclusive)
    var chattiness: DemoChattiness?

    /// How many misclassified digits `digits` draws.
    @Option(help: "digits: how many misclassified test digits to draw.")
    var mistakes = 6

    /// Where `digits` writes its HTML report.
    @Option(help: ArgumentHelp("digits: where to write the HTML report (model, curves, classification report, confusion matrix, mistakes).", valueName: "file"))
    var report = "digits-report.html"

    /// Whether to skip the report.
    @Flag(help: "digits: do not write the HTML report.")
    var noReport = false

    /// The training budget of `charlm`.
    @Option(help: "charlm: minutes of training (as many epochs as fit).")
    var minutes: Double = 15

    /// A demo's name and explanation as `--help` lists them, continuation lines indented.
    private static func helpEntry(_ demo: DemoName) -> String {
        demo.explanation.enumerated().map { line, text in
            (line == 0 ? "  " + demo.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0) : String(repeating: " ", count: 17)) + text
        }.joined(separator: "\n")
    }

    /// Runs the demo, printing as `--json`, `--quiet` and `--verbose` ask.
    ///
    /// - Throws: `DemoError` for an unknown demo name or unreadable data.
    func run() throws {
        let demo = try DemoName.named(name)
        let talks = json ? chattiness == .verbose : chattiness != .quiet
        let verbosity: Verbosity = !talks ? .silent : chattiness == .verbose && !json ? .linePerEpoch : .automatic
        let dataFolder = data.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath, isDirectory: true) }
        // Unbuffered, like the library's progress, so notes and progress keep their order.
        let log: (String) -> Void = talks ? { StandardStream.output.write(line: $0) } : { _ in }
        let train = { try demo.run(dataFolder: dataFolder, seed: seed, verbose: verbosity, minutes: minutes, log: log) }
        let outcome: DemoOutcome
        if json {
            outcome = try StandardOutputRedirection.toStandardError(train)
            StandardStream.output.write(line: outcome.json.text)
        } else {
            outcome = try train()
            StandardStream.output.write(line: (talks ? "\n" : "") + outcome.text(mistakes: mistakes))
        }
        if case .digits(let recognition) = outcome, !noReport { try writeReport(recognition) }
    }

    /// Writes the digit recogniser's HTML report to `report` and says where on standard error.
    private func writeReport(_ recognition: DigitRecognition) throws {
        let url = URL(fileURLWithPath: (report as NSString).expandingTildeInPath)
        let images = try recognition.testImages.reshaped(to: [-1, recognition.imageSide, recognition.imageSide])
        let page = try HTMLReport.classifier(
            title: "Synapse: the digit recogniser", model: recognition.model, history: recognition.history,
            labels: try Tensor(shape: [recognition.testLabels.count], scalars: recognition.testLabels.map(Float.init)),
            probabilities: recognition.probabilities, images: images, mistakes: 12,
            extraFigures: recognition.report.figures.filter { $0.name == "fit_seconds" })
        try page.write(to: url)
        StandardStream.error.write(line: "report written to \(url.path)")
    }
}
