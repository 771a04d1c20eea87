using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ChatRag.Ingestion.Tests.Fixtures;

/// <summary>PDFs generated with PdfPig's builder and a standard font, so tests know exactly what each page says.</summary>
internal static class PdfFixtures
{
    /// <summary>A PDF whose page n has the given lines, top to bottom.</summary>
    public static byte[] Pages(IReadOnlyList<IReadOnlyList<string>> pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(60, y), font);
                y -= 15;
            }
        }

        return builder.Build();
    }

    /// <summary>Two pages: a 24pt title and a 16pt section heading over 11pt body text, the section running onto page 2.</summary>
    public static byte[] WithHeadings()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(PageSize.A4);
        first.AddText("Annual Report", 24, new PdfPoint(60, 760), font);
        first.AddText("The year in brief, told in plain words.", 11, new PdfPoint(60, 720), font);
        first.AddText("Results", 16, new PdfPoint(60, 670), font);
        first.AddText("Revenue grew in every region this year.", 11, new PdfPoint(60, 640), font);
        var second = builder.AddPage(PageSize.A4);
        second.AddText("Costs stayed flat across the company.", 11, new PdfPoint(60, 760), font);
        second.AddText("Margins therefore improved as well.", 11, new PdfPoint(60, 745), font);
        return builder.Build();
    }

    /// <summary>Page n says "Page n: the quick ... sentence about topic n." over several lines.</summary>
    public static byte[] Numbered(int pageCount, int linesPerPage = 3) =>
        Pages(Enumerable.Range(1, pageCount)
            .Select(n => (IReadOnlyList<string>)Enumerable.Range(1, linesPerPage).Select(l => $"Page {n} line {l} tells about topic{n} and more words here.").ToList())
            .ToList());

    /// <summary>A valid PDF with a standard security handler in its trailer: readers must treat it as password-protected.</summary>
    public static byte[] Encrypted()
    {
        var text = Encoding.Latin1.GetString(Numbered(1));
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var dict = text.IndexOf("<<", trailer, StringComparison.Ordinal) + 2;
        var hex = new string('A', 64);
        var encrypt = $" /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O <{hex}> /U <{hex}> /P -44 >> /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
        return Encoding.Latin1.GetBytes(text.Insert(dict, encrypt));
    }
}
