extension ServiceAPI {
    /// One event on `GET /v1/events`: the event's JSON object (`DownloadEvent.jsonObject`: its
    /// name, channel, id and fields) with its whole `task` beside them, coded in one pass, so
    /// the client rebuilds the same typed event (`DownloadEvent(serviceBody:)`).
    public struct EventBody: Codable, Sendable, Equatable {
        public var fields: [String: JSONValue]
        public var task: DownloadTask?

        public init(fields: [String: JSONValue], task: DownloadTask?) {
            self.fields = fields
            self.task = task
        }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        private static let taskKey = Key(stringValue: "task")

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in fields where name != Self.taskKey.stringValue {
                try container.encode(value, forKey: Key(stringValue: name))
            }
            try container.encodeIfPresent(task, forKey: Self.taskKey)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            var fields: [String: JSONValue] = [:]
            for key in container.allKeys where key.stringValue != Self.taskKey.stringValue {
                fields[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
            self.fields = fields
            task = try container.decodeIfPresent(DownloadTask.self, forKey: Self.taskKey)
        }
    }
}
