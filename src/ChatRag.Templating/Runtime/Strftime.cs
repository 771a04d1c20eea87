using System.Globalization;
using System.Text;

namespace ChatRag.Templating.Runtime;

/// <summary>Python's <c>strftime</c> directives that chat templates use for "today's date".</summary>
internal static class Strftime
{
    public static string Format(DateTime time, string format)
    {
        var culture = CultureInfo.InvariantCulture;
        var builder = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                builder.Append(format[i]);
                continue;
            }

            var directive = format[++i];
            builder.Append(directive switch
            {
                'd' => time.ToString("dd", culture),
                '-' when i + 1 < format.Length && format[i + 1] == 'd' => Skip(ref i, time.Day.ToString(culture)),
                'm' => time.ToString("MM", culture),
                'Y' => time.ToString("yyyy", culture),
                'y' => time.ToString("yy", culture),
                'H' => time.ToString("HH", culture),
                'I' => time.ToString("hh", culture),
                'M' => time.ToString("mm", culture),
                'S' => time.ToString("ss", culture),
                'p' => time.Hour < 12 ? "AM" : "PM",
                'b' => time.ToString("MMM", culture),
                'B' => time.ToString("MMMM", culture),
                'a' => time.ToString("ddd", culture),
                'A' => time.ToString("dddd", culture),
                'j' => time.DayOfYear.ToString("000", culture),
                '%' => "%",
                _ => throw new InvalidOperationException($"Unsupported strftime directive '%{directive}'"),
            });
        }

        return builder.ToString();
    }

    private static string Skip(ref int i, string text)
    {
        i++;
        return text;
    }
}
