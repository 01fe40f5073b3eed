import Foundation
import Testing
import YTQCore

@Suite("ServiceAPI: what crosses the socket")
struct ServiceAPITests {
    let task = DownloadTask(
        id: 7, userID: 1001, ipAddress: "192.0.2.7", videoURL: "https://example.com/v?token=s", format: .preset(.audioM4A),
        status: .downloading, title: "a \u{202E}title", metaData: ["duration": .number(12)], createdAt: Date(timeIntervalSince1970: 1_700_000_000.123),
        updatedAt: Date(timeIntervalSince1970: 1_700_000_001), attempts: 2, downloadedBytes: 10, totalBytes: 100)

    @Test("a task comes back as it went (times to the millisecond); controls are escaped in the text")
    func taskRoundTrip() throws {
        let data = try ServiceAPI.encode(task)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { TerminalSafeText.isUnsafe($0) })
        var back = try ServiceAPI.decoder().decode(DownloadTask.self, from: data)
        #expect(abs(back.createdAt.timeIntervalSince(task.createdAt)) < 0.001)
        back.createdAt = task.createdAt
        #expect(back == task)
    }

    @Test("times cross as ISO 8601 in UTC; a time in another shape is refused, not guessed")
    func times() throws {
        let text = String(decoding: try ServiceAPI.encode(task), as: UTF8.self)
        #expect(text.contains("\"created_at\":\"2023-11-14T22:13:20.123Z\""), "\(text)")
        let local = text.replacingOccurrences(of: "2023-11-14T22:13:20.123Z", with: "2023-11-14T22:13:20.123")
        #expect(throws: DecodingError.self) { try ServiceAPI.decoder().decode(DownloadTask.self, from: Data(local.utf8)) }
    }

    @Test("every ActionError survives the ErrorBody: the client raises the same error, with its message")
    func errors() throws {
        let requester = Requester(userID: 1001)
        let errors: [ActionError] = [
            .invalid(.urlNotHTTP("ftp://x")),
            .refused(.perUserLimitReached(requester: requester, limit: 1, blocking: task.summary)),
            .refused(.systemLimitReached(limit: 10, active: 10)),
            .notFound(taskID: 3),
            .forbidden(taskID: 3, requester: requester),
            .wrongStatus(taskID: 3, status: .completed, action: .cancel),
            .fileRefused(taskID: 3, reason: "it is a symbolic link"),
            .store(.busy(operation: "claim", holders: ["pid 4"])),
            .service(kind: "unreachable", message: "cannot reach"),
        ]
        for error in errors {
            let data = try ServiceAPI.encode(ServiceAPI.ErrorBody(error))
            let body = try ServiceAPI.decoder().decode(ServiceAPI.ErrorBody.self, from: data)
            #expect(body.error.detail == error)
            #expect(body.error.message == error.description)
            #expect(body.error.kind == error.kind)
        }
    }

    @Test("an event's service object rebuilds the same event; another user's bare QueueChanged is a change")
    func events() throws {
        var task = task
        task.createdAt = Date(timeIntervalSince1970: 1_700_000_000)
        let reason = FailureReason(kind: .permanent, message: "HTTP Error 404", hint: "check the URL")
        let transient = FailureReason(kind: .transient, message: "HTTP Error 503")
        let progress = DownloadProgress(downloadedBytes: 10, totalBytes: 100, speed: 2048, eta: 45)
        let events: [DownloadEvent] = [
            .started(task), .progressUpdated(task, progress), .failed(task, reason: reason), .cancelled(task),
            .queued(task), .paused(task), .resumed(task), .retrying(task, attempt: 2, reason: transient, delay: .seconds(4)),
            .completed(task, downloadURL: URL(fileURLWithPath: "/lib/u/a.mp4")),
        ]
        for event in events {
            // Through the wire, as JSON text.
            let data = try ServiceAPI.encode(event.serviceBody)
            let decoded = try ServiceAPI.decoder().decode(ServiceAPI.EventBody.self, from: data)
            #expect(DownloadEvent(serviceBody: decoded) == event, "\(event.name)")
        }
        #expect(DownloadEvent(serviceBody: .init(fields: ["event": .string("QueueChanged")], task: nil)) == .changed(taskID: 0))
        #expect(DownloadEvent(serviceBody: .init(fields: ["event": .string("SomethingNew"), "task_id": .number(4)], task: nil)) == .changed(taskID: 4))
    }
}
