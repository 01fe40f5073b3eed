import Testing
import YTQCore
@testable import YTQDownloader

@Suite("YtDlpOutputParser")
struct OutputParserTests {
    // Lines as yt-dlp 2026.10.26 printed them with YtDlpInvocation's templates.
    static let realDownloading = #"{"type":"progress","p":{"status": "downloading", "downloaded_bytes": 523264, "total_bytes": 2000000, "speed": 1045052.9725347982, "eta": 1, "elapsed": 0.5133841037750244}}"#
    static let realFirst = #"{"type":"progress","p":{"status": "downloading", "downloaded_bytes": 1024, "total_bytes": 2000000, "elapsed": 0.013083457946777344}}"#
    static let realFinished = #"{"type":"progress","p":{"status": "finished", "downloaded_bytes": 2000000, "total_bytes": 2000000, "speed": 1017758.1558219421, "elapsed": 1.9651033878326416}}"#
    static let realInfo = #"{"type":"info","info":{"id": "clip", "title": "clip", "ext": "mp4", "format_id": "mp4", "webpage_url": "http://127.0.0.1:36099/media/clip.mp4?size=2000000&rate=1000000", "extractor_key": "Generic"}}"#
    static let realDone = #"{"type":"done","filepath":"/tmp/ytx/dl/clip [clip].mp4"}"#

    @Test("a downloading line")
    func downloading() {
        let expected = YtDlpProgress(
            status: .downloading,
            progress: DownloadProgress(downloadedBytes: 523_264, totalBytes: 2_000_000, speed: 1_045_052.9725347982, eta: 1),
            elapsed: 0.5133841037750244
        )
        #expect(YtDlpOutputParser.parse(Self.realDownloading) == .progress(expected))
        guard case .progress(let first) = YtDlpOutputParser.parse(Self.realFirst) else {
            Issue.record("not progress")
            return
        }
        #expect(first.progress.speed == nil)
        #expect(first.progress.eta == nil)
    }

    @Test("a finished line")
    func finished() {
        guard case .progress(let progress) = YtDlpOutputParser.parse(Self.realFinished) else {
            Issue.record("not progress")
            return
        }
        #expect(progress.status == .finished)
        #expect(progress.progress.percentage == 100)
    }

    @Test("total falls back to the estimate; fragments are read")
    func estimate() {
        let line = #"{"type":"progress","p":{"status": "downloading", "downloaded_bytes": 10, "total_bytes_estimate": 400.7, "fragment_index": 3, "fragment_count": 9}}"#
        guard case .progress(let progress) = YtDlpOutputParser.parse(line) else {
            Issue.record("not progress")
            return
        }
        #expect(progress.progress.totalBytes == 400)
        #expect(progress.fragmentIndex == 3)
        #expect(progress.fragmentCount == 9)
        #expect(progress.progress.percentage == 2.5)
    }

    @Test("the info line")
    func info() {
        let expected = YtDlpMediaInfo(
            id: "clip", title: "clip", ext: "mp4", formatID: "mp4",
            webpageURL: "http://127.0.0.1:36099/media/clip.mp4?size=2000000&rate=1000000", extractorKey: "Generic"
        )
        #expect(YtDlpOutputParser.parse(Self.realInfo) == .info(expected))
    }

    @Test("the info line of a merge carries its formats; a single file's has none")
    func infoWithFormats() {
        // As yt-dlp 2026.10.26 printed it for a DASH manifest with separate video and audio.
        let line = #"{"type":"info","info":{"id": "manifest", "title": "manifest", "ext": "mp4", "format_id": "0+1", "duration": 3.0, "height": 360, "vcodec": "avc1.f4001e", "acodec": "mp4a.40.2"},"formats":[{"format_id": "0", "tbr": 274.637}, {"format_id": "1", "tbr": 64.0, "filesize": "x"}]}"#
        guard case .info(let info) = YtDlpOutputParser.parse(line) else {
            Issue.record("not an info line")
            return
        }
        #expect(info.height == 360)
        #expect(info.vcodec == "avc1.f4001e")
        #expect(info.requestedFormats == [YtDlpRequestedFormat(formatID: "0", tbr: 274.637), YtDlpRequestedFormat(formatID: "1", tbr: 64)])
        #expect(info.metaData["height"] == .number(360))
        let single = #"{"type":"info","info":{"id": "x", "ext": "mp4"},"formats":[]}"#
        #expect(YtDlpOutputParser.parse(single) == .info(YtDlpMediaInfo(id: "x", ext: "mp4")))
    }

