using System.Collections;
using System.Diagnostics;

namespace RunRestore.EndToEndTests.Infrastructure;

/// <summary>A thread-safe sink for the in-memory OpenTelemetry exporter of several hosts in one process.</summary>
public sealed class ActivityCollection : ICollection<Activity>
{
    private readonly List<Activity> _items = [];
    private readonly Lock _lock = new();

    public int Count { get { lock (_lock) { return _items.Count; } } }
    public bool IsReadOnly => false;

    public void Add(Activity item) { lock (_lock) { _items.Add(item); } }
    public void Clear() { lock (_lock) { _items.Clear(); } }
    public bool Contains(Activity item) { lock (_lock) { return _items.Contains(item); } }
    public void CopyTo(Activity[] array, int arrayIndex) { lock (_lock) { _items.CopyTo(array, arrayIndex); } }
    public bool Remove(Activity item) { lock (_lock) { return _items.Remove(item); } }

    /// <summary>The spans exported so far, each once (every host's exporter sees every span).</summary>
    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_lock)
        {
            return _items.DistinctBy(a => a.SpanId).ToList();
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
