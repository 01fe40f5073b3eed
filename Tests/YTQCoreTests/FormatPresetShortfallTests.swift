import Testing
import YTQCore

/// What a preset promised against what the file has.
@Suite("Preset shortfall")
struct FormatPresetShortfallTests {
    @Test("a height preset says when only taller video existed", arguments: [
        (FormatPreset.p720, 1080, "720p asked, 1080p is the smallest available"),
        (FormatPreset.p480, 720, "480p asked, 720p is the smallest available"),
        (FormatPreset.p1080, 2160, "1080p asked, 2160p is the smallest available"),
    ])
    func tooTall(preset: FormatPreset, height: Int, note: String) {
        #expect(preset.shortfall(height: height, videoCodec: "avc1.64001f", container: "mp4") == note)
    }

    @Test("a height preset that fits, or a height nobody knows, says nothing")
    func fits() {
        #expect(FormatPreset.p720.shortfall(height: 720, videoCodec: nil, container: "mp4") == nil)
        #expect(FormatPreset.p720.shortfall(height: 360, videoCodec: nil, container: "webm") == nil)
        #expect(FormatPreset.p720.shortfall(height: nil, videoCodec: nil, container: "mp4") == nil)
        #expect(FormatPreset.best.shortfall(height: 4320, videoCodec: "vp9", container: "webm") == nil)
    }

    @Test("mp4 says when the source had no H.264 in MP4")
    func mp4() {
        #expect(FormatPreset.mp4.shortfall(height: 360, videoCodec: "vp9", container: "webm")
            == "mp4 asked, the source has no H.264 in MP4: got webm, vp9")
        #expect(FormatPreset.mp4.shortfall(height: 360, videoCodec: "vp09.00.10.08", container: "mp4")
            == "mp4 asked, the source has no H.264 in MP4: got mp4, vp09")
        #expect(FormatPreset.mp4.shortfall(height: 360, videoCodec: "avc1.64001f", container: "mp4") == nil)
        #expect(FormatPreset.mp4.shortfall(height: nil, videoCodec: nil, container: "mp4") == nil)
        #expect(FormatPreset.mp4.shortfall(height: nil, videoCodec: "none", container: "MP4") == nil)
    }
}
