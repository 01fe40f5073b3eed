extension String {
    /// At most `limit` characters: longer text is cut and ends with `…`, for messages.
    public func clipped(to limit: Int) -> String {
        count <= limit ? self : String(prefix(max(0, limit - 1))) + "…"
    }

    /// The string without leading and trailing ASCII spaces and tabs (Foundation-free).
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
