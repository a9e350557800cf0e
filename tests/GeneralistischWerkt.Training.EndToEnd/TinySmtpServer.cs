using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// Just enough SMTP on a free loopback port to receive one message (no TLS, no authentication), so the app's real
/// SMTP client is tested against a real socket.
/// </summary>
public sealed class TinySmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource<(IReadOnlyList<string> Recipients, string Data)> received =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task loop;

    public TinySmtpServer()
    {
        listener.Start();
        loop = Task.Run(ServeOneAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Task<(IReadOnlyList<string> Recipients, string Data)> Received => received.Task;

    /// <summary>The body of the received message as plain text (quoted-printable undone).</summary>
    public static string Body(string data)
    {
        var split = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = data[..split];
        var body = data[(split + 4)..];
        if (!headers.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase)) return body;
        return Regex.Replace(body.Replace("=\r\n", ""), "=([0-9A-F]{2})",
            m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
    }

    private async Task ServeOneAsync()
    {
        try
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            var recipients = new List<string>();
            await writer.WriteLineAsync("220 localhost test-smtp");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "RCPT":
                        recipients.Add(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL" or "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..") ? dataLine[1..] : dataLine).Append("\r\n");
                        await writer.WriteLineAsync("250 OK");
                        received.TrySetResult((recipients, data.ToString()));
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Not implemented");
                        break;
                }
            }
        }
        catch (Exception e)
        {
            received.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        received.TrySetCanceled();
        try { await loop; } catch (Exception) { }
    }
}
