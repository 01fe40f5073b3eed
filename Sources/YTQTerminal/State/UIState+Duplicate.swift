import YTQCore

extension UIState {
    /// The answer to `.checkDuplicate`: with no task of this user's holding the URL, the
    /// request is submitted; otherwise the screen asks first ("#12 already downloaded this").
    public mutating func duplicateChecked(_ request: DownloadRequest, existing: DownloadTask?) -> [UIEffect] {
        guard let existing else { return [.submit(request, whenBusy: .refuse)] }
        // The user decides now (or presses Enter again to be asked): nothing is on its way.
        if request == submitting { submitting = nil }
        let offer = DuplicateOffer(request: request, existing: existing)
        guard overlay == .none || overlay == .help else {
            say("Not started: #\(existing.id) has this URL already; press Enter again to be asked", kind: .failure)
            return []
        }
        overlay = .confirmDuplicate(offer)
        // "Adding …" would say it is on its way while the question waits for an answer.
        say("#\(existing.id) has this URL already: y adds it again, n keeps it in the field", about: existing.id)
        return []
    }
}
