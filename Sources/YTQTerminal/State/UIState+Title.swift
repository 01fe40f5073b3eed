import YTQCore

extension UIState {
    /// The window title while the screen runs: `ytq`, or with downloads under way
    /// `ytq · 2 downloading · 45%` — the store's count, and the bytes of the live downloads
    /// that know their size, together.
    public var windowTitle: String {
        let downloading = page.statusCounts[.downloading] ?? 0
        guard downloading > 0 else { return "ytq" }
        let sized = progress.values.compactMap { live in live.totalBytes.map { (live.downloadedBytes, $0) } }
        let total = sized.reduce(Int64(0)) { $0 + $1.1 }
        var title = "ytq · \(downloading) downloading"
        if total > 0 {
            let done = sized.reduce(Int64(0)) { $0 + min($1.0, $1.1) }
            title += " · \(Int(Double(done) * 100 / Double(total)))%"
        }
        return title
    }
}
