using Fukan.Rendering;
using Spectre.Console.Rendering;

namespace Fukan.Cli;

/// <summary>
/// Spectre.Console's render pipeline, through <see cref="TerminalSafety"/>: the text of every segment a widget
/// renders (titles in tables, passages in trees) is made safe; Spectre's own control codes are left alone.
/// </summary>
public sealed class SafeTerminalHook : IRenderHook
{
    public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables)
    {
        foreach (var r in renderables) yield return new Safe(r);
    }

    private sealed class Safe(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            foreach (var s in inner.Render(options, maxWidth))
                yield return s.IsControlCode || s.IsLineBreak || TerminalSafety.IsSafe(s.Text) ? s : new Segment(TerminalSafety.Sanitize(s.Text), s.Style);
        }
    }
}
