import Foundation
import YTQClient
import YTQCore
import YTQDownloader
import YTQScheduler
import YTQSettings
import YTQStore

/// What a command needs once its options are parsed: the settings, who asks, and the one door
/// to the queue (`actions`): the engine over the personal database, or the client of the
/// shared queue when a server is configured (`server`, `YTQ_SERVER`, `--server`).
struct CommandContext {
    /// Where the queue is.
    enum Backend {
        /// Personal mode: this process's database, only its user's.
        case personal(AppDatabase)
        /// Shared mode: `ytq serve` owns the queue; this process is its client.
        case shared(ServiceClient)
    }

    let settings: Settings
    let backend: Backend
    let requester: Requester

    /// `forReading`: the command only reads (`list`, `show`), so a personal database is
    /// opened read-only and answers beside another process's write lock or on a full disk.
    init(_ options: GlobalOptions, forReading: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) async throws(CLIError) {
        try await self.init(layer: options.layer, forReading: forReading, environment: environment)
    }

    /// `layer`: what the command line gave (nothing, for a bare `ytq`).
    init(layer: SettingsLayer, forReading: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) async throws(CLIError) {
        do {
            settings = try SettingsResolver(environment: environment).resolve(layer)
        } catch {
            throw .settings(error)
        }
        var requester = Requester.current(uid: Int(getuid()), environment: environment)
        // Refusals name the user ("alice may have 1 active download"), not "uid 1000".
        requester.userName = requester.userID.flatMap(UserAccounts.userName(uid:))
        self.requester = requester
        if let server = settings.server {
            let given = [("--per-user-limit", layer.perUserLimit), ("--system-limit", layer.systemLimit), ("--backlog-limit", layer.backlogLimit)]
                .filter { $0.1 != nil }.map(\.0)
            if let option = given.first {
                throw .usage("\(option) cannot be used with a shared queue: its service (`ytq serve`) sets the limits for everyone, "
                    + "in its own config file. Leave the option out, or unset `server` / YTQ_SERVER to use a queue of your own.")
            }
            backend = .shared(ServiceClient(socketPath: server))
            return
        }
        do {
            backend = .personal(try await AppDatabase.open(path: settings.databasePath, forReading: forReading))
        } catch {
            throw .store(error)
        }
    }

    /// The personal database, for what only personal mode has (`ytq worker`, the screen's
    /// own scheduler); a shared queue's client is told where that work happens.
    func personalDatabase(for what: String) throws(CLIError) -> AppDatabase {
        switch backend {
        case .personal(let database): return database
        case .shared(let client):
            throw .usage("\(what) works on a queue of your own; this ytq is a client of the shared queue at \(client.socketPath), "
                + "whose service (`ytq serve`) runs the downloads. Unset `server` / YTQ_SERVER to use your own queue.")
        }
    }

    /// The scheduler configuration these settings describe (partials beside the database).
    func schedulerConfiguration(for database: AppDatabase) -> SchedulerConfiguration {
        Self.schedulerConfiguration(settings: settings, database: database)
    }

    /// The scheduler configuration `settings` describe for `database` (also `ytq serve`'s).
    static func schedulerConfiguration(settings: Settings, database: AppDatabase) -> SchedulerConfiguration {
        var configuration = SchedulerConfiguration(
            downloadDirectory: settings.downloadDirectory,
            partialRoot: SchedulerConfiguration.partialRoot(besideDatabase: settings.databasePath, instance: database.instanceID),
            ytDlp: settings.ytDlpPath ?? YtDlpExecutable.defaultName,
            limits: settings.limits)
        configuration.ytDlpOptions.maxFilesize = settings.maxFilesize
        return configuration
    }

    /// Every user action and read goes through here.
    var actions: any TaskActions {
        switch backend {
        case .personal(let database): return EngineActions(database: database, configuration: schedulerConfiguration(for: database))
        case .shared(let client): return client
        }
    }
}

extension CommandContext {
    /// Says what became of a task an action put back in line: `admitted` when it may start
    /// now, else that it waits in the queue, and where.
    func report(_ task: DownloadTask, admitted: String) async {
        guard task.status == .queued else {
            StandardOutput.writeLine(admitted)
            return
        }
        StandardOutput.writeLine("queued #\(task.id) in your backlog")
        await noteQueuePlace(of: task)
    }

    /// Says on stderr where a queued task stands (stdout stays the task id for scripts).
    func noteQueuePlace(of task: DownloadTask) async {
        let place = (try? await actions.queuePlaces(of: [task], by: requester))?[task.id]
        let placeText = place.map { Ordinal.queuePlace($0) } ?? "in your queue"
        StandardOutput.writeErrorLine("ytq: #\(task.id) is queued (\(placeText)); it starts by itself when a slot frees")
    }
}

extension CommandContext {
    /// Runs one user action as this command's requester; a refusal becomes the `CLIError`
    /// with its exit code and, where queueing would get around it, `queueWith` as the hint.
    func act(queueWith command: String? = nil, _ body: (any TaskActions, Requester) async throws(ActionError) -> Void) async throws(CLIError) {
        do {
            try await body(actions, requester)
        } catch {
            throw command.map { CLIError.refused(error, queueWith: $0) } ?? .action(error)
        }
    }
}
