import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import YTQTestSupport

/// The fixture server itself: deterministic bytes, Range, status paths, the request log.
@Suite("media_server.py")
struct MediaServerTests {
    @Test("serves the deterministic pattern, whole and by Range (206), and 416 past the end")
    func rangesAndPattern() async throws {
        let server = try MediaServer()
        defer { server.stop() }
        let size = 200_000
        let expected = MediaPattern.bytes(name: "p.mp4", size: size)
        let url = try #require(URL(string: server.mediaURL(name: "p.mp4", size: size)))

        let (whole, wholeResponse) = try await fetch(url)
        #expect(wholeResponse.statusCode == 200)
        #expect(wholeResponse.value(forHTTPHeaderField: "Content-Type") == "video/mp4")
        #expect([UInt8](whole) == expected)

        let (part, partResponse) = try await fetch(url, range: "bytes=70000-")
        #expect(partResponse.statusCode == 206)
        #expect(partResponse.value(forHTTPHeaderField: "Content-Range") == "bytes 70000-199999/200000")
        #expect([UInt8](part) == Array(expected[70_000...]))

        let (_, beyond) = try await fetch(url, range: "bytes=200000-")
        #expect(beyond.statusCode == 416)
        #expect(beyond.value(forHTTPHeaderField: "Content-Range") == "bytes */200000")

        server.waitForRequests(count: 3)
        #expect(server.requests.map(\.range) == [nil, "bytes=70000-", "bytes=200000-"])
        #expect(server.requests.map(\.sent) == [200_000, 130_000, 0])
    }

    @Test("status paths and the page without media")
    func statusPaths() async throws {
        let server = try MediaServer()
        defer { server.stop() }
        for code in [404, 500] {
            let (_, response) = try await fetch(try #require(URL(string: server.url("/status/\(code)"))))
            #expect(response.statusCode == code)
        }
        let (page, response) = try await fetch(try #require(URL(string: server.url("/page.html"))))
        #expect(response.statusCode == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("<html>"))
    }

    @Test("the rate cap makes a download take real time")
    func rateCap() async throws {
        let server = try MediaServer(rate: 400_000)
        defer { server.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let (data, _) = try await fetch(try #require(URL(string: server.mediaURL(name: "slow.mp4", size: 200_000))))
        #expect(data.count == 200_000)
        #expect(clock.now - start >= .milliseconds(400))
    }

    @Test("stop() ends the server; a new one gets a new port")
    func stopAndRestart() throws {
        let first = try MediaServer()
        first.stop()
        first.stop()
        let second = try MediaServer()
        defer { second.stop() }
        #expect(second.port > 0)
    }

    private func fetch(_ url: URL, range: String? = nil) async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: url)
        if let range { request.setValue(range, forHTTPHeaderField: "Range") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (data, http)
    }
}
