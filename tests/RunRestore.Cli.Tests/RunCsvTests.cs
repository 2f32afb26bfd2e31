using RunRestore.Cli.Input;
using RunRestore.Intake.V1;
using Xunit;

namespace RunRestore.Cli.Tests;

public sealed class RunCsvTests
{
    [Fact]
    public void Rows_without_a_header_are_read_positionally_with_minutes_as_seconds()
    {
        var result = RunCsv.Parse("2026-03-02,8.5,48.5,easy,4\n2026-03-04,10,50,tempo,7,stridetrack,act-1\n");

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Runs.Count);
        var first = result.Runs[0];
        Assert.Equal(1, first.Line);
        Assert.Equal("2026-03-02", first.Run.Date);
        Assert.Equal(8.5, first.Run.DistanceKm);
        Assert.Equal(2910, first.Run.DurationSeconds);
        Assert.Equal(SessionType.Easy, first.Run.SessionType);
        Assert.Equal(4, first.Run.Rpe);
        Assert.Equal("", first.Run.Partner);
        var second = result.Runs[1];
        Assert.Equal(2, second.Line);
        Assert.Equal(("stridetrack", "act-1"), (second.Run.Partner, second.Run.ExternalId));
        Assert.Equal(SessionType.Tempo, second.Run.SessionType);
    }

    [Fact]
    public void A_header_line_is_skipped_and_may_order_the_columns_any_way()
    {
        var result = RunCsv.Parse("\uFEFFtype,Date,km,rpe,minutes,external_id,partner\r\nlong,2026-03-08,21.1,6,130,a-9,garmin\r\n");

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal(2, run.Line);
        Assert.Equal((SessionType.Long, "2026-03-08", 21.1, 7800, 6), (run.Run.SessionType, run.Run.Date, run.Run.DistanceKm,
            run.Run.DurationSeconds, run.Run.Rpe));
        Assert.Equal(("garmin", "a-9"), (run.Run.Partner, run.Run.ExternalId));
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_numbers_and_every_reason_while_good_rows_go_on()
    {
        const string csv = """
            date,km,minutes,type,rpe
            2026-03-02,8,48,easy,4

            2026-13-40,eight,48,jog,hard
            2026-03-05,6,36,recovery
            2026-03-06,5,30,interval,8
            """;

        var result = RunCsv.Parse(csv);

        Assert.Equal([2, 6], result.Runs.Select(r => r.Line));
        Assert.Equal([4, 5], result.Problems.Select(p => p.Line));
        var bad = result.Problems[0].Reasons;
        Assert.Equal(4, bad.Count);
        Assert.Contains(bad, r => r.StartsWith("date '2026-13-40'", StringComparison.Ordinal));
        Assert.Contains(bad, r => r.StartsWith("km 'eight' is not a number", StringComparison.Ordinal));
        Assert.Contains("type 'jog' is not one of easy, long, tempo, interval, race, recovery", bad);
        Assert.Contains("rpe 'hard' is not a whole number", bad);
        Assert.Equal("has 4 fields, the header has 5", Assert.Single(result.Problems[1].Reasons));
    }

    [Fact]
    public void A_header_with_an_unknown_or_missing_column_refuses_the_file_on_line_1()
    {
        var result = RunCsv.Parse("date,km,minutes,kind,rpe\n2026-03-02,8,48,easy,4\n");

        Assert.Empty(result.Runs);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("unknown column 'kind' (expected date,km,minutes,type,rpe[,partner,external_id])", problem.Reasons);
        Assert.Contains("missing column 'type'", problem.Reasons);
    }

    [Fact]
    public void Without_a_header_a_row_needs_five_to_seven_fields()
    {
        var result = RunCsv.Parse("2026-03-02,8,48\n2026-03-02,8,48,easy,4,p,e,extra\n");

        Assert.Empty(result.Runs);
        Assert.All(result.Problems, p => Assert.StartsWith("has ", Assert.Single(p.Reasons), StringComparison.Ordinal));
        Assert.Equal([1, 2], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_and_quotes()
    {
        Assert.Equal(["2026-03-02", "Strava, Inc.", "say \"hi\"", ""], CsvFields.Split("2026-03-02,\"Strava, Inc.\",\"say \"\"hi\"\"\","));
    }

    [Fact]
    public void Ranges_are_left_to_intake_so_its_violations_name_the_proto_fields()
    {
        var run = Assert.Single(RunCsv.Parse("2026-03-02,-3,48,easy,14").Runs);

        Assert.Equal((-3.0, 14), (run.Run.DistanceKm, run.Run.Rpe));
    }
}
