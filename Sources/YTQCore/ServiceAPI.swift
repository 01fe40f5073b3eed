import Foundation

/// The shared queue's HTTP API (`ytq serve`), version 1: the routes, the request and response
/// bodies, and the one JSON coding both ends use (snake_case column names, ISO 8601 times
/// with milliseconds). The service and its client are built from this, so they cannot drift.
///
/// | route | body | answer |
/// | --- | --- | --- |
/// | `POST /v1/tasks` | `AddBody` | 201 task |
/// | `GET /v1/tasks?status=&limit=&before=` | | `TaskList` |
/// | `GET /v1/tasks/{id}` | | task |
/// | `POST /v1/tasks/{id}/{cancel,pause,queue}` | | task |
/// | `POST /v1/tasks/{id}/{resume,retry}` | `WhenBusyBody` | `Resumption` / task |
/// | `POST /v1/tasks/{id}/move` | `MoveBody` | task |
/// | `DELETE /v1/tasks/{id}?delete_file=true` | | `Removal` |
/// | `GET /v1/page?filter=&order=&offset=&limit=` | | `TaskPage` (`filter`: text or `status=NAME`; `order`: a `TaskOrder`) |
/// | `POST /v1/queue-places` | `[id]` | `{id: place}` |
/// | `GET /v1/events` | | Server-Sent Events |
///
/// Every failure is a 4xx/5xx with an `ErrorBody`.
public enum ServiceAPI {
    /// The path prefix of this version.
    public static let prefix = "/v1"
    /// The host name in URLs (a Unix socket has none; curl needs one).
    public static let host = "ytq"
    /// The request header in which a client reports its SSH client address (information
    /// only: identity is the uid the kernel reports).
    public static let clientAddressHeader = "X-YTQ-Client-Address"
    /// The largest request body the service reads.
    public static let maxBodySize = 64 * 1024

    /// `POST /v1/tasks`.
    public struct AddBody: Codable, Sendable, Equatable {
        public var url: String
        public var format: String?
        public var whenBusy: BusyPolicy?

        public init(url: String, format: String?, whenBusy: BusyPolicy?) {
            self.url = url
            self.format = format
            self.whenBusy = whenBusy
        }

        enum CodingKeys: String, CodingKey {
            case url, format
            case whenBusy = "when_busy"
        }
    }

    /// `POST /v1/tasks/{id}/resume` and `/retry`: what to do when the rules refuse.
    public struct WhenBusyBody: Codable, Sendable, Equatable {
        public var whenBusy: BusyPolicy?

        public init(whenBusy: BusyPolicy?) {
            self.whenBusy = whenBusy
        }

        enum CodingKeys: String, CodingKey {
            case whenBusy = "when_busy"
        }
    }

    /// `POST /v1/tasks/{id}/move`.
    public struct MoveBody: Codable, Sendable, Equatable {
        public var move: BacklogMove

        public init(move: BacklogMove) {
            self.move = move
        }
    }

    /// `GET /v1/tasks`: the tasks, newest first.
    public struct TaskList: Codable, Sendable, Equatable {
        public var tasks: [DownloadTask]

        public init(tasks: [DownloadTask]) {
            self.tasks = tasks
        }
    }

    /// `GET /history`: the requester's URLs, newest first, each once.
    public struct URLList: Codable, Sendable, Equatable {
        public var urls: [String]

        public init(urls: [String]) {
            self.urls = urls
        }
    }

    /// Every failure: the `kind` and `message` for people and scripts, and the error itself
    /// (`detail`) for ytq's client, which turns it back into the same `ActionError`.
    public struct ErrorBody: Codable, Sendable, Equatable {
        public struct Content: Codable, Sendable, Equatable {
            public var kind: String
            public var message: String
            public var detail: ActionError?
        }

        public var error: Content

        public init(kind: String, message: String, detail: ActionError?) {
            error = Content(kind: kind, message: message, detail: detail)
        }

        public init(_ actionError: ActionError) {
            self.init(kind: actionError.kind, message: actionError.description, detail: actionError)
        }
    }

    /// The JSON encoder of both ends.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Through `CivilTime`, not `Date.ISO8601FormatStyle`: its calendar arithmetic made the
        // dates a large part of encoding and decoding a page of tasks.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(CivilTime.iso8601(date))
        }
        return encoder
    }

    /// The JSON decoder of both ends.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard text.hasSuffix("Z"), let time = CivilTime.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time in UTC: \(text)")
            }
            return time.utcDate
        }
        return decoder
    }

    /// `value` as JSON text safe to print (controls escaped); `prettyPrinted` for people
    /// (`ytq list --json`, `ytq show --json`).
    public static func text<T: Encodable>(_ value: T, prettyPrinted: Bool = false) throws -> String {
        let encoder = encoder()
        if prettyPrinted { encoder.outputFormatting.insert(.prettyPrinted) }
        return JSONText.escapingControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// `value` as JSON text safe to print, as bytes (an answer's body).
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try text(value).utf8)
    }
}

extension ActionError {
    /// A short name for the kind of failure (`refused`, `not_found`, ...), for scripts.
    public var kind: String {
        switch self {
        case .invalid: return "invalid"
        case .refused: return "refused"
        case .notFound: return "not_found"
        case .forbidden: return "forbidden"
        case .wrongStatus: return "wrong_status"
        case .fileRefused: return "file_refused"
        case .store: return "store"
        case .service(let kind, _): return kind
        }
    }
}
