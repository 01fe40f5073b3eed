extension DownloadTask {
    /// The `meta_data` key of `notes`.
    public static let notesKey = "notes"

    /// What ytq wants the user to know about a finished download that is not an error: the
    /// file was already there, the preset fell back, the owner could not be given access.
    public var notes: [String] {
        guard case .array(let values)? = metaData[Self.notesKey] else { return [] }
        return values.compactMap { value in
            if case .string(let text) = value { return text }
            return nil
        }
    }
}
