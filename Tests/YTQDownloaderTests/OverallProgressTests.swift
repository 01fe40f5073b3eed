import Testing
import YTQCore
@testable import YTQDownloader

/// One figure for a run: a merge's formats weighed by size, never going down, phases after.
@Suite("Overall progress")
struct OverallProgressTests {
    private func report(_ status: YtDlpProgress.Status, _ downloaded: Int64, of total: Int64?, speed: Double? = nil) -> YtDlpProgress {
        YtDlpProgress(status: status, progress: DownloadProgress(downloadedBytes: downloaded, totalBytes: total, speed: speed))
    }

    private func merge(_ formats: [YtDlpRequestedFormat], duration: Double? = nil) -> OverallProgress {
        var overall = OverallProgress()
        overall.accept(YtDlpMediaInfo(duration: duration, requestedFormats: formats))
        return overall
    }

    @Test("a single file passes through unchanged")
    func singleFile() {
        var overall = OverallProgress()
        overall.accept(YtDlpMediaInfo(id: "x"))
        let progress = overall.accept(report(.downloading, 250, of: 1000, speed: 100))
        #expect(progress.downloadedBytes == 250)
        #expect(progress.totalBytes == 1000)
        #expect(progress.percentage == 25)
        #expect(progress.eta == 8)
        #expect(progress.phase == nil)
        #expect(overall.accept(report(.finished, 1000, of: 1000)).phase == .finishing)
    }

    @Test("video then audio: weighed by their sizes, one rising figure, not 100% → 11% → 100%")
    func mergeBySize() {
        var overall = merge([YtDlpRequestedFormat(filesize: 9000), YtDlpRequestedFormat(filesize: 1000)])
        var figures: [Double] = []
        for step in [report(.downloading, 4500, of: 9000), report(.finished, 9000, of: 9000),
                     report(.downloading, 100, of: 1000), report(.downloading, 500, of: 1000), report(.finished, 1000, of: 1000)] {
            figures.append(overall.accept(step).percentage ?? -1)
        }
        #expect(figures.map { ($0 * 10).rounded() / 10 } == [45, 90, 91, 95, 100])
        #expect(overall.current?.downloadedBytes == 10000)
        #expect(overall.current?.totalBytes == 10000)
    }

    @Test("bitrate × duration weighs formats whose size nobody announced; unknown anything splits equally")
    func mergeByBitrate() {
        // 300 kbit/s video and 100 kbit/s audio for 10 s: 3/4 and 1/4 of the whole.
        var overall = merge([YtDlpRequestedFormat(tbr: 300), YtDlpRequestedFormat(tbr: 100)], duration: 10)
        #expect(overall.accept(report(.finished, 375_000, of: 375_000)).percentage == 75)
        var equal = merge([YtDlpRequestedFormat(tbr: 300), YtDlpRequestedFormat()], duration: 10)
        #expect(equal.accept(report(.downloading, 10, of: 20)).percentage == 25)
    }

    @Test("the figure never goes down: an estimate that grows, a format restarting from zero")
    func neverDown() {
        var overall = merge([YtDlpRequestedFormat(filesize: 1000), YtDlpRequestedFormat(filesize: 1000)])
        var last = 0.0
        for step in [report(.downloading, 600, of: 1000), report(.downloading, 610, of: 2000), report(.finished, 1000, of: 1000),
                     report(.downloading, 0, of: nil), report(.downloading, 0, of: 1000), report(.downloading, 900, of: 1000)] {
            let figure = overall.accept(step).percentage ?? 0
            #expect(figure >= last)
            last = figure
        }
        #expect(last == 95)
    }

    @Test("after the bytes, the post-processor at work is the phase; speed and ETA go")
    func phases() {
        var overall = OverallProgress(audioFormat: "mp3")
        // Read from stderr, a step can come before the byte reports read from stdout.
        #expect(overall.accept(YtDlpPostprocessStep(status: "started", postprocessor: "ExtractAudio"))?.phase == .converting(to: "mp3"))
        #expect(overall.accept(report(.finished, 500, of: 500, speed: 50)).phase == .converting(to: "mp3"))
        #expect(overall.accept(YtDlpPostprocessStep(status: "started", postprocessor: "ExtractAudio"))?.phase == .converting(to: "mp3"))
        #expect(overall.accept(YtDlpPostprocessStep(status: "finished", postprocessor: "ExtractAudio")) == nil)
        let merging = overall.accept(YtDlpPostprocessStep(status: "started", postprocessor: "Merger"))
        #expect(merging?.phase == .merging)
        #expect(merging?.phase?.description == "merging…")
        #expect(merging?.speed == nil)
        #expect(merging?.percentage == 100)
        #expect(overall.accept(YtDlpPostprocessStep(status: "started", postprocessor: "MoveFiles"))?.phase == .moving)
    }
}

/// A playlist's entries, each an equal slice of one figure.
@Suite("Overall progress of a playlist")
struct OverallPlaylistProgressTests {
    @Test("three entries: one rising figure over all of them, a failed entry skipped")
    func entries() {
        var overall = OverallProgress()
        var figures: [Double] = []
        func step(_ status: YtDlpProgress.Status, _ downloaded: Int64) {
            let report = YtDlpProgress(status: status, progress: DownloadProgress(downloadedBytes: downloaded, totalBytes: 100))
            figures.append(overall.accept(report).percentage ?? -1)
        }
        overall.accept(YtDlpMediaInfo(playlistIndex: 1, playlistCount: 3, entriesInRun: 3))
        step(.downloading, 50)
        step(.finished, 100)
        overall.accept(YtDlpMediaInfo(playlistIndex: 2, playlistCount: 3, entriesInRun: 3))
        step(.downloading, 10)
        // Entry 2 failed; entry 3 starts.
        overall.accept(YtDlpMediaInfo(playlistIndex: 3, playlistCount: 3, entriesInRun: 3))
        step(.downloading, 50)
        step(.finished, 100)
        #expect(figures.map { $0.rounded() } == [17, 33, 37, 83, 100])
        #expect(overall.current?.phase == .finishing)
    }
}
