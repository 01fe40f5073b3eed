import Foundation
import YTQCore

/// The JSON form of tasks for scripts: the shared queue's JSON (`ServiceAPI`: column names as
/// keys, ISO 8601 UTC timestamps), pretty-printed.
enum TaskJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = ServiceAPI.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return JSONText.escapingControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
