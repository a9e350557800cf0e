using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// Runs the real web app (the build output of src/GeneralistischWerkt.Training.Web) as a separate process on a free
/// loopback port, in Development (so the demo accounts are seeded) with its own empty data folder.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private Process? process;
    private readonly StringBuilder log = new();

    /// <param name="settings">Extra configuration as environment variables (e.g. "Security__SignInPerMinute").</param>
    public AppServer(string environment = "Development", IReadOnlyDictionary<string, string>? settings = null)
    {
        Environment = environment;
        Settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        DataDirectory = Path.Combine(Path.GetTempPath(), "gwt-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Port = FreePort();
    }

    public string Environment { get; }

    /// <summary>Extra configuration for the next start, as environment variables.</summary>
    public Dictionary<string, string> Settings { get; }
    public string DataDirectory { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string Log { get { lock (log) return log.ToString(); } }

    public async Task StartAsync()
    {
        var (projectDir, dll) = LocateWebApp();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(projectDir);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = Environment;
        info.Environment["ASPNETCORE_URLS"] = BaseUrl;
        info.Environment["Storage__DataDirectory"] = DataDirectory;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // The whole suite signs in from one address; tests of the per-address limit set their own.
        info.Environment["Security__SignInPerMinute"] = "10000";
        foreach (var (key, value) in Settings) info.Environment[key] = value;

        process = Process.Start(info) ?? throw new InvalidOperationException("Kon de app niet starten.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"De app stopte meteen (code {process.ExitCode}):\n{Log}");
            try
            {
                var response = await http.GetAsync($"{BaseUrl}/account/aanmelden");
                // A redirect counts too: in Production with an https port, plain http is redirected to https.
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TemporaryRedirect) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"De app antwoordde niet binnen 60 seconden:\n{Log}");
    }

    /// <summary>Runs the app once as a command (for example create-admin) against this server's data folder.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var (projectDir, dll) = LocateWebApp();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = Environment;
        info.Environment["Storage__DataDirectory"] = DataDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var command = Process.Start(info) ?? throw new InvalidOperationException("Kon de app niet starten.");
        if (standardInput is not null) await command.StandardInput.WriteAsync(standardInput);
        command.StandardInput.Close();
        var output = command.StandardOutput.ReadToEndAsync();
        var error = command.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await command.WaitForExitAsync(timeout.Token);
        return (command.ExitCode, await output + await error);
    }

    public async Task StopAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public async Task StartIfStoppedAsync()
    {
        if (process is null || process.HasExited) await StartAsync();
    }

    /// <summary>Stops and starts the app on the same port and data folder, as a server restart would.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    private static (string ProjectDir, string Dll) LocateWebApp()
    {
        var projectDir = Path.Combine(Repository.Root, "src", "GeneralistischWerkt.Training.Web");
        // Same configuration as this test assembly (bin/<Configuration>/net10.0/).
        var configuration = typeof(AppServer).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        var dll = Path.Combine(projectDir, "bin", configuration, "net10.0", "GeneralistischWerkt.Training.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Web-app niet gebouwd: " + dll);
        return (projectDir, dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
