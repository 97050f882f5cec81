import Foundation
import SynapseData
import Testing

/// Every reader of SynapseData goes through `DataFile`: a file that is not there is
/// `DataError.unreadable` with its path and "no such file", whatever the format.
@Suite struct MissingDataFileTests {
    @Test(arguments: ["npy", "npz", "idx", "csv", "pgm", "png"])
    func aMissingFileIsUnreadableWithItsPath(format: String) {
        let path = "/nonexistent/data.\(format)", url = URL(fileURLWithPath: path)
        let error = dataError {
            switch format {
            case "npy": _ = try NPYReader.read(contentsOf: url)
            case "npz": _ = try NPZReader.read(contentsOf: url)
            case "idx": _ = try IDXReader.read(contentsOf: url)
            case "csv": _ = try CSV.read(contentsOf: url)
            case "pgm": _ = try PGMReader.read(contentsOf: url)
            default: _ = try PNGReader.read(contentsOf: url)
            }
        }
        guard case let .unreadable(reportedPath, reason)? = error else {
            Issue.record("expected DataError.unreadable, got \(String(describing: error))")
            return
        }
        #expect(reportedPath == path && reason == "no such file")
    }
}
