import YTQCore

/// The JSON form of tasks for scripts: the shared queue's JSON (`ServiceAPI`: column names as
/// keys, ISO 8601 UTC timestamps), pretty-printed.
enum TaskJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        try ServiceAPI.text(value, prettyPrinted: true)
    }
}
