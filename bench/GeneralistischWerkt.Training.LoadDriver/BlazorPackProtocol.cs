using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace GeneralistischWerkt.Training.LoadDriver;

/// <summary>
/// Blazor Server's hub protocol: plain SignalR MessagePack under the name "blazorpack" (the server's
/// BlazorPackHubProtocol; blazor.web.js renames its MessagePackHubProtocol the same way). The circuit hub accepts no
/// other protocol.
/// </summary>
public sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol inner = new();

    public string Name => "blazorpack";
    public int Version => inner.Version;
    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
}
