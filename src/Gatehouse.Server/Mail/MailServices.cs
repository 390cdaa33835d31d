using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Mail;

/// <summary>Registers the mail transport chosen by configuration: SMTP when a host is set, else the .eml folder.</summary>
public static class MailServices
{
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddSingleton<IMailTransport>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MailOptions>>();
            return string.IsNullOrWhiteSpace(options.Value.Host) ? new PickupFolderTransport(options) : new SmtpTransport(options);
        });
        return services;
    }
}
