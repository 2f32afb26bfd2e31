using Grpc.Core;

namespace RunRestore.Cli.App;

/// <summary>Input the command line itself refuses (a bad option value, an unreadable file): exit 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>A gRPC call that failed, with the service it went to, so the message can name it.</summary>
internal sealed class ServiceCallException : Exception
{
    public ServiceCallException(string service, Uri address, string method, RpcException error)
        : base(error?.Status.Detail, error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Service = service;
        Address = address;
        Method = method;
        Error = error;
    }

    public string Service { get; }

    public Uri Address { get; }

    public string Method { get; }

    public RpcException Error { get; }

    public StatusCode StatusCode => Error.StatusCode;
}
