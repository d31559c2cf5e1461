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


def test_common_cms_furniture():
    for line in [
        "Tags: trade, Peru, Bolivia",
        "Share on Telegram | Share on X",
        "Print this story | Email this story",
        "The post Peru and Bolivia sign water pact appeared first on Andes Report.",
        "Get the evening digest delivered to your inbox!",
        "Follow Andes Report on Instagram for more.",
        "[END OF TRANSCRIPT]",
        "Related: Bolivia's lithium plans explained",
    ]:
        assert category_of(line) is not None, line
    for line in [
        "Tags on the crates showed they had been shipped from Rotterdam.",
        "Follow-up talks are planned for March in La Paz.",
        "The post of foreign minister has been vacant since January.",
    ]:
        assert category_of(line) is None, line


def test_contact_and_press_office_lines_are_boilerplate():
    for line in [
        "For more information contact the press office on +260 211 252 640 or email press@river.org.",
        "Media contact: Ruth Zulu, Communications Officer, tel. (260) 977-123456.",
        "Press enquiries: press@river-commission.org",
        "To donate, visit www.example.org or call 555-123-4567.",
        "Tel: 0800 555 111",
        "For media enquiries, contact the ministry press office on +976 11 262 288 or email press@mrtd.gov.mn.",
        "###",
    ]:
        assert category_of(line) == "contact", line


def test_a_contact_heading_drops_the_name_and_number_lines_after_it():
    lines = [
        "The commission meets again in March.",
        "Media contacts:",
        "Ruth Zulu",
        "Communications Officer",
        "+260 977 123 456",
        "ruth.zulu@river-commission.org",
        "The talks resume on Monday, the minister said.",
    ]
    kept, dropped = remove_boilerplate(lines)
    assert kept == ["The commission meets again in March.", "The talks resume on Monday, the minister said."]
    assert dropped == 5


def test_statements_that_give_a_number_are_article_text():
    for line in [
        "Anyone with information about the spill should call the hotline at (260) 977-123456, the ministry said.",
        "Police said anyone with information should call 0800 555 111.",
        "The ministry said it would call an election for 12 March.",
        "He said 10 000 people came to the rally in Lusaka.",
    ]:
        assert category_of(line) is None, line
