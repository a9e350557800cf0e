using System.Net;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// /healthz (the process answers) and /healthz/ready (the database and, when configured, Redis answer): anonymous,
/// and nothing but the word Healthy or Unhealthy, so a probe learns nothing about the setup.
/// </summary>
public class HealthEndpointsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Both_answer_anonymously_with_one_word()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        foreach (var path in new[] { "/healthz", "/healthz/ready" })
        {
            var response = await http.GetAsync(Fixture.App.BaseUrl + path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Without_its_Redis_an_instance_is_alive_but_not_ready_and_says_no_more()
    {
        await using var app = new AppServer(settings: new Dictionary<string, string> { ["Redis__Configuration"] = "127.0.0.1:1" });
        await app.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var live = await http.GetAsync(app.BaseUrl + "/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await http.GetAsync(app.BaseUrl + "/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}
