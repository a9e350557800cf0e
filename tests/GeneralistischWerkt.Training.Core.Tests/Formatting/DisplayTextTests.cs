using GeneralistischWerkt.Training.Core.Formatting;

namespace GeneralistischWerkt.Training.Core.Tests.Formatting;

public class DisplayTextTests
{
    public static TheoryData<char> BidiControls =>
        ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

    [Theory]
    [MemberData(nameof(BidiControls))]
    public void Every_bidirectional_formatting_character_is_found_and_removed(char control)
    {
        var text = $"{control}Ann{control}{control} Coach{control}";
        Assert.True(DisplayText.HasBidiControls(text));
        Assert.Equal("Ann Coach", DisplayText.Neutralise(text));
        Assert.False(DisplayText.HasBidiControls(DisplayText.Neutralise(text)));
    }

    [Theory]
    [InlineData("Ann Coach")]
    [InlineData("Zoë Ölçer-Nguyễn")]
    [InlineData("سارة")] // right-to-left letters themselves are fine; only the invisible controls go
    [InlineData("👩‍🦰 team\u200D")] // the zero-width joiner is not a direction control
    [InlineData("")]
    public void Text_without_controls_is_returned_unchanged(string text)
    {
        Assert.False(DisplayText.HasBidiControls(text));
        Assert.Same(text, DisplayText.Neutralise(text));
    }

    [Fact]
    public void The_classic_spoof_reads_as_typed_once_neutralised()
    {
        // "Ann" + RIGHT-TO-LEFT OVERRIDE + "nimda" would show as "Annadmin" reversed: after neutralising the
        // letters are in their real order.
        Assert.Equal("Annnimda", DisplayText.Neutralise("Ann\u202Enimda"));
        Assert.Equal("", DisplayText.Neutralise(null));
        Assert.Contains("U+202E", DisplayText.BidiMessage("De naam"));
    }
}
