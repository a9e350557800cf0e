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

    [Fact]
    public void Reads_instances_behind_the_proxy_and_the_test_certificate_switch()
    {
        var plain = LoadOptions.Parse(["--users", "5"]);
        Assert.Equal(1, plain.Instances);
        Assert.False(plain.AcceptAnyCertificate);
        var cluster = LoadOptions.Parse(["--url", "https://127.0.0.1:4443", "--instances", "2", "--insecure", "--users", "5"]);
        Assert.Equal(2, cluster.Instances);
        Assert.True(cluster.AcceptAnyCertificate);
        Assert.Equal(5, cluster.Users);
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--instances", "0"]));
    }
}
