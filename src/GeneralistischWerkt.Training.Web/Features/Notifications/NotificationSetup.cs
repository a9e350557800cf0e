using GeneralistischWerkt.Training.Web.Features.Accounts;

namespace GeneralistischWerkt.Training.Web.Features.Notifications;

public static class NotificationSetup
{
    /// <summary>Notifications and the optional daily e-mail digest.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NotificationAccess>();
        services.AddScoped<UserNotifications>();
        services.Configure<NotificationDigestOptions>(configuration.GetSection(NotificationDigestOptions.Section));
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new();
        if (email.SmtpConfigured) services.AddScoped<INotificationDigestMailer, SmtpNotificationDigestMailer>();
        else services.AddScoped<INotificationDigestMailer, UnconfiguredNotificationDigestMailer>();
        services.AddScoped<NotificationDigest>();
        services.AddHostedService<NotificationDigestService>();
        return services;
    }
}
