namespace RunRestore.Contracts.Intake;

/// <summary>
/// A clinic registered a runner with the intake service. Published once per registration
/// (MessageId = the intake event id; the clinic travels in the "clinic" header).
/// </summary>
/// <param name="RunnerId">Runner id assigned by intake; the subject of everything that follows.</param>
/// <param name="DisplayName">Name shown to the clinic.</param>
/// <param name="BirthYear">Year of birth (age bands for norms).</param>
/// <param name="Sex">"female", "male" or "other".</param>
/// <param name="RegisteredAt">When intake registered the runner.</param>
/// <param name="TimeZone">
/// The runner's IANA time zone ("Europe/Berlin"), in which their "today" is taken (DOMAIN.md "Load" preamble, issue 13).
/// Additive: a message from an intake without zones has none and reads as "UTC".
/// </param>
public sealed record RunnerRegistered(Guid RunnerId, string DisplayName, int BirthYear, string Sex, DateTimeOffset RegisteredAt,
    string TimeZone = "UTC");
