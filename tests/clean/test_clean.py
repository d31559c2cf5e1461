from relata.clean import clean_document
from relata.ingest import RawDocument

PAGE = """<!DOCTYPE html><html><head>
<title>Chile and Spain sign aid pact | Example Wire</title>
<meta property="og:title" content="Chile and Spain sign aid pact">
<meta property="article:published_time" content="2024-01-10T08:00:00Z">
<meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="Example Wire">
<script>var tracking = "do not keep this";</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>Chile and Spain sign aid pact</h1>
<p>MADRID - Spanish Foreign Minister Ana Lopez said on Tuesday that Spain would send $40 million in aid to Chile.</p>
<p>“We stand with the Chilean people,” she told reporters in the Spanish capital on Tuesday afternoon.</p>
<p>Chile's president thanked Madrid for the support and said the money would go to rebuilding schools.</p>
</article>
<section class="comments"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></section>
<footer>© 2024 Example Wire. All rights reserved.</footer></body></html>"""


def test_html_page_body_and_metadata():
    clean = clean_document(RawDocument(source="page.html", body=PAGE, kind="html"))
    assert clean.title == "Chile and Spain sign aid pact"
    assert clean.published == "2024-01-10"
    assert clean.author == "Ana Ruiz" and clean.outlet == "Example Wire"
    assert "Spain would send $40 million in aid to Chile." in clean.text
    assert "“We stand with the Chilean people,” she told reporters" in clean.text
    for gone in ("do not keep this", "Leave a Reply", "Your email address", "All rights reserved", "cookies"):
        assert gone not in clean.text
    assert clean.language == "en" and not clean.warnings


def test_published_override_and_container_date():
    raw = RawDocument(source="x", body="Officials in Lima met on Monday to discuss water rights.", kind="text",
                      published="Tue, 05 Mar 2024 10:00:00 GMT")
    assert clean_document(raw).published == "2024-03-05"
    assert clean_document(raw, published="2023-12-01").published == "2023-12-01"


def test_no_date_stays_unknown(tmp_path):
    raw = RawDocument(source="x", body="Officials in Lima met on Monday to discuss water rights.", kind="text")
    assert clean_document(raw).published is None


def test_non_english_gets_language_and_warning():
    text = "中国外交部发言人周二表示，双方将继续加强经贸合作。俄罗斯总统普京将于下月访问北京，与中国领导人举行会谈。"
    clean = clean_document(RawDocument(source="zh.txt", body=text, kind="text"))
    assert clean.language == "zh"
    assert any("not supported" in w for w in clean.warnings)


def test_normalisation_nfc_and_whitespace():
    raw = RawDocument(source="x", body="Cafe\u0301 talks\r\n\r\n\r\n\r\nin  Bogota\u00a0ended.\u200b", kind="text")
    assert clean_document(raw).text == "Café talks\n\nin Bogota ended."
