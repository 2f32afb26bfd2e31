using System.Collections;
using System.Globalization;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace RunRestore.EndToEndTests.Security;

/// <summary>
/// CsCheck generators of any request message, built from its proto descriptor. Each sample draws a hostility h; every
/// field is then the valid value of <see cref="ClinicWorld.Valid"/> with probability 1 - h, else hostile for its type:
/// NaN, ±Infinity, 1e300, 5e-324, negatives; int and enum numbers far out of range; strings with control characters,
/// NUL, up to 100 KB, odd Unicode, malformed and out-of-window dates, random or misplaced ids; repeated fields empty or
/// longer than the limits; optional and oneof fields set or not. At h = 0 the request is valid, so the samples reach the
/// use cases' state checks as well as the input checks.
/// </summary>
public sealed class RequestGen(ClinicWorld world, IReadOnlyList<string> foreignIds, IReadOnlyList<string> knownCodes)
{
    private static readonly Gen<double> Hostility = Gen.Frequency((2, Gen.Const(0.0)), (3, Gen.Const(0.15)), (3, Gen.Const(0.4)),
        (2, Gen.Const(0.9)));

    private static readonly Gen<double> HostileDouble = Gen.Frequency(
        (4, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300, 5e-324, -5e-324,
            double.MaxValue, double.MinValue, -0.0, 0.0, -1.0, 1e-9, 0.0005, 24.0001, 350.0, 350.0001, 500.0001, 1e6)),
        (2, Gen.Double),
        (2, Gen.Double[-1000, 1000]));

    private static readonly Gen<int> HostileInt = Gen.Frequency(
        (3, Gen.OneOf(int.MinValue, int.MaxValue, -1, 0, 1, 5, 6, 10, 11, 24, 25, 50, 51, 101, 105, 200, 201, 250, 251, 366,
            500, 501, 600, 601, 1899, 1900, 2100, 3000, 3001, 3651, 5001, 172800, 172801)),
        (3, Gen.Int[-10, 400]),
        (1, Gen.Int));

    private static readonly Gen<long> HostileLong = Gen.Frequency((2, Gen.OneOf(long.MinValue, long.MaxValue, -1L, 0L, 1L, 2L, 1000L)),
        (1, Gen.Long));

    private static readonly Gen<int> HostileEnum = Gen.Frequency((5, Gen.Int[-2, 14]), (1, Gen.OneOf(int.MinValue, int.MaxValue, 1000)));

    private static readonly string[] OddStrings =
    [
        "", " ", "   ", "\t", "\n", "\r\n", "\0", "a\0b", "\u001b[31mred", "\u007f", "\u0085", "\u2028", "\uFEFF", "\u202Eevil",
        "\U0001F3C3\u200D\u2640\uFE0F", "e\u0301", "Ω≈ç√∫", "'; drop table mt_events; --", "%s%n%x", "../../etc/passwd", "null",
        "NaN", "-1", "1e300", "<script>alert(1)</script>", "${jndi:ldap://x}", "\\", "\"",
    ];

    private static readonly string[] OddDates =
    [
        "2024-02-30", "2023-02-29", "0001-01-01", "9999-12-31", "2024-13-01", "2024-00-10", "2024-1-1", "24-01-01",
        "2024-01-01T00:00:00Z", "٢٠٢٤-٠١-٠١", " 2024-01-01", "2024-01-01 ", "1899-12-31", "1989-12-31", "1990-01-01",
        "2024/01/01", "+2024-01-01", "-2024-01-01", "20240101", "2024-01-01\0",
    ];

    private static readonly string[] OddIds =
    [
        "00000000-0000-0000-0000-000000000000", "not-a-uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "01a235eb-e9b6-7419-b06f-de7042020dc", "{01a235eb-e9b6-7419-b06f-de7042020dc5}", "01a235ebe9b67419b06fde7042020dc5",
    ];

    private readonly Dictionary<(MessageDescriptor, double), Gen<IMessage>> messages = [];

    /// <summary>Requests for <paramref name="descriptor"/>.</summary>
    public Gen<IMessage> For(MessageDescriptor descriptor) => Hostility.SelectMany(h => Message(descriptor, h, 0));

    private Gen<IMessage> Message(MessageDescriptor descriptor, double h, int depth)
    {
        lock (messages)
        {
            if (messages.TryGetValue((descriptor, h), out var cached))
            {
                return cached;
            }
        }

        var parts = descriptor.Fields.InFieldNumberOrder()
            .Where(f => f.RealContainingOneof is null && !f.IsMap)
            .Select(f => Field(f, h, depth))
            .Concat(descriptor.Oneofs.Where(o => !o.IsSynthetic).Select(o => Oneof(o, h, depth)));
        var all = Gen.Const(Array.Empty<Action<IMessage>>());
        foreach (var part in parts)
        {
            all = Gen.Select(all, part, (done, next) => (Action<IMessage>[])[.. done, next]);
        }

        var gen = all.Select(fill =>
        {
            var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
            foreach (var set in fill)
            {
                set(message);
            }

            return message;
        });
        lock (messages)
        {
            messages[(descriptor, h)] = gen;
        }

        return gen;
    }

    private Gen<Action<IMessage>> Field(FieldDescriptor field, double h, int depth)
    {
        var value = Value(field, h, depth, allowUnset: !field.IsRepeated);
        if (!field.IsRepeated)
        {
            return value.Select(v => (Action<IMessage>)(m =>
            {
                if (v is not null)
                {
                    field.Accessor.SetValue(m, v);
                }
            }));
        }

        // Mostly a few items; now and then past a per-message limit (50 exercises, 5,000 runs).
        var count = h == 0 ? Gen.Const(1) : Gen.Frequency((20, Gen.Const(1)), (12, Gen.Int[0, 3]), (2, Gen.Int[49, 52]), (1, Gen.Int[4999, 5001]));
        return count.SelectMany(n => value.Array[n]).Select(values => (Action<IMessage>)(m =>
        {
            var list = (IList)field.Accessor.GetValue(m);
            foreach (var v in values.Where(v => v is not null))
            {
                list.Add(v);
            }
        }));
    }

    private Gen<Action<IMessage>> Oneof(OneofDescriptor oneof, double h, int depth)
    {
        var none = Gen.Const<Action<IMessage>>(_ => { });
        if (h == 0)
        {
            return none;
        }

        var pick = Gen.Int[0, oneof.Fields.Count - 1].SelectMany(i => Value(oneof.Fields[i], h, depth, allowUnset: false)
            .Select(v => (Action<IMessage>)(m => oneof.Fields[i].Accessor.SetValue(m, v!))));
        return Gen.Frequency((Weight(1 - h), none), (Weight(h), pick));
    }

    /// <summary>A field's value: valid with probability 1 - h, else hostile; null leaves the field unset.</summary>
    private Gen<object?> Value(FieldDescriptor field, double h, int depth, bool allowUnset)
    {
        if (field.FieldType == FieldType.Message)
        {
            var nested = depth > 4
                ? Gen.Const<object?>(() => world.Valid(field.MessageType))
                : Message(field.MessageType, h, depth + 1).Select(m => (object?)m);
            return h == 0 || !allowUnset ? nested : Gen.Frequency((4, nested), (1, Gen.Const<object?>((object?)null)));
        }

        var optional = field.HasPresence && field.RealContainingOneof is null;
        var valid = optional && !ClinicWorld.RequiredOptionals.Contains(field.Name)
            ? Gen.Const<object?>((object?)null)
            : Gen.Const<object?>(() => world.ValidValue(field));
        if (h == 0)
        {
            return valid;
        }

        var hostile = Hostile(field);
        if (optional && allowUnset)
        {
            hostile = Gen.Frequency((4, hostile), (1, Gen.Const<object?>((object?)null)));
        }

        return Gen.Frequency((Weight(1 - h), valid), (Weight(h), hostile));
    }

    private Gen<object?> Hostile(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Double => HostileDouble.Select(d => (object?)d),
        FieldType.Float => HostileDouble.Select(d => (object?)(float)d),
        FieldType.Bool => Gen.Bool.Select(b => (object?)b),
        FieldType.Enum => HostileEnum.Select(n => (object?)Enum.ToObject(field.EnumType.ClrType, n)),
        FieldType.String => HostileString(field.Name).Select(s => (object?)s),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 =>
            HostileLong.Select(n => (object?)ClinicWorld.Whole(field, n)),
        FieldType.Bytes => Gen.Byte.Array[0, 64].Select(b => (object?)ByteString.CopyFrom(b)),
        _ => HostileInt.Select(n => (object?)ClinicWorld.Whole(field, n)),
    };

    private Gen<string> HostileString(string field)
    {
        var ids = Gen.Frequency(
            (3, Gen.OneOf([.. world.Ids, .. foreignIds, .. OddIds])),
            (2, Gen.Guid.Select(g => g.ToString())),
            (1, Gen.Guid.Select(g => g.ToString("B").ToUpperInvariant())));
        var dates = Gen.Frequency(
            (3, Gen.OneOf(OddDates)),
            (2, Gen.Int[-12_000, 1_200].Select(ClinicWorld.Day)),
            (1, Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        var controlled = Gen.Select(Gen.String, Gen.Char['\0', '\u001f'], Gen.Int[0, 40],
            (s, c, at) => s.Insert(Math.Min(at, s.Length), c.ToString()));
        var longText = Gen.Select(Gen.Int[1, 100_000], Gen.OneOf('x', '\0', 'é', '\n', ' ', '\u001b'), (n, c) => new string(c, n));
        var aroundLimits = Gen.OneOf(63, 64, 65, 100, 101, 199, 200, 201, 256, 257).Select(n => new string('a', n));
        var codes = Gen.OneOf([.. knownCodes, ..knownCodes.Select(c => c.ToUpperInvariant()), .. knownCodes.Select(c => c + " ")]);
        var idLike = field.EndsWith("_id", StringComparison.Ordinal);
        var dateLike = field is "date" or "week_of" or "from" or "to" or "target_race_date";
        return Gen.Frequency(
            (3, Gen.OneOf(OddStrings)),
            (2, Gen.String),
            (2, controlled),
            (1, longText),
            (1, aroundLimits),
            (idLike ? 8 : 1, ids),
            (dateLike ? 8 : 1, dates),
            (field.Contains("code", StringComparison.Ordinal) || field == "unit" ? 6 : 1, codes));
    }

    private static int Weight(double p) => Math.Max(1, (int)Math.Round(p * 100));
}
