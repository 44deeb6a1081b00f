import pytest

from claims.extraction.sentences import split_sentences


def texts(text):
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sentences]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "As Barrett et al. (2021) showed, doses help. A second one.",
            ["As Barrett et al. (2021) showed, doses help.", "A second one."],
        ),
        (
            "Kratom is dangerous, said Tech. Sgt. Jane Doe. Capt. Roe agreed.",
            ["Kratom is dangerous, said Tech. Sgt. Jane Doe.", "Capt. Roe agreed."],
        ),
        (
            "Users take approx. 10 mg each day. Some take more.",
            ["Users take approx. 10 mg each day.", "Some take more."],
        ),
        (
            "It works on 5-HT2A, i.e. a serotonin receptor. That matters.",
            ["It works on 5-HT2A, i.e. a serotonin receptor.", "That matters."],
        ),
        (
            "Start with 0.1-0.3g of mushrooms or 5-10µg of LSD. Wait three days.",
            ["Start with 0.1-0.3g of mushrooms or 5-10µg of LSD.", "Wait three days."],
        ),
        (
            "Many compounds (e.g. LSD) act there. Dr. Smith agrees. So does J. Doe.",
            ["Many compounds (e.g. LSD) act there.", "Dr. Smith agrees.", "So does J. Doe."],
        ),
        (
            "Scored by J. A. Doe and P. Smith. Latency fell in group A. However, B. subtilis grew.",
            [
                "Scored by J. A. Doe and P. Smith.",
                "Latency fell in group A.",
                "However, B. subtilis grew.",
            ],
        ),
        (
            "It does not inhibit MAO-B.[2] It inhibits MAO-A. Effects peaked at 2 min. DMT "
            "lasted longer.[citation needed] Users agree.",
            [
                "It does not inhibit MAO-B.[2]",
                "It inhibits MAO-A.",
                "Effects peaked at 2 min.",
                "DMT lasted longer.[citation needed]",
                "Users agree.",
            ],
        ),
        (
            "It was tested by Smith et al. The study was small.",
            ["It was tested by Smith et al.", "The study was small."],
        ),
    ],
)
def test_it_keeps_abbreviations_numbers_and_citations_inside_sentences(text, expected):
    assert texts(text) == expected


def test_it_splits_after_footnote_markers_glued_to_the_period():
    text = (
        "It may help.[12] Others disagree.3 Then (Passie, 2008). More (pain).1 Follows.** "
        "Asterisks.\u2020 Daggers."
    )
    assert texts(text) == [
        "It may help.[12]",
        "Others disagree.3",
        "Then (Passie, 2008).",
        "More (pain).1",
        "Follows.**",
        "Asterisks.\u2020",
        "Daggers.",
    ]


def test_markers_after_a_period_stay_with_the_sentence_they_cite():
    # A wiki copy's markers spaced apart, or carried to the start of the next paragraph.
    text = (
        "Pain may be neuropathic.[5] [6] Therapy may help.[7]\n\n"
        "[1] Minute amounts of lisuride suppress firing."
    )
    assert texts(text) == [
        "Pain may be neuropathic.[5] [6]",
        "Therapy may help.[7]",
        "Minute amounts of lisuride suppress firing.",
    ]


def test_bullets_are_items_without_their_markers():
    text = (
        "Health Risks\n\n  • Potential exacerbation of psychosis\n- Possible heart effects\n"
        "1. Nausea\n"
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Health Risks",
        "Potential exacerbation of psychosis",
        "Possible heart effects",
        "Nausea",
    ]
    assert [s.kind for s in sentences] == ["heading", "item", "item", "item"]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_q_and_a_lines_are_separate_sentences_without_the_prefix():
    text = "Q: Does microdosing work?\nA: Some studies suggest it may. Others do not."
    assert texts(text) == [
        "Does microdosing work?",
        "Some studies suggest it may.",
        "Others do not.",
    ]


def test_a_decimal_at_line_start_is_not_a_list_marker():
    assert texts("0.5 mg is a common dose.") == ["0.5 mg is a common dose."]


def test_a_genus_abbreviated_at_a_paragraph_start_is_not_a_list_marker():
    text = "Kanna\n\nS. tortuosum may elevate mood.\n\nA. Background\n\nb) lower doses"
    assert [s.text for s in split_sentences(text)] == [
        "Kanna",
        "S. tortuosum may elevate mood.",
        "Background",
        "lower doses",
    ]


def test_hard_wrapped_lines_join_but_headings_do_not():
    text = "Why it matters\nPsilocybin may reduce symptoms of\ndepression in adults. It is studied."
    assert texts(text) == [
        "Why it matters",
        "Psilocybin may reduce symptoms of\ndepression in adults.",
        "It is studied.",
    ]


def test_offsets_survive_crlf_and_leading_spaces():
    text = "  First claim here.\r\n\r\n   Second claim here.  "
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [(2, 19), (26, 44)]


def test_lines_after_a_lead_in_are_list_items_even_without_bullets():
    # Bullets are often lost when a page is copied: the lines after "...:" are items.
    text = (
        "Synthetic cannabinoids can cause serious health problems including:\n"
        "rapid heart rate\n"
        "vomiting\n"
        "\n"
        "The review found:\n"
        "the drug was safe and\n"
        "well tolerated in adults.\n"
    )
    sentences = split_sentences(text)
    assert [(s.kind, s.text) for s in sentences[1:3]] == [
        ("item", "rapid heart rate"),
        ("item", "vomiting"),
    ]
    # A line ending in "and" wraps onto the next: one item, not two.
    assert sentences[-1].text == "the drug was safe and\nwell tolerated in adults."


def test_full_sentences_completing_an_open_lead_in_are_items():
    # "...yoga may:" needs its lines to make a sentence, so they are items even with full stops;
    # after a lead-in that is a sentence of its own ("The review found:"), they are not.
    text = (
        "Research suggests that yoga may:\n"
        "Help people quit smoking.\n"
        "Relieve menopause symptoms.\n"
        "\n"
        "The review found:\n"
        "Yoga helped some people.\n"
    )
    sentences = split_sentences(text)
    assert [s.kind for s in sentences] == ["text", "item", "item", "text", "text"]
