using System.Diagnostics;
using Marten;
using RunRestore.ServiceDefaults.Auth;

namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>
/// Opens every request's session for the caller's clinic, and stamps the request's trace context on the events
/// it appends so the forwarding subscription can continue the same trace (TECH-NOTES.md "Metadata").
/// </summary>
public sealed class ClinicSessionFactory(IDocumentStore store, ClinicContext clinic) : ISessionFactory
{
    public const string TraceParentHeader = "traceparent";

    public IQuerySession QuerySession() => store.QuerySession(clinic.ClinicId);

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession(clinic.ClinicId);
        if (Activity.Current is { } activity)
        {
            session.SetHeader(TraceParentHeader, activity.Id!);
        }

        return session;
    }
}
