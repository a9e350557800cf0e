namespace GeneralistischWerkt.Training.LoadDriver.Tests;

public class LoadOptionsTests
{
    [Fact]
    public void Reads_users_think_time_and_duration_with_units()
    {
        var options = LoadOptions.Parse(["--users", "500", "--think", "10s", "--duration", "2m", "--ramp", "1500ms"]);
        Assert.Equal(500, options.Users);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Think);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.Ramp);
        Assert.Equal("load7@load.gwt.test", string.Format(options.EmailFormat, 7));
    }

    [Fact]
    public void Refuses_a_duration_without_unit_and_too_few_users()
    {
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--think", "10"]));
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--users", "0"]));
    }
}
