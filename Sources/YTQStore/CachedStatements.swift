import GRDB

/// The store's statements go through each connection's statement cache: each is compiled
/// once per connection instead of on every call. Compiling cost more than running them:
/// SQLite parses and plans the text, and GRDB's authorizer is called back for every column a
/// statement reads (`make bench`: an add took 894 µs compiled each time).
///
/// Only SQL whose text repeats belongs here: values are bound (`\(value)` in an `SQL`
/// literal), never spelled into the text. A list of ids makes one text per length.
extension Database {
    /// Executes `sql`, its interpolated values bound, through the statement cache.
    func execute(cached sql: SQL) throws {
        try cachedStatement(literal: sql).execute()
    }
}

extension QueryInterfaceRequest {
    /// This request, run through the statement cache.
    var cached: SQLRequest<RowDecoder> {
        SQLRequest(literal: "\(self)", cached: true)
    }

    /// How many rows this request matches, counted through the statement cache.
    func cachedCount(_ db: Database) throws -> Int {
        try countRequest.fetchOne(db) ?? 0
    }

    /// The count `cachedCount` runs.
    var countRequest: SQLRequest<Int> {
        SQLRequest(literal: "SELECT count(*) FROM (\(unordered()))", cached: true)
    }
}
