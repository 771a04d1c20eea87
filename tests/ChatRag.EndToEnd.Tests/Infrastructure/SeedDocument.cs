namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>A small document with a question its text answers, so an extractive answer must cite it.</summary>
/// <param name="Name">File name, shown in the documents list and the source panel.</param>
/// <param name="Content">Markdown text.</param>
/// <param name="Question">A question the document answers.</param>
/// <param name="Evidence">A phrase the answer's source passage contains.</param>
public sealed record SeedDocument(string Name, string Content, string Question, string Evidence)
{
    /// <summary>Used by the chat tests (uploaded through the API before any test runs).</summary>
    public static SeedDocument Lighthouse { get; } = new(
        "harrow-point-lighthouse.md",
        """
        # Harrow Point lighthouse

        The Harrow Point lighthouse was built in 1872 by the engineer Maria Ostrand.
        Its first-order Fresnel lens throws a white flash every ten seconds, visible for twenty-two nautical miles.

        ## Keepers

        Three keepers lived on the point until the light was automated in 1961.
        The last head keeper, Tomas Brenn, kept a weather diary that the county museum now holds.
        """,
        "Who built the Harrow Point lighthouse?",
        "Maria Ostrand");

    /// <summary>Uploaded through the browser by the upload test.</summary>
    public static SeedDocument Orchard { get; } = new(
        "quince-orchard-notes.md",
        """
        # Quince orchard notes

        The quince trees in the north orchard are pruned in late February, before the buds swell.
        Each tree gets two kilograms of composted manure in March.
        """,
        "When are the quince trees pruned?",
        "late February");
}
