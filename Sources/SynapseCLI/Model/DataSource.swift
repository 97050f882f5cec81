import ArgumentParser
import Foundation
import Synapse

/// Where `synapse train`, `evaluate` and `predict` take their samples from: a catalogue name
/// (`mnist`, `iris`, `digits8x8`) or a file (`.csv` with a label column, `.npz` with arrays `x`
/// and `y`).
///
/// Catalogue datasets are found through `--data-dir`, else `SYNAPSE_DATA`, else
/// `~/.cache/synapse/datasets`, else downloaded (checksum-verified) into that cache. Features are
/// flattened to `[samples, features]`; MNIST pixels are scaled to [0, 1].
enum DataSource {
    case mnist, iris, digits8x8
    case csv(URL, labelColumn: String)
    case npz(URL)

    /// The source named by a `--data` value.
    ///
    /// - Throws: `CLIError` listing the accepted forms for anything else.
    init(argument: String, labelColumn: String) throws {
        switch argument {
        case "mnist": self = .mnist
        case "iris": self = .iris
        case "digits8x8": self = .digits8x8
        case let path where path.hasSuffix(".csv"): self = .csv(URL(fileURLWithPath: path), labelColumn: labelColumn)
        case let path where path.hasSuffix(".npz"): self = .npz(URL(fileURLWithPath: path))
        default:
            throw CLIError("--data: expected mnist, iris, digits8x8, a .csv file or a .npz file, got '\(argument)'")
        }
    }

    /// Training and test samples (`x` as `[samples, features]`, `y` as `[samples]` class ids or
    /// targets). Files have no separate test part: the test part is empty.
    func load(directory: URL?) throws -> (train: (x: Tensor, y: Tensor), test: (x: Tensor, y: Tensor)?) {
        // Catalogue datasets: the folder given, SYNAPSE_DATA, the cache, then a checked download.
        let catalogue = DatasetCatalogue()
        switch self {
        case .mnist:
            let mnist = try catalogue.mnist(from: directory.map { $0.appendingPathComponent("mnist") })
            return ((try flattened(mnist.trainImages) / 255, mnist.trainLabels), (try flattened(mnist.testImages) / 255, mnist.testLabels))
        case .iris:
            let iris = try catalogue.iris(from: directory.map { $0.appendingPathComponent("iris") })
            return ((iris.features, iris.labels), nil)
        case .digits8x8:
            let digits = try catalogue.digits8x8(from: directory.map { $0.appendingPathComponent("sklearn-digits") })
            return ((digits.features, digits.labels), nil)
        case let .csv(url, labelColumn):
            let table = try CSV.read(contentsOf: url)
            let x = try table.tensor(excludingColumns: [labelColumn])
            guard x.shape[0] > 0 else { throw CLIError("\(url.path): expected rows of data after the header line, found none") }
            return ((x, try table.labels(column: labelColumn)), nil)
        case let .npz(url):
            let arrays = try NPZReader.read(contentsOf: url)
            guard let x = arrays["x"], let y = arrays["y"] else {
                throw CLIError("\(url.path): expected arrays named x and y, found \(arrays.keys.sorted())")
            }
            let rows = x.values.shape.first ?? 0
            guard rows > 0 else { throw CLIError("\(url.path): expected at least one row in x, found shape \(x.values.shape)") }
            return ((try x.values.reshaped(to: [rows, -1]), try y.values.reshaped(to: [y.values.elementCount])), nil)
        }
    }
}

/// A command-line mistake: printed as one line, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

extension CLIError {
    /// Runs `body`; any error becomes one line on standard error and exit status 1.
    static func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let line = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
            FileHandle.standardError.write(Data("error: \(line)\n".utf8))
            throw ExitCode.failure
        }
    }
}
