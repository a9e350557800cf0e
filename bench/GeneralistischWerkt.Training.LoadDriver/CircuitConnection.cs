using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace GeneralistischWerkt.Training.LoadDriver;

/// <summary>
/// The SignalR client side of one circuit, cut down to what the driver uses: negotiate, a WebSocket, the "blazorpack"
/// handshake, hub invocations both ways, completions and pings (the SignalR hub protocol, with the messages themselves
/// read and written by ASP.NET Core's own MessagePack protocol, <see cref="BlazorPackProtocol"/>).
/// Why not SignalR's HubConnection: each one runs a timer that ticks every second (and its WebSocket a keep-alive timer
/// of its own). With thousands of players, .NET's timer queue walked those timers over and over: 9 % of the driver's
/// CPU in a profile at 1,500 players, and growing faster than the number of players. Here one loop looks at every open
/// connection once a second and pings the ones that sent nothing for 15 s, as blazor.web.js does (its SignalR client
/// moves the next ping on with every message it sends, so a player who clicks every 10 s never pings); the socket has
/// no keep-alive timer.
/// </summary>
public sealed class CircuitConnection : IAsyncDisposable, IInvocationBinder
{
    private static readonly BlazorPackProtocol Protocol = new();
    private const long KeepAliveMs = 15_000;
    private static readonly ConcurrentDictionary<CircuitConnection, byte> Open = new();
    private static int pinging;
    private static readonly ConcurrentDictionary<string, StrongBox<long>> SentByTarget = new(StringComparer.Ordinal);

    /// <summary>
    /// Hub messages all connections sent so far, per method (and "ping"): the report divides them by the
    /// choices made, which shows what a change of the page adds or saves per choice.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Sent =>
        SentByTarget.ToDictionary(pair => pair.Key, pair => Interlocked.Read(ref pair.Value.Value), StringComparer.Ordinal);

    private static void CountSent(string target) =>
        Interlocked.Increment(ref SentByTarget.GetOrAdd(target, _ => new StrongBox<long>()).Value);

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly Dictionary<string, (Type[] Types, Func<object?[], Task> Handler)> handlers = [];
    private readonly ConcurrentDictionary<string, (Type Type, TaskCompletionSource<object?> Result)> invocations = new();
    private int nextInvocationId;
    private long lastSentMs = Environment.TickCount64;
    private Task? receiving;
    private volatile bool disposing;

    /// <summary>The connection ended without <see cref="DisposeAsync"/>: the server closed it or it broke.</summary>
    public event Func<Exception?, Task>? Closed;

    /// <summary>Handles the server's invocations of <paramref name="target"/>; the arguments arrive as <paramref name="types"/>.</summary>
    public void On(string target, Type[] types, Func<object?[], Task> handler) => handlers[target] = (types, handler);

    /// <summary>Negotiates at <paramref name="hub"/> (with the client's cookies) and opens the WebSocket with the handshake.</summary>
    public async Task StartAsync(Uri hub, HttpClient http, CookieContainer cookies, bool acceptAnyCertificate, CancellationToken cancel)
    {
        using var negotiate = await http.PostAsync(new Uri(hub, hub.AbsolutePath.TrimEnd('/') + "/negotiate?negotiateVersion=1"), null, cancel);
        negotiate.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await negotiate.Content.ReadAsStringAsync(cancel))?["connectionToken"]?.GetValue<string>()
            ?? throw new LoadDriverException("SignalR: het antwoord op negotiate had geen connectionToken.");

        var address = new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws", Query = "id=" + Uri.EscapeDataString(token) }.Uri;
        socket.Options.Cookies = cookies;
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (acceptAnyCertificate) socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        await socket.ConnectAsync(address, cancel);

