/// The settings one source gives — the command line, the environment or the config file;
/// nil means "not given here". `SettingsResolver` merges the layers into `Settings`.
public struct SettingsLayer: Sendable, Equatable {
    public var databasePath: String?
    public var downloadDirectory: String?
    public var perUserLimit: Int?
    public var systemLimit: Int?
    public var backlogLimit: Int?
    public var ytDlpPath: String?
    /// The largest download, as written (`700M`); checked by `SettingsResolver`.
    public var maxFilesize: String?
    /// The socket of a shared queue to be a client of.
    public var server: String?
    /// User or group names who administer a shared queue.
    public var admins: [String]?
    /// The screen's signals: bell, desktop notifications, window title.
    public var bell: Bool?
    public var desktopNotifications: Bool?
    public var windowTitle: Bool?

    public init(
        databasePath: String? = nil, downloadDirectory: String? = nil, perUserLimit: Int? = nil, systemLimit: Int? = nil,
        backlogLimit: Int? = nil, ytDlpPath: String? = nil, maxFilesize: String? = nil, server: String? = nil, admins: [String]? = nil,
        bell: Bool? = nil, desktopNotifications: Bool? = nil, windowTitle: Bool? = nil
    ) {
        self.databasePath = databasePath
        self.downloadDirectory = downloadDirectory
        self.perUserLimit = perUserLimit
        self.systemLimit = systemLimit
        self.backlogLimit = backlogLimit
        self.ytDlpPath = ytDlpPath
        self.maxFilesize = maxFilesize
        self.server = server
        self.admins = admins
        self.bell = bell
        self.desktopNotifications = desktopNotifications
        self.windowTitle = windowTitle
    }
}
