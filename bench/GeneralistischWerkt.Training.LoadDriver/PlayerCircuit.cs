using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GeneralistischWerkt.Training.LoadDriver;

/// <summary>
/// One simulated browser tab: a signed-in HTTP client and one Blazor Server circuit, driven the way blazor.web.js
/// drives it (CircuitManager.ts, WebRootComponentManager.ts, RenderQueue.ts of .NET 10):
/// StartCircuit → UpdateRootComponents with the prerendered markers → JS.AttachComponent + JS.RenderBatch (each
/// acknowledged with OnRenderCompleted) → clicks as DispatchEventAsync on the renderer's interop object → navigation as
/// OnLocationChanged. Every JS interop call the server makes is answered (success, null) so the circuit never waits.
/// </summary>
public sealed partial class PlayerCircuit : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly CookieContainer cookies;
    private readonly Uri baseUri;
    private readonly Action<string, byte[]>? capture;
    private readonly bool acceptAnyCertificate;
    private readonly object gate = new();
    private CircuitConnection? connection;
    private RenderedPage page = new();
    private long nextBatchId = 2; // the server's first batch id (RenderQueue.ts)
    private readonly Dictionary<long, byte[]> pendingBatches = [];
    private long interopObjectId;
    private long nextCallId;
    private string? circuitId;
    private Uri currentUri;
    private bool stopping;
    private TaskCompletionSource changed = NewSignal();

    /// <summary>Errors the server reported (JS.Error, failed .NET calls) since the last read.</summary>
    public int ServerErrors;
    public int Reconnects;

    /// <param name="acceptAnyCertificate">For a throwaway test cluster with a self-signed certificate only
    /// (scripts/cluster.sh): every TLS certificate is accepted, for the page requests and for the circuit's WebSocket.</param>
    public PlayerCircuit(Uri baseUri, Action<string, byte[]>? capture = null, bool acceptAnyCertificate = false)
    {
        this.baseUri = baseUri;
        this.capture = capture;
        this.acceptAnyCertificate = acceptAnyCertificate;
        currentUri = baseUri;
        cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        if (acceptAnyCertificate) handler.SslOptions.RemoteCertificateValidationCallback = AnyCertificate;
        http = new HttpClient(handler)
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromMinutes(5), // signing in thousands of users queues on the (deliberately slow) password hash
        };
    }

    /// <summary>Reads the rendered page while no batch is being applied.</summary>
    public T Read<T>(Func<RenderedPage, T> read)
    {
        lock (gate) return read(page);
    }

    /// <summary>Signs in through the form at /account/aanmelden, antiforgery token included.</summary>
    public async Task SignInAsync(string email, string password, CancellationToken cancel)
    {
        var form = await http.GetStringAsync("/account/aanmelden", cancel);
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(form))
        {
            var tag = input.Value;
            var name = AttributeValue(tag, "name");
            if (name is null) continue;
            var id = AttributeValue(tag, "id");
            fields[name] = id == "email" ? email : id == "wachtwoord" ? password : WebUtility.HtmlDecode(AttributeValue(tag, "value") ?? "");
        }
        if (!fields.ContainsKey("__RequestVerificationToken")) throw new LoadDriverException("Geen antiforgery-token in het aanmeldformulier.");
        using var response = await http.PostAsync("/account/aanmelden", new FormUrlEncodedContent(fields), cancel);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new LoadDriverException("Aanmelden: 429 (start de app met Security__SignInPerMinute hoog genoeg voor de belastingstest).");
        response.EnsureSuccessStatusCode();
        if (cookies.GetCookies(baseUri)["gwt.auth"] is null) throw new LoadDriverException($"Aanmelden als {email} mislukte.");
    }

    public async Task<string> GetStringAsync(string path, CancellationToken cancel)
    {
        using var response = await http.GetAsync(path, cancel);
        response.EnsureSuccessStatusCode();
        AnsweredBy = response.Headers.TryGetValues("X-Gwt-Instance", out var values) ? values.FirstOrDefault() : null;
        return await response.Content.ReadAsStringAsync(cancel);
    }

    /// <summary>
    /// Which instance behind the proxy answered the last <see cref="GetStringAsync"/> (nginx's X-Gwt-Instance header,
    /// deploy/nginx.conf); null straight from one app. The proxy's route cookie keeps this client on that instance.
    /// </summary>
    public string? AnsweredBy { get; private set; }

    private static bool AnyCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, System.Net.Security.SslPolicyErrors errors) => true;

    /// <summary>Loads <paramref name="path"/> (prerendered) and starts a circuit on it, as the browser does.</summary>
    public async Task OpenAsync(string path, CancellationToken cancel)
    {
        await CloseConnectionAsync();
        currentUri = new Uri(baseUri, path);
        var html = await http.GetStringAsync(currentUri, cancel);
        var markers = new JsonArray();
        foreach (Match comment in BlazorComment().Matches(html))
        {
            var marker = JsonNode.Parse(comment.Groups[1].Value)!.AsObject();
            if (marker["type"]?.GetValue<string>() == "server") markers.Add(marker);
        }
        if (markers.Count == 0) throw new LoadDriverException($"{path}: geen interactieve servercomponenten op de pagina.");
        var state = ServerState().Match(html) is { Success: true } m ? m.Groups[1].Value : "";

        lock (gate)
        {
            page = new RenderedPage();
            nextBatchId = 2;
            pendingBatches.Clear();
            interopObjectId = 0;
        }
        connection = BuildConnection();
        await connection.StartAsync(new Uri(baseUri, "_blazor"), http, cookies, acceptAnyCertificate, cancel);
        circuitId = await connection.InvokeAsync<string?>("StartCircuit", [baseUri.ToString(), currentUri.ToString(), "[]", state], cancel)
            ?? throw new LoadDriverException("De server weigerde de circuit te starten.");
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = markers[i]!.DeepClone() });
        await connection.SendAsync("UpdateRootComponents", [new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(), state], cancel);
    }

    private CircuitConnection BuildConnection()
    {
        var hub = new CircuitConnection();
        hub.On("JS.AttachComponent", [typeof(int), typeof(string)], args =>
        {
            var componentId = (int)args[0]!;
            capture?.Invoke("attach", BitConverter.GetBytes(componentId));
            lock (gate) page.AttachRoot(componentId);
            return Task.CompletedTask;
        });
        hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], args => OnRenderBatchAsync(hub, (long)args[0]!, (byte[])args[1]!));
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            args => OnBeginInvokeJSAsync(hub, (long)args[0]!, (string)args[1]!, (string)args[2]!));
        // The answer to a .NET call from "JS" (our clicks): call id, succeeded, result or error.
        hub.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(object)], args =>
        {
            if (args[1] is false) Fail($"{args[2]}");
            return Task.CompletedTask;
        });
        // The answer to UpdateRootComponents (the page's components were attached): nothing to do.
        hub.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        hub.On("JS.Error", [typeof(string)], args =>
        {
            Fail(args[0] as string);
            return Task.CompletedTask;
        });
        hub.Closed += error => OnClosedAsync(hub, error);
        return hub;
    }

    /// <summary>
    /// Applies batches strictly in id order. A batch that arrives before its predecessor (handlers may overlap) is kept
    /// until the gap is filled instead of being dropped: the server renders nothing more once ten batches are
    /// unacknowledged, so a dropped batch would stall the circuit.
    /// </summary>
    private async Task OnRenderBatchAsync(CircuitConnection hub, long batchId, byte[] data)
    {
        var acknowledge = new List<long>();
        string? failure = null;
        lock (gate)
        {
            if (batchId < nextBatchId) acknowledge.Add(batchId); // resent after a reconnect: acknowledge again
            else pendingBatches[batchId] = data;
            while (failure is null && pendingBatches.Remove(nextBatchId, out var next))
            {
                capture?.Invoke("batch", next);
                try
                {
                    page.Apply(RenderBatch.Parse(next));
                    acknowledge.Add(nextBatchId++);
                    Interlocked.Increment(ref batchesApplied);
                }
                catch (Exception exception)
                {
                    failure = exception.Message;
                    acknowledge.Add(nextBatchId);
                }
            }
        }
        if (failure is not null) Fail();
        foreach (var id in acknowledge)
            await hub.SendAsync("OnRenderCompleted", [id, id == acknowledge[^1] ? failure : null]);
        Signal();
    }

    private static long importedModules;

    private long batchesApplied;

    /// <summary>How many render batches this player applied so far (the report: batches from one click to the next).</summary>
    public long BatchesApplied => Interlocked.Read(ref batchesApplied);

    private int jsCalls;
    private string? lastJSCall;

    /// <summary>How many JS calls the server made on this circuit, and the last one (tests: what a choice costs).</summary>
    public (int Count, string? Last) JSCalls
    {
        get { lock (gate) return (jsCalls, lastJSCall); }
    }

    private async Task OnBeginInvokeJSAsync(CircuitConnection hub, long asyncHandle, string identifier, string argsJson)
    {
        lock (gate) (jsCalls, lastJSCall) = (jsCalls + 1, identifier);
        string? navigateTo = null;
        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            // [rendererId, {"__dotNetObject": id}, …]: the object whose DispatchEventAsync receives browser events.
            var args = JsonNode.Parse(argsJson)!.AsArray();
            lock (gate) interopObjectId = args[1]!["__dotNetObject"]!.GetValue<long>();
        }
        else if (identifier == "Blazor._internal.navigationManager.navigateTo")
        {
            var args = JsonNode.Parse(argsJson)!.AsArray();
            navigateTo = new Uri(currentUri, args[0]!.GetValue<string>()).ToString();
            if (args.Count > 1 && args[1]?["forceLoad"]?.GetValue<bool>() == true) navigateTo = "reload:" + navigateTo;
        }
        // A module import must come back as a JS object reference, as the browser returns it; the calls on that object
        // are then answered like any other. (The scenario pages import none today; other pages do.)
        var answer = identifier == "import"
            ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref importedModules)}}}"
            : JSAnswers.GetValueOrDefault(identifier, "null");
        if (asyncHandle != 0)
            await hub.SendAsync("EndInvokeJSFromDotNet", [asyncHandle, true, $"[{asyncHandle},true,{answer}]"]);
        if (navigateTo is not null && !navigateTo.StartsWith("reload:", StringComparison.Ordinal))
        {
            // The interactive router handles it: blazor.web.js pushes the history entry and tells the circuit.
            currentUri = new Uri(navigateTo);
            await hub.SendAsync("OnLocationChanged", [navigateTo, null, false]);
        }
        else if (navigateTo is not null)
        {
            currentUri = new Uri(navigateTo["reload:".Length..]);
            lock (gate) ReloadRequested = true;
            Signal();
        }
    }

    /// <summary>
    /// JS functions whose result the app's .NET code reads; everything else is answered with null. Radzen's chart
    /// (on the debrief) sizes itself from the element's box and fails the circuit on null.
    /// </summary>
    private static readonly Dictionary<string, string> JSAnswers = new()
    {
        ["Radzen.createChart"] = "{\"width\":640,\"height\":320}",
    };

    /// <summary>The server asked for a full page load (NavigateTo with forceLoad).</summary>
    public bool ReloadRequested { get; private set; }
    public string CurrentPath => currentUri.PathAndQuery;

    /// <summary>
    /// The connection dropped without us closing it: reconnect to the same circuit on a new connection, as the
    /// browser's reconnection handler does (ConnectCircuit); the server resends the batches we did not acknowledge.
    /// </summary>
    private async Task OnClosedAsync(CircuitConnection hub, Exception? error)
    {
        if (stopping || hub != connection || circuitId is null) return;
        Interlocked.Increment(ref Reconnects);
        reconnecting = true;
        try
        {
            var next = BuildConnection();
            connection = next;
            await next.StartAsync(new Uri(baseUri, "_blazor"), http, cookies, acceptAnyCertificate, CancellationToken.None);
            if (!await next.InvokeAsync<bool>("ConnectCircuit", [circuitId])) Fail();
        }
        catch
        {
            Fail();
        }
        reconnecting = false;
        Signal();
    }

    private volatile bool reconnecting;

    /// <summary>The circuit's connection is open (and not in the middle of reconnecting).</summary>
    public bool IsConnected => !reconnecting && connection?.IsOpen == true;

    /// <summary>Breaks the connection as a network failure would (tests of reconnecting); the client reconnects.</summary>
    public void BreakConnection() => connection?.Abort();

    /// <summary>Clicks: DispatchEventAsync on the renderer's interop object, as EventDelegator.ts does for a click.</summary>
    public async Task ClickAsync(long eventHandlerId, CancellationToken cancel)
    {
        long target;
        lock (gate) target = interopObjectId;
        if (target == 0) throw new LoadDriverException("De server gaf nog geen interop-object voor gebeurtenissen.");
        var callId = Interlocked.Increment(ref nextCallId);
        var args = new JsonArray
        {
            new JsonObject { ["eventHandlerId"] = eventHandlerId, ["eventName"] = "click", ["eventFieldInfo"] = null },
            new JsonObject { ["type"] = "click", ["detail"] = 1, ["button"] = 0, ["buttons"] = 0 },
        };
        await connection!.SendAsync("BeginInvokeDotNetFromJS", [callId.ToString(), null, "DispatchEventAsync", target, args.ToJsonString()], cancel);
    }

    /// <summary>Waits until <paramref name="condition"/> holds on the rendered page (checked after every batch).</summary>
    public async Task<T> WaitForAsync<T>(Func<RenderedPage, T?> condition, TimeSpan timeout, CancellationToken cancel) where T : class
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timer.CancelAfter(timeout);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (condition(page) is { } result) return result;
                next = changed.Task;
            }
            try
            {
                await next.WaitAsync(timer.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"Niets veranderde binnen {timeout.TotalSeconds:0} s op {CurrentPath}.");
            }
        }
    }

    private void Signal()
    {
        TaskCompletionSource done;
        lock (gate)
        {
            done = changed;
            changed = NewSignal();
        }
        done.TrySetResult();
    }

    /// <summary>What the server said about the last error it reported, when it said something.</summary>
    public string? LastServerError { get; private set; }

    private void Fail(string? reason = null)
    {
        if (reason is not null) LastServerError = reason;
        Interlocked.Increment(ref ServerErrors);
        Signal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Leaving the page: like the browser's unload beacon (POST _blazor/disconnect), so the server disposes the circuit
    /// now instead of keeping it for the disconnected-circuit retention period.
    /// </summary>
    private async Task CloseConnectionAsync()
    {
        var old = connection;
        var oldCircuit = circuitId;
        connection = null;
        circuitId = null;
        ReloadRequested = false;
        if (old is null) return;
        stopping = true;
        await old.DisposeAsync();
        stopping = false;
        if (oldCircuit is null) return;
        try
        {
            using var response = await http.PostAsync("_blazor/disconnect",
                new FormUrlEncodedContent([new KeyValuePair<string, string>("circuitId", oldCircuit)]));
        }
        catch (HttpRequestException) { } // the server is going away too; its retention period cleans up
    }

    public async ValueTask DisposeAsync()
    {
        await CloseConnectionAsync();
        http.Dispose();
    }

    private static string? AttributeValue(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*>")] private static partial Regex InputTag();
    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)] private static partial Regex BlazorComment();
    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")] private static partial Regex ServerState();
}

public sealed class LoadDriverException(string message) : Exception(message);
