using System.Collections.Concurrent;
using Grpc.Core;
using RunRestore.Assessment.V1;
using RunRestore.Intake.V1;

namespace RunRestore.Chaos;

/// <summary>
/// What a client sees through the public reads: per runner, intake's GetRunner, ListActivities (run and competition ids)
/// and the whole GetRunnerTimeline (event ids); per assessment, GetAssessment (result ids, status).
/// </summary>
internal sealed class ApiView
{
    public ConcurrentDictionary<string, bool> RunnerFound { get; } = new();
    public ConcurrentDictionary<string, HashSet<string>> Activities { get; } = new();
    public ConcurrentDictionary<string, HashSet<string>> Timeline { get; } = new();
    public ConcurrentDictionary<string, Assessment.V1.Assessment?> Assessments { get; } = new();

    public static async Task<ApiView> ReadAsync(Stack stack, Calls calls, IEnumerable<Runner> runners, IEnumerable<(Clinic, string)> assessments,
        CancellationToken ct)
    {
        var view = new ApiView();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct };
        await Parallel.ForEachAsync(runners, parallel, async (runner, c) => await view.ReadRunnerAsync(stack, calls, runner, c));
        await Parallel.ForEachAsync(assessments, parallel, async (a, c) =>
        {
            try
            {
                view.Assessments[a.Item2] = (await calls.ReadAsync(a.Item1, o => stack.Assessment.GetAssessmentAsync(
                    new GetAssessmentRequest { AssessmentId = a.Item2 }, o), c)).Assessment;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                view.Assessments[a.Item2] = null;
            }
        });
        return view;
    }

    private async Task ReadRunnerAsync(Stack stack, Calls calls, Runner runner, CancellationToken ct)
    {
        try
        {
            await calls.ReadAsync(runner.Clinic, o => stack.Intake.GetRunnerAsync(new Intake.V1.GetRunnerRequest { RunnerId = runner.Id }, o), ct);
            RunnerFound[runner.Id] = true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            RunnerFound[runner.Id] = false;
            return;
        }

        // Runs are dated up to 28 days back, competitions up to 300 days ahead; the range may span 366 days.
        var activities = await calls.ReadAsync(runner.Clinic, o => stack.Intake.ListActivitiesAsync(new ListActivitiesRequest
        {
            RunnerId = runner.Id, From = Writes.Iso(Writes.Today.AddDays(-40)), To = Writes.Iso(Writes.Today.AddDays(325)),
        }, o), ct);
        Activities[runner.Id] = [.. activities.Runs.Select(r => r.RunId), .. activities.Competitions.Select(c => c.CompetitionId)];

        var events = new HashSet<string>();
        var token = "";
        for (var page = 0; page < 1000; page++)
        {
            var response = await calls.ReadAsync(runner.Clinic, o => stack.Intake.GetRunnerTimelineAsync(new GetRunnerTimelineRequest
            {
                RunnerId = runner.Id, PageSize = 500, PageToken = token,
            }, o), ct);
            events.UnionWith(response.Entries.Select(e => e.EventId));
            if ((token = response.NextPageToken).Length == 0)
            {
                break;
            }
        }

        Timeline[runner.Id] = events;
    }
}
