import FileFormats
import Figures
import Foundation
import GANCore
import Testing

/// The Cairo canvas: shapes, dashes, images and text land where they are asked to.
@Suite struct CanvasTests {
    // MARK: Failures

    @Test func cairoFailure_isReportedWhereTheFigureIsWritten_notATrap() throws {
        // An image wider than Cairo's largest surface cannot become a source surface.
        let tooWide = RasterImage(width: Canvas.maximumSide + 1, height: 1, format: .gray,
                                  pixels: [UInt8](repeating: 128, count: Canvas.maximumSide + 1))
        var canvas = Canvas(width: 20, height: 20)
        canvas.draw(tooWide, x: 0, y: 0)
        let panel = canvas.image
        #expect(panel.drawingProblem?.contains("cairo failed creating a 32768×1 surface") == true, "\(panel.drawingProblem ?? "no problem")")
        // A figure that holds the failed panel fails too, and writing it says why.
        var figure = Canvas(width: 40, height: 40)
        figure.draw(panel, x: 0, y: 0)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("failed-\(UUID().uuidString).png")
        #expect { try figure.image.write(to: url) } throws: { error in
            (error as? ImageFileError)?.kind == .unwritable && "\(error)".contains("cannot draw the figure")
        }
        #expect(!FileManager.default.fileExists(atPath: url.path), "a failed figure was written")
        // Negative control: an image Cairo can hold draws and writes.
        var fine = Canvas(width: 20, height: 20)
        fine.draw(RasterImage(width: 4, height: 1, format: .gray, pixels: [0, 64, 128, 255]), x: 0, y: 0)
        #expect(fine.image.drawingProblem == nil)
        try fine.image.write(to: url)
        try? FileManager.default.removeItem(at: url)
    }

    // MARK: Lines

    @Test func strokeLine_dashedAndDotted_leaveGapsWhileSolidDoesNot() {
        func runs(_ style: LineStyle) -> Int {
            var canvas = Canvas(width: 200, height: 20)
            canvas.strokeLine(from: PlotPoint(10, 10), to: PlotPoint(190, 10), color: .blue, width: 2, style: style)
            return inkRuns(in: canvas.image, row: 10)
        }
        // The solid line is the negative control: one run, no gaps.
        #expect(runs(.solid) == 1)
        #expect(runs(.dashed) >= 10)
        #expect(runs(.dotted) > runs(.dashed))
        #expect(runs(.dashDotted) >= 10)
    }

    @Test func strokePolyline_throughInfinity_drawsBothFinitePieces() {
        var canvas = Canvas(width: 200, height: 20)
        canvas.strokePolyline([PlotPoint(10, 10), PlotPoint(80, 10), PlotPoint(.infinity, 10), PlotPoint(120, 10), PlotPoint(190, 10)],
                              color: .blue, width: 2)
        #expect(inkRuns(in: canvas.image, row: 10) == 2)
    }

    @Test func drawArrow_putsItsHeadAtTheTip() {
        var canvas = Canvas(width: 100, height: 40)
        canvas.drawArrow(from: PlotPoint(10, 20.5), to: PlotPoint(90, 20.5), color: .vermillion, width: 1.5)
        let image = canvas.image
        // The head is wider than the shaft near the tip, not at the tail.
        #expect(image.color(x: 83, y: 18) != .white)
        #expect(image.color(x: 15, y: 18) == .white)
        #expect(image.color(x: 50, y: 20) == .vermillion)
    }

    @Test func clip_discardsDrawingOutsideIt() {
        var canvas = Canvas(width: 100, height: 100)
        canvas.clip = PlotRect(x: 0, y: 0, width: 50, height: 100)
        canvas.fillRectangle(PlotRect(x: 10, y: 10, width: 80, height: 80), color: .green)
        let ink = inkBounds(canvas.image)
        #expect(ink.map { $0.minX == 10 && $0.maxX == 49 } == true, "ink \(String(describing: ink))")
        // Negative control: without the clip the rectangle reaches its own right edge.
        canvas.clip = nil
        canvas.fillRectangle(PlotRect(x: 10, y: 10, width: 80, height: 80), color: .green)
        #expect(inkBounds(canvas.image)?.maxX == 89)
    }

    @Test func fillPolygon_withFarOffVertices_fillsTheVisiblePart() {
        var canvas = Canvas(width: 100, height: 100)
        // A triangle whose far corners lie beyond what Cairo's fixed-point numbers hold.
        canvas.fillPolygon([PlotPoint(0, 0), PlotPoint(1e300, 0), PlotPoint(0, 1e300)], color: .green)
        #expect(canvas.image.color(x: 99, y: 0) == .green && canvas.image.color(x: 0, y: 99) == .green)
    }

    // MARK: Images

    @Test func drawImage_atThreeTimes_keepsEveryPixelASharpSquare() {
        // A checkerboard: interpolation would blur every edge of it.
        let pixels = (0..<64).map { i -> UInt8 in (i / 8 + i % 8) % 2 == 0 ? 0 : 255 }
        let sample = RasterImage(width: 8, height: 8, format: .gray, pixels: pixels)
        var canvas = Canvas(width: 40, height: 40, background: .orange)
        canvas.draw(sample, x: 5, y: 7, scale: 3)
        let image = canvas.image
        #expect(isBlocky(image, x: 5, y: 7, width: 24, height: 24, block: 3))
        #expect(image.color(x: 5, y: 7) == .black && image.color(x: 8, y: 7) == .white)
        #expect(inkBounds(image, background: .orange).map { [$0.minX, $0.minY, $0.maxX, $0.maxY] } == [5, 7, 28, 30])

        // Negative control: the same board with each block's edge softened is not blocky.
        var soft = image
        for y in 7..<31 {
            for x in 5..<29 where (x - 5) % 3 == 2 {
                let i = (y * soft.width + x) * 3
                for k in 0..<3 { soft.pixels[i + k] = 128 }
            }
        }
        #expect(!isBlocky(soft, x: 5, y: 7, width: 24, height: 24, block: 3))
    }

    // MARK: Text

    @Test func textWidth_growsWithTheText_andMatchesTheInk() {
        let style = TextStyle(scale: 1)
        let short = "log D", long = "log D(G(z))"
        #expect(style.width(of: long) > style.width(of: short))
        #expect(style.width(of: "") == 0)
        #expect(TextStyle(scale: 2).width(of: short) > style.width(of: short))
        #expect(TextStyle(scale: 1, bold: true).width(of: long) > style.width(of: long))

        func ink(_ text: String) -> Int {
            var canvas = Canvas(width: 300, height: 40)
            canvas.drawText(text, at: PlotPoint(10, 10), style: style, vertical: .top)
            return inkBounds(canvas.image).map { $0.maxX - 10 + 1 } ?? 0
        }
        // The measure is the pen's advance: the ink fits in it, give or take a side bearing.
        #expect(abs(ink(long) - style.width(of: long)) <= 2)
        // Negative control: the longer text's ink does not fit the shorter text's measure.
        #expect(ink(long) > style.width(of: short) + 2)
    }

    @Test func text_staysInsideItsBox_atEveryAlignment() {
        let style = TextStyle(scale: 2, color: .black)
        let text = "GAN ½ σ² η § −log 4"
        let width = style.width(of: text), height = style.glyphHeight
        for (horizontal, left) in [(HorizontalAlignment.left, 50), (.center, 50 - width / 2), (.right, 50 - width)] {
            var canvas = Canvas(width: 400, height: 80)
            canvas.drawText(text, at: PlotPoint(50, 20), style: style, horizontal: horizontal, vertical: .top)
            let ink = inkBounds(canvas.image)
            #expect(ink != nil)
            if let ink {
                #expect(ink.minX >= left - 1 && ink.maxX <= left + width + 1, "\(horizontal): ink \(ink.minX)...\(ink.maxX)")
                #expect(ink.minY >= 20 - 1 && ink.maxY <= 20 + height, "\(horizontal): ink \(ink.minY)...\(ink.maxY)")
            }
        }
        // Capitals are most of the box, descenders the rest.
        #expect(style.capHeight > 10 && style.capHeight < style.glyphHeight && style.glyphHeight < style.lineHeight + 2)
    }

    @Test func rotatedText_readsUpwards_inABoxTallerThanWide() {
        let style = TextStyle(scale: 1, bold: true)
        let text = "mean of V(D, G)"
        var canvas = Canvas(width: 60, height: 200)
        canvas.drawText(text, at: PlotPoint(10, 100), style: style, horizontal: .left, vertical: .center, rotated: true)
        let ink = inkBounds(canvas.image)
        #expect(ink != nil)
        if let ink {
            let inkWidth = ink.maxX - ink.minX + 1, inkHeight = ink.maxY - ink.minY + 1
            #expect(inkHeight > 3 * inkWidth)
            #expect(abs(inkHeight - style.width(of: text)) <= 3)
            #expect(ink.minX >= 9 && ink.maxX <= 10 + style.glyphHeight)
            #expect(abs((ink.minY + ink.maxY) / 2 - 100) <= 2, "not centred on its anchor: \(ink.minY)...\(ink.maxY)")
        }
        // Negative control: the same text unrotated is wider than tall.
        var flat = Canvas(width: 200, height: 60)
        flat.drawText(text, at: PlotPoint(10, 30), style: style)
        #expect(inkBounds(flat.image).map { $0.maxX - $0.minX > 3 * ($0.maxY - $0.minY) } == true)
    }

    @Test func halo_outlinesTheTextInItsColour() {
        var style = TextStyle(scale: 1, color: .black, halo: .yellow)
        var canvas = Canvas(width: 100, height: 30)
        canvas.drawText("−log 4", at: PlotPoint(10, 20), style: style)
        #expect(canvas.image.contains(.yellow) && canvas.image.contains(.black))
        // Negative control: without a halo no yellow appears.
        style.halo = nil
        var plain = Canvas(width: 100, height: 30)
        plain.drawText("−log 4", at: PlotPoint(10, 20), style: style)
        #expect(!plain.image.contains(.yellow))
    }
}