    @Test("a post-processor line")
    func postprocess() {
        #expect(YtDlpOutputParser.parse(#"{"type":"postprocess","pp":{"status": "started", "postprocessor": "Merger"}}"#)
            == .postprocess(YtDlpPostprocessStep(status: "started", postprocessor: "Merger")))
        #expect(YtDlpOutputParser.parse(#"{"type":"postprocess","pp":{"status": "started"}}"#) == .other(#"{"type":"postprocess","pp":{"status": "started"}}"#))
    }

    @Test("escaped titles and paths decode, surrogate pairs included")
    func escapes() {
        let info = #"{"type":"info","info":{"id": 123, "title": "caf\u00e9 \ud83c\udfb5 \"q\" a\\b", "duration": 61.5}}"#
        #expect(YtDlpOutputParser.parse(info) == .info(YtDlpMediaInfo(id: "123", title: "café 🎵 \"q\" a\\b", duration: 61.5)))
        let done = #"{"type":"done","filepath":"/d/\u65e5\u672c [x].mp4"}"#
        #expect(YtDlpOutputParser.parse(done) == .done(filePath: "/d/日本 [x].mp4"))
        #expect(YtDlpOutputParser.parse(Self.realDone) == .done(filePath: "/tmp/ytx/dl/clip [clip].mp4"))
    }

    // yt-dlp drops keys whose value is None, but Python's json module prints NaN and Infinity for
    // such floats, and a missing `%(filepath)j` comes out as the bare placeholder NA.
    @Test("NaN, Infinity and null count as absent; a bare NA is not JSON")
    func nonFiniteAndMissing() {
        let line = #"{"type":"progress","p":{"status": "downloading", "downloaded_bytes": 5, "total_bytes": null, "total_bytes_estimate": Infinity, "speed": NaN, "eta": -Infinity, "elapsed": NaN}}"#
        #expect(YtDlpOutputParser.parse(line) == .progress(YtDlpProgress(
            status: .downloading, progress: DownloadProgress(downloadedBytes: 5, totalBytes: nil, speed: nil, eta: nil)
        )))
        let info = #"{"type":"info","info":{"id": "a", "title": null, "duration": NaN}}"#
        #expect(YtDlpOutputParser.parse(info) == .info(YtDlpMediaInfo(id: "a")))
        let empty = #"{"type":"progress","p":{}}"#
        #expect(YtDlpOutputParser.parse(empty) == .other(empty))
        let done = #"{"type":"done","filepath":NA}"#
        #expect(YtDlpOutputParser.parse(done) == .other(done))
    }

    // The templates are written from the same coding keys, so yt-dlp prints no others; like any
    // Decodable, the parser skips keys it does not know (the hand-written reader refused them).
    @Test("keys the template does not ask for are skipped")
    func unknownKeys() {
        let line = #"{"type":"progress","p":{"status": "downloading", "downloaded_bytes": 7, "x": [1, {"y": null}]}, "z": 1}"#
        #expect(YtDlpOutputParser.parse(line) == .progress(YtDlpProgress(
            status: .downloading, progress: DownloadProgress(downloadedBytes: 7, totalBytes: nil)
        )))
    }

    @Test("anything else is .other, unchanged", arguments: [
        "[download] Resuming download at byte 1047552",
        "",
        "{not json",
        #"{"type":"progress","p":{"status": "downloading", "downloaded_bytes": 5"#,
        #"{"type":"progress","p":{"downloaded_bytes": 5}}"#,
        #"{"type":"progress","p":{"status": "downloading", "speed": [1]}}"#,
        #"{"type":"done"}"#,
        #"{"type":"later","filepath":"/x"}"#,
        #"{"type":"progress","p":{"status": 3}}"#,
    ])
    func other(line: String) {
        #expect(YtDlpOutputParser.parse(line) == .other(line))
    }

    // Speed is measured by `make bench` (ytq-bench), not asserted here.
    @Test("parsing the same line 50,000 times gives the same progress every time")
    func repeatable() {
        var total: Int64 = 0
        do {
            for _ in 0..<50_000 {
                if case .progress(let progress) = YtDlpOutputParser.parse(Self.realDownloading) {
                    total += progress.progress.downloadedBytes
                }
            }
        }
        #expect(total == 523_264 * 50_000)
    }
}
