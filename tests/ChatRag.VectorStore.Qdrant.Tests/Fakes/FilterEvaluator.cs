using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant.Tests.Fakes;

/// <summary>Evaluates Qdrant filters (must / should / must_not, field match, has_id, is_empty, is_null, nested filters) on a point.</summary>
public static class FilterEvaluator
{
    /// <summary>Whether the point passes the filter; a null filter passes everything.</summary>
    public static bool Matches(Filter? filter, PointStruct point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (filter is null)
        {
            return true;
        }

        if (filter.MinShould is not null)
        {
            throw new NotSupportedException("The in-memory Qdrant does not evaluate min_should.");
        }

        return filter.Must.All(c => Matches(c, point))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Matches(c, point)))
            && !filter.MustNot.Any(c => Matches(c, point));
    }

    private static bool Matches(Condition condition, PointStruct point) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, point.Payload),
        Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => id.Equals(point.Id)),
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        Condition.ConditionOneOfOneofCase.IsEmpty => !point.Payload.TryGetValue(condition.IsEmpty.Key, out var v) || Values(v).Count == 0,
        Condition.ConditionOneOfOneofCase.IsNull => point.Payload.TryGetValue(condition.IsNull.Key, out var n) && n.KindCase == Value.KindOneofCase.NullValue,
        _ => throw new NotSupportedException($"The in-memory Qdrant does not evaluate {condition.ConditionOneOfCase} conditions."),
    };

    private static bool Matches(FieldCondition field, MapField<string, Value> payload)
    {
        if (field.Match is null)
        {
            throw new NotSupportedException($"The in-memory Qdrant evaluates match conditions only (field `{field.Key}`).");
        }

        // A missing field never matches, not even an except-match: Qdrant needs the value to compare.
        if (!payload.TryGetValue(field.Key, out var value))
        {
            return false;
        }

        var values = Values(value);
        var match = field.Match;
        return match.MatchValueCase switch
        {
            Match.MatchValueOneofCase.Keyword => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && v.StringValue == match.Keyword),
            Match.MatchValueOneofCase.Keywords => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && match.Keywords.Strings.Contains(v.StringValue)),
            Match.MatchValueOneofCase.ExceptKeywords => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && !match.ExceptKeywords.Strings.Contains(v.StringValue)),
            Match.MatchValueOneofCase.Integer => values.Any(v => v.KindCase == Value.KindOneofCase.IntegerValue && v.IntegerValue == match.Integer),
            Match.MatchValueOneofCase.Integers => values.Any(v => v.KindCase == Value.KindOneofCase.IntegerValue && match.Integers.Integers.Contains(v.IntegerValue)),
            Match.MatchValueOneofCase.Boolean => values.Any(v => v.KindCase == Value.KindOneofCase.BoolValue && v.BoolValue == match.Boolean),
            _ => throw new NotSupportedException($"The in-memory Qdrant does not evaluate {match.MatchValueCase} matches."),
        };
    }

    // Qdrant matches an array field when any element matches.
    private static List<Value> Values(Value value) =>
        value.KindCase == Value.KindOneofCase.ListValue ? [.. value.ListValue.Values] : [value];
}
