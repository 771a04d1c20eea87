using ChatRag.TextAnalysis.Sentences;

namespace ChatRag.TextAnalysis.Tests.Sentences;

public sealed class SentenceSplitterTests
{
    private static List<string> Texts(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Text)];

    [Fact]
    public void English_titles_initials_abbreviations_and_decimals_do_not_end_a_sentence()
    {
        const string text = "The director, Dr. Okafor, approved a budget of 14.7 million. J. R. R. Tolkien wrote it, e.g. in 1937, at 3 p.m. on a Monday. "
            + "It sold 1,000 copies, etc. The U.S. edition came later.";

        Assert.Equal(
            [
                "The director, Dr. Okafor, approved a budget of 14.7 million.",
                "J. R. R. Tolkien wrote it, e.g. in 1937, at 3 p.m. on a Monday.",
                "It sold 1,000 copies, etc.",
                "The U.S. edition came later.",
            ],
            Texts(text));
    }

    [Fact]
    public void French_titles_decimals_and_thousands_do_not_end_a_sentence()
    {
        const string text = "M. Dupont et Mme. Martin dirigent le musée depuis 2019. Le budget atteint 14,7 millions d'euros, soit 1 000 000 € de plus. "
            + "Voir p. 12 et suiv. pour le détail. Elle a remplacé Dr. Lenoir !";

        Assert.Equal(
            [
                "M. Dupont et Mme. Martin dirigent le musée depuis 2019.",
                "Le budget atteint 14,7 millions d'euros, soit 1 000 000 € de plus.",
                "Voir p. 12 et suiv. pour le détail.",
                "Elle a remplacé Dr. Lenoir !",
            ],
            Texts(text));
    }

    [Fact]
    public void Sentences_end_at_terminators_and_cjk_full_stops()
    {
        Assert.Equal(["Did it stop?", "Yes!", "雨が降った。", "晴れた。"], Texts("Did it stop? Yes! 雨が降った。晴れた。"));
    }

    [Fact]
    public void List_items_are_units_of_their_own_and_marked_so()
    {
        const string text = "GPT-3 en chiffres :\n- 175 milliards de paramètres\n- 96 couches\n* entraîné sur 570 Go de texte\n1. first step\n2) second step";

        var units = SentenceSplitter.Split(text);

        Assert.Equal(
            ["GPT-3 en chiffres :", "175 milliards de paramètres", "96 couches", "entraîné sur 570 Go de texte", "first step", "second step"],
            units.Select(u => u.Text));
        Assert.Equal(SentenceKind.Sentence, units[0].Kind);
        Assert.All(units.Skip(1), u => Assert.Equal(SentenceKind.ListItem, u.Kind));
        Assert.Equal("175 milliards de paramètres", text[units[1].Start..units[1].End]);
    }

    [Fact]
    public void A_wrapped_list_item_stays_one_item()
    {
        var units = SentenceSplitter.Split("- The fridge must stay below 5 °C\n  at all times. Check it daily.\n- Next item");

        Assert.Equal(["The fridge must stay below 5 °C\n  at all times. Check it daily.", "Next item"], units.Select(u => u.Text));
    }

    [Fact]
    public void Headings_are_marked_and_kept_apart_from_the_text_below_them()
    {
        const string text = "# Staff handbook\nOpening hours\nWe open at 9 a.m. every day.\nHarrow Point > Keepers\nThree keepers lived there.";

        var units = SentenceSplitter.Split(text);

        Assert.Equal(
            [
                ("Staff handbook", SentenceKind.Heading),
                ("Opening hours", SentenceKind.Heading),
                ("We open at 9 a.m. every day.", SentenceKind.Sentence),
                ("Harrow Point > Keepers", SentenceKind.Heading),
                ("Three keepers lived there.", SentenceKind.Sentence),
            ],
            units.Select(u => (u.Text, u.Kind)));
    }

    [Fact]
    public void A_single_line_without_a_full_stop_is_a_sentence_not_a_heading()
    {
        Assert.Equal([("Harrow Point lighthouse", SentenceKind.Sentence)], SentenceSplitter.Split("Harrow Point lighthouse").Select(u => (u.Text, u.Kind)));
    }

    [Fact]
    public void A_line_that_goes_on_lower_case_is_the_same_sentence()
    {
        Assert.Equal(["The museum was founded in 1872 and\nrebuilt after the fire.", "It reopened."], Texts("The museum was founded in 1872 and\nrebuilt after the fire. It reopened."));
    }

    [Fact]
    public void Citation_markers_after_the_full_stop_belong_to_the_sentence_before()
    {
        Assert.Equal(["It is a storm. [1]", "It is large.[2, 3]", "Done [4]."], Texts("It is a storm. [1] It is large.[2, 3] Done [4]."));
    }

    [Fact]
    public void Offsets_point_into_the_given_range()
    {
        const string text = "ignored. Dr. Who arrived. He left. ignored";

        var units = SentenceSplitter.Split(text, 9, 34);

        Assert.Equal(["Dr. Who arrived.", "He left."], units.Select(u => text[u.Start..u.End]));
    }
}
