using Microsoft.Extensions.Configuration;

namespace RunRestore.ServiceDefaults.Messaging;

/// <summary>
/// The broker a service connects to, as the service's own RabbitMQ user (ARCHITECTURE.md, "Clinics on the broker"):
/// "RabbitMq:Uri" says where the broker is; "RabbitMq:User" and "RabbitMq:Password", when both are set, replace the
/// URI's credentials. Each service's appsettings.json names its user (intake, assessment, programming); the password
/// comes from appsettings.Development.json locally (deploy/local creates these users) and from a secret elsewhere. The
/// URI's own credentials (e.g. the operators' guest user) are used only when no user is configured.
/// </summary>
public static class RabbitMqAddress
{
    public static Uri ServiceUri(IConfiguration configuration)
    {
        var uri = new Uri(configuration["RabbitMq:Uri"] ?? throw new InvalidOperationException("RabbitMq:Uri is not configured."));
        var user = configuration["RabbitMq:User"];
        var password = configuration["RabbitMq:Password"];
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
        {
            return uri;
        }

        return new UriBuilder(uri) { UserName = Uri.EscapeDataString(user), Password = Uri.EscapeDataString(password) }.Uri;
    }
}