        // The handshake is JSON ended by the record separator 0x1E, also for a binary protocol.
        await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"protocol\":\"{Protocol.Name}\",\"version\":{Protocol.Version}}}\u001e"),
            WebSocketMessageType.Text, true, cancel);
        var received = new ArrayBufferWriter<byte>();
        int separator;
        while ((separator = received.WrittenSpan.IndexOf((byte)0x1e)) < 0)
        {
            var result = await socket.ReceiveAsync(received.GetMemory(1024), cancel);
            if (result.MessageType == WebSocketMessageType.Close) throw new LoadDriverException("SignalR: de server sloot tijdens de handshake.");
            received.Advance(result.Count);
        }
        var answer = JsonNode.Parse(received.WrittenSpan[..separator]);
        if (answer?["error"]?.GetValue<string>() is { } error) throw new LoadDriverException($"SignalR-handshake geweigerd: {error}");
        var rest = received.WrittenSpan[(separator + 1)..].ToArray();

        Open.TryAdd(this, 0);
        if (Interlocked.Exchange(ref pinging, 1) == 0) _ = Task.Run(PingAllAsync);
        receiving = Task.Run(() => ReceiveAsync(rest));
    }

    public bool IsOpen => receiving is { IsCompleted: false } && socket.State == WebSocketState.Open;

    /// <summary>Breaks the connection without a close handshake, as a failing network does.</summary>
    public void Abort() => socket.Abort();

    /// <summary>A hub method call without an answer (SignalR's "send").</summary>
    public Task SendAsync(string target, object?[] arguments, CancellationToken cancel = default)
    {
        CountSent(target);
        return WriteAsync(new InvocationMessage(target, arguments), cancel);
    }

    /// <summary>A hub method call whose result comes back in a completion message.</summary>
    public async Task<T> InvokeAsync<T>(string target, object?[] arguments, CancellationToken cancel = default)
    {
        var id = Interlocked.Increment(ref nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        invocations[id] = (typeof(T), result);
        CountSent(target);
        await WriteAsync(new InvocationMessage(id, target, arguments), cancel);
        await using var cancelled = cancel.Register(() => result.TrySetCanceled(cancel));
        return (T)(await result.Task)!;
    }

    private async Task WriteAsync(HubMessage message, CancellationToken cancel)
    {
        var bytes = Protocol.GetMessageBytes(message);
        Volatile.Write(ref lastSentMs, Environment.TickCount64);
        await sending.WaitAsync(cancel);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Binary, true, cancel);
        }
        finally
        {
            sending.Release();
        }
    }

    private async Task ReceiveAsync(byte[] start)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        buffer.Write(start);
        Exception? failure = null;
        try
        {
            if (!await DrainAsync(buffer)) return;
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(16 * 1024), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return;
                buffer.Advance(result.Count);
                if (result.EndOfMessage && !await DrainAsync(buffer)) return;
            }
        }
        catch (Exception exception) when (!disposing)
        {
            failure = exception;
        }
        catch
        {
            // Closing on purpose breaks the receive.
        }
        finally
        {
            Open.TryRemove(this, out _);
            foreach (var (_, pending) in invocations) pending.Result.TrySetException(failure ?? new WebSocketException("De verbinding is gesloten."));
            invocations.Clear();
            if (!disposing && Closed is { } closed) _ = Task.Run(() => closed(failure));
        }
    }

    /// <summary>Handles every whole message in <paramref name="buffer"/> and keeps the rest; false when the server closes.</summary>
    private async Task<bool> DrainAsync(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.WrittenCount == 0) return true;
        var input = new ReadOnlySequence<byte>(buffer.WrittenMemory);
        while (Protocol.TryParseMessage(ref input, this, out var message))
            if (!await DispatchAsync(message)) return false;
        var partial = input.ToArray();
        buffer.ResetWrittenCount();
        buffer.Write(partial);
        return true;
    }

    /// <summary>Handles one message from the server; false when the server closes the connection.</summary>
    private async Task<bool> DispatchAsync(HubMessage message)
    {
        switch (message)
        {
            case InvocationMessage invocation when handlers.TryGetValue(invocation.Target, out var handler):
                await handler.Handler(invocation.Arguments);
                return true;
            case CompletionMessage completion when invocations.TryRemove(completion.InvocationId!, out var pending):
                if (completion.Error is { } error) pending.Result.TrySetException(new HubException(error));
                else pending.Result.TrySetResult(completion.Result);
                return true;
            case CloseMessage:
                return false;
            default:
                // Pings, and invocations of targets the driver does not handle (as HubConnection ignores them).
                return true;
        }
    }

    private static async Task PingAllAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync())
        {
            var now = Environment.TickCount64;
            foreach (var connection in Open.Keys)
            {
                if (now - Volatile.Read(ref connection.lastSentMs) < KeepAliveMs) continue;
                CountSent("ping");
                try { await connection.WriteAsync(PingMessage.Instance, CancellationToken.None); }
                catch { } // a broken connection reports itself through its receive loop
            }
        }
    }

    Type IInvocationBinder.GetReturnType(string invocationId) =>
        invocations.TryGetValue(invocationId, out var pending) ? pending.Type : typeof(object);

    IReadOnlyList<Type> IInvocationBinder.GetParameterTypes(string methodName) =>
        handlers.TryGetValue(methodName, out var handler) ? handler.Types : throw new InvalidOperationException($"Geen handler voor {methodName}.");

    Type IInvocationBinder.GetStreamItemType(string streamId) => throw new NotSupportedException("De driver gebruikt geen streams.");

    public async ValueTask DisposeAsync()
    {
        disposing = true;
        Open.TryRemove(this, out _);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch { } // the server may be gone already
        socket.Abort();
        if (receiving is not null) await receiving;
        socket.Dispose();
    }
}
