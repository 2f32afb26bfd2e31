namespace RunRestore.Benchmarks;

/// <summary>Notes that compare figures of the same run: what each ingest path costs next to the others.</summary>
internal static class Conclusions
{
    public static void Write(BenchContext ctx, ClosedLoop.Outcome? rawSingle, LogRunBench.Result? logRun,
        ClosedLoop.Outcome? rawSingle2, TypicalMartenBench.Result? typical)
    {
        var rows = ctx.Report.Rows.ToDictionary(r => r.Id);
        if (logRun is not null && rawSingle is not null)
        {
            var o = logRun.Outcome;
            var notes = new List<string>();
            if (o.ErrorNote is { } err)
            {
                notes.Add(err);
            }

            if (typical is not null)
            {
                notes.Add(Report.Inv($"LogRun = {o.UnitsPerSecond / typical.Outcome.UnitsPerSecond * 100:0} % of the typical Marten path measured directly (row 3, {typical.Outcome.UnitsPerSecond:#,0}/s)"));
            }

            notes.Add(CpuMonitor.Describe(o.Cpu));
            notes.Add(CpuMonitor.PerOperation(o.Cpu, o.UnitsPerSecond, "LogRun"));
            notes.Add(CpuMonitor.PerOperation(rawSingle.Cpu, rawSingle.UnitsPerSecond, "raw INSERT"));
            notes.Add($"rows per LogRun: {PgStats.Describe(logRun.WritesPerRun)}");
            notes.Add(PgStatements.Describe(logRun.Statements, "LogRun (all services)"));
            rows["logrun.rate"].Note = string.Join("; ", notes.Where(n => n.Length > 0));
            rows["logrun.rate"].Details["postgresStatementsPerLogRun"] = logRun.Statements;

            rows["logrun.latency"].Note = Report.Inv($"p90 {o.Latencies.Percentile(90):0.0} ms, max {o.Latencies.Max:0.0} ms over {o.Latencies.Count:N0} calls") +
                (typical is not null ? $"; typical Marten path (no gRPC): {typical.Outcome.Latencies.P50P99()}" : "") +
                "; 8 clients share 2 cores with PostgreSQL, RabbitMQ, the services' consumers and this load generator";
        }

        if (typical is not null && rawSingle2 is not null)
        {
            var o = typical.Outcome;
            var notes = new List<string>();
            if (o.ErrorNote is { } err)
            {
                notes.Add(err);
            }

            notes.Add(o.Latencies.P50P99());
            if (logRun is not null)
            {
                notes.Add(Report.Inv($"LogRun over gRPC reached {logRun.Outcome.UnitsPerSecond / o.UnitsPerSecond * 100:0} % of this"));
            }

            notes.Add(CpuMonitor.Describe(o.Cpu));
            notes.Add(CpuMonitor.PerOperation(o.Cpu, o.UnitsPerSecond, "save"));
            notes.Add($"rows per save: {PgStats.Describe(typical.WritesPerSave)}");
            notes.Add(PgStatements.Describe(typical.Statements, "save"));
            rows["typical.rate"].Note = string.Join("; ", notes.Where(n => n.Length > 0));
            rows["typical.rate"].Details["postgresStatementsPerSave"] = typical.Statements;
        }
    }
}
