import Foundation
import YTQCore

/// The JSON form of tasks for scripts: column names as keys, ISO 8601 UTC timestamps.
enum TaskJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(CivilTime.iso8601(date))
        }
        return escapingControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func escapingControls(_ json: String) -> String { JSONText.escapingControls(json) }
}
