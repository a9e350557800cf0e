namespace GeneralistischWerkt.Training.LoadDriver.Tests;

/// <summary>Replays what the load driver captured from the running app, message by message, into a RenderedPage.</summary>
public static class Captured
{
    public static IReadOnlyList<string> Files(string circuit) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", circuit), "*.bin").Order(StringComparer.Ordinal).ToList();

    public static byte[] Batch(string circuit, int number) =>
        File.ReadAllBytes(Files(circuit).Single(f => Path.GetFileName(f) == $"{number:000}-batch.bin"));

    /// <summary>The page after the messages up to and including number <paramref name="upTo"/>.</summary>
    public static RenderedPage PageAfter(string circuit, int upTo)
    {
        var page = new RenderedPage();
        foreach (var file in Files(circuit))
        {
            var name = Path.GetFileName(file);
            if (int.Parse(name[..3]) > upTo) break;
            var data = File.ReadAllBytes(file);
            if (name.EndsWith("-attach.bin")) page.AttachRoot(BitConverter.ToInt32(data));
            else page.Apply(RenderBatch.Parse(data));
        }
        return page;
    }
}
