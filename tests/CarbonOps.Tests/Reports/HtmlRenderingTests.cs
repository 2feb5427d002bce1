using System;
using System.Collections;
using System.IO;
using System.Text;
using CarbonOps.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace CarbonOps.Tests.Reports
{
    /// <summary>
    /// Renders the HTML report of the sample home in headless chromium, as a desktop page, a phone page
    /// and a printed PDF, and looks at the pixels. The screenshots are kept in out/screenshots/ for a person to look at.
    /// </summary>
    public class HtmlRenderingTests
    {
        private static readonly (int R, int G, int B) FailRed = (0xb4, 0x23, 0x18);
        private static readonly (int R, int G, int B) WaivedGrey = (0x47, 0x54, 0x67);
        private static readonly (int R, int G, int B) Ink = (0x10, 0x18, 0x28);

        private readonly ITestOutputHelper output;

        public HtmlRenderingTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [ChromiumFact]
        public void TheReportRendersOnADesktopAPhoneAndPaper()
        {
            using var temp = new TempFolder();
            var html = WriteReport(temp);
            var kept = Directory.CreateDirectory(Path.Combine(TestPaths.RepoRoot, "out", "screenshots")).FullName;

            var desktop = Screenshot(temp, html, 1280, 1400, Path.Combine(kept, "report-desktop.png"));
            Assert.Equal((1280, 1400), (desktop.Width, desktop.Height));
            Assert.True(desktop.Count(Ink.R, Ink.G, Ink.B, 40) > 5000, "the page has text");
            // The Fail badges and the red left border of each failed finding.
            Assert.True(desktop.Count(FailRed.R, FailRed.G, FailRed.B) > 1000, "failed findings are marked in red");
            Assert.True(desktop.Count(WaivedGrey.R, WaivedGrey.G, WaivedGrey.B, 6) > 300, "the waived finding is marked in grey");
            // The first screen already shows a failure (worst first): red in its top half.
            Assert.True(desktop.Count(FailRed.R, FailRed.G, FailRed.B, top: 0, bottom: 700) > 100);

            var phone = Screenshot(temp, html, 390, 1600, Path.Combine(kept, "report-phone.png"));
            Assert.Equal(390, phone.Width);
            Assert.True(phone.Count(FailRed.R, FailRed.G, FailRed.B) > 500, "failed findings show on a phone");
            // Nothing is wider than a phone: a copy of the page with a measuring script paints a green square
            // in the corner when no element overflows, and a magenta one when something does.
            var measured = Path.Combine(temp.Path, "measured.html");
            File.WriteAllText(measured, File.ReadAllText(html).Replace("</body>",
                "<script>var d=document.createElement('div');d.style.cssText='position:fixed;top:0;left:0;width:30px;height:30px';document.body.appendChild(d);" +
                "function m(){var bad=0;document.querySelectorAll('body,.scroll,.finding,table,h2,dd').forEach(function(e){if(e.scrollWidth>e.clientWidth+1)bad++});" +
                "d.style.background=bad?'#ff00ff':'#00ff00'}m();window.addEventListener('resize',m)</script></body>"));
            // (headless chromium lays the page out at 500 px first, then resizes to the window: measure again on resize.)
            var probe = Screenshot(temp, measured, 390, 844, Path.Combine(temp.Path, "measured.png"));
            Assert.True(probe.Count(0xff, 0x00, 0xff, 0) == 0, "something is wider than a 390 px phone screen");
            Assert.True(probe.Count(0x00, 0xff, 0x00, 0) > 500, "the measuring script ran");

            var pdf = Path.Combine(kept, "report-print.pdf");
            var (code, log) = ExternalTool.Run(ExternalTool.Chromium, Args(temp, html, "--print-to-pdf=" + pdf, "--no-pdf-header-footer"), TimeSpan.FromSeconds(90));
            Assert.True(code == 0, log);
            var head = Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 5);
            Assert.Equal("%PDF-", head);
            output.WriteLine($"Screenshots and PDF in {kept}");
        }

        /// <summary>The HTML report of the sample home, with one waived failure.</summary>
        internal static string WriteReport(TempFolder temp)
        {
            using var ps = new PowerShellRunner();
            var waivers = temp.Write("w.json", "[ { \"CheckId\": \"Database.EmbeddedH2\", \"Reason\": \"Moves to MySQL in Q3 (CHG-1234)\", \"Expires\": \"2999-12-31\" } ]");
            var path = Path.Combine(temp.Path, "report.html");
            var run = ps.Run("param($h, $w, $p) Test-CarbonHost -ProductHome $h -WaiverPath $w | Export-CarbonReport -Path $p",
                new Hashtable { ["h"] = TestPaths.SampleHome, ["w"] = waivers, ["p"] = path });
            Assert.Empty(run.Errors);
            return path;
        }

        private static Png Screenshot(TempFolder temp, string html, int width, int height, string png)
        {
            File.Delete(png);
            var (code, log) = ExternalTool.Run(ExternalTool.Chromium, Args(temp, html, $"--window-size={width},{height}", "--screenshot=" + png), TimeSpan.FromSeconds(90));
            Assert.True(code == 0 && File.Exists(png), $"chromium exited with {code}: {log}");
            return Png.Load(png);
        }

        private static string[] Args(TempFolder temp, string html, params string[] extra)
        {
            var common = new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + Path.Combine(temp.Path, "chromium-profile"),
            };
            var all = new string[common.Length + extra.Length + 1];
            common.CopyTo(all, 0);
            extra.CopyTo(all, common.Length);
            all[all.Length - 1] = new Uri(html).AbsoluteUri;
            return all;
        }
    }
}
