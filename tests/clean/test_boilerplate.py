from relata.clean.boilerplate import category_of, remove_boilerplate

ARTICLE = [
    "Brazil and Argentina agreed on Friday to cut tariffs on steel.",
    "Share this article",
    "“This is a good day for the region,” the Brazilian minister said.",
    "ADVERTISEMENT",
    "Print",
    "Related stories",
    "Argentina's inflation slows for a third month",
    "Brazil central bank holds rates",
    "The deal takes effect in January.",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Please enter your comment!",
    "Get latest news delivered daily!",
    "We will send you breaking news right to your inbox",
    "© 2024 Example Wire, Privacy Policy",
    "Source link",
    "Go to contents",
]


def test_drops_furniture_keeps_every_sentence():
    kept, dropped = remove_boilerplate(ARTICLE)
    assert kept == [
        "Brazil and Argentina agreed on Friday to cut tariffs on steel.",
        "“This is a good day for the region,” the Brazilian minister said.",
        "The deal takes effect in January.",
    ]
    assert dropped == len(ARTICLE) - 3


def test_sentences_that_mention_furniture_words_are_kept():
    for line in [
        "Share prices in Seoul fell 3 percent after the announcement.",
        "Comments by the minister drew criticism from the opposition.",
        "Copyright law was the main topic of the summit in Geneva.",
        "Q: What did the president say about the sanctions?",
        "Wang Yi: Cooperation has no upper limit.",
    ]:
        assert category_of(line) is None, line
