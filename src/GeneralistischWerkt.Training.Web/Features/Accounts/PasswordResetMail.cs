using System.Threading.Channels;
using GeneralistischWerkt.Training.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace GeneralistischWerkt.Training.Web.Features.Accounts;

/// <summary>Delivers the "wachtwoord vergeten" link. Which implementation runs: <see cref="EmailOptions.Choose"/>.</summary>
public interface IPasswordResetMailer
{
    /// <summary>Sends the link (path and query on this site) to the account's address.</summary>
    /// <returns>The full link to show on screen: only the Development mailer returns one, all others null.</returns>
    Task<string?> SendAsync(ApplicationUser user, string pathAndQuery);
}

/// <summary>Configuration section "Email": the SMTP server and the app's public address for links in mails.</summary>
public class EmailOptions
{
    public const string Section = "Email";

    /// <summary>
    /// The address users reach the app on (e.g. https://training.dienst.be). Links in mails always start with it and
    /// never with the Host header of the request, which a stranger could set to their own site to steal the link.
    /// </summary>
    public string? BaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public bool SmtpConfigured =>
        !string.IsNullOrWhiteSpace(Smtp.Host) && !string.IsNullOrWhiteSpace(Smtp.From) && !string.IsNullOrWhiteSpace(BaseUrl);

    public enum Mailer { Smtp, Development, NotConfigured }

    /// <summary>SMTP when configured; otherwise the link goes to the log (and the screen) in Development only.</summary>
    public Mailer Choose(bool isDevelopment) =>
        SmtpConfigured ? Mailer.Smtp : isDevelopment ? Mailer.Development : Mailer.NotConfigured;
}

public class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }

    /// <summary>TLS required: implicit TLS on port 465, STARTTLS otherwise. When false, STARTTLS only if offered.</summary>
    public bool UseTls { get; set; } = true;
}

/// <summary>Development without a mail server: the link is written to the log and shown on screen.</summary>
public class DevelopmentPasswordResetMailer(IHttpContextAccessor http, ILogger<DevelopmentPasswordResetMailer> logger)
    : IPasswordResetMailer
{
    public Task<string?> SendAsync(ApplicationUser user, string pathAndQuery)
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Geen request.");
        var link = $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
        logger.LogWarning("Development: geen e-mail verstuurd. Link om het wachtwoord van {Email} te herstellen: {Link}",
            user.Email, link);
        return Task.FromResult<string?>(link);
    }
}

/// <summary>Outside Development without SMTP settings: nothing can be sent, and the link is never shown or logged.</summary>
public class UnconfiguredPasswordResetMailer(ILogger<UnconfiguredPasswordResetMailer> logger) : IPasswordResetMailer
{
    public const string Warning =
        "E-mail is niet ingesteld (Email:BaseUrl, Email:Smtp:Host en Email:Smtp:From): herstellinks voor wachtwoorden worden niet verstuurd.";

    public Task<string?> SendAsync(ApplicationUser user, string pathAndQuery)
    {
        logger.LogWarning(Warning);
        return Task.FromResult<string?>(null);
    }
}

/// <summary>
/// Writes the mail and leaves it to <see cref="SmtpOutbox"/>: the page answers at once, in the same time whether
/// or not a mail goes out, so the answer time does not tell whether the address has an account.
/// </summary>
public class SmtpPasswordResetMailer(Microsoft.Extensions.Options.IOptions<EmailOptions> options, SmtpOutbox outbox)
    : IPasswordResetMailer
{
    public Task<string?> SendAsync(ApplicationUser user, string pathAndQuery)
    {
        var link = options.Value.BaseUrl!.TrimEnd('/') + pathAndQuery;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.Smtp.From!));
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email!));
        message.Subject = "Nieuw wachtwoord voor GeneralistischWerkt.Training";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                Dag {user.DisplayName},

                Iemand vroeg een nieuw wachtwoord aan voor je account bij GeneralistischWerkt.Training.
                Kies een nieuw wachtwoord via deze link (24 uur geldig):

                {link}

                Heb je dit niet zelf gevraagd? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.
                """,
        };
        outbox.Enqueue(message);
        return Task.FromResult<string?>(null);
    }
}

/// <summary>Sends queued mails one by one through the configured SMTP server; a failure is logged, never shown.</summary>
public class SmtpOutbox(Microsoft.Extensions.Options.IOptions<EmailOptions> options, ILogger<SmtpOutbox> logger)
    : BackgroundService
{
    private readonly Channel<MimeMessage> queue = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(MimeMessage message)
    {
        if (!queue.Writer.TryWrite(message)) logger.LogError("De wachtrij voor e-mail is vol: een mail is niet verstuurd.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not the message itself: it holds a valid reset link.
                logger.LogError(e, "Kon een e-mail niet versturen via {Host}:{Port}.", options.Value.Smtp.Host, options.Value.Smtp.Port);
            }
        }
    }

    private async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = !smtp.UseTls ? SecureSocketOptions.StartTlsWhenAvailable
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
