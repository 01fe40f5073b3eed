import Foundation
import YTQCore

/// What a view needs besides the state: the clock, the time zone to show times in, and the
/// characters the terminal can show.
struct RenderContext {
    var now: Date
    var zone: CivilTime.Zone
    var glyphs: Glyphs = .unicode
}
