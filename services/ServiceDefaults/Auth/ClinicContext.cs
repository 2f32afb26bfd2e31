using Grpc.Core;
using Microsoft.AspNetCore.Http;
using RunRestore.Auth;
using RunRestore.Contracts.Clinics;

namespace RunRestore.ServiceDefaults.Auth;

/// <summary>The caller's clinic, taken from the token and never from the request body.</summary>
public sealed class ClinicContext(IHttpContextAccessor http)
{
    public string ClinicId =>
        http.HttpContext?.User.FindFirst(Scopes.ClinicClaim)?.Value is { } clinic && ClinicIds.IsValid(clinic)
            ? clinic
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "The token does not name a valid clinic."));
}
