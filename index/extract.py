"""Turn raw content (HTML, plain text, Markdown, a JSON Lines record) into a clean Article.

HTML goes through trafilatura (main text, title, date, author, outlet, canonical URL, language). Plain text
and Markdown lose the web boilerplate a scraper leaves behind: "You are here", breadcrumbs, "see more"
teasers, share prompts, and everything from the comment form on.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import ExtractError
from .models import Article

MIN_WORDS = 30  # shorter than this is a teaser or an error page, not an article

# Lines that are navigation or page furniture, never article text (matched on the stripped line, case-blind).
_BOILERPLATE_LINE = re.compile(
    r"""^(?:you\ are\ here:?|skip\ to\ (?:main\ )?content|(?:see|read|show|load)\ more|continue\ reading
    |advertisement|advertising|sponsored(?:\ content)?|share\ this(?:\ article|\ story)?:?|share\ on\ \w+
    |(?:follow|like)\ us\ on\ .{0,40}|sign\ up\ for\ (?:our|the)\ .{0,60}newsletter.{0,40}
    |subscribe(?:\ now|\ to\ our\ newsletter)?|related\ (?:articles|stories|posts|content):?|tags?:.{0,200}
    |print|email|tweet|click\ here\ to\ .{0,80}|photo:.{0,120}|image\ (?:source|caption):.{0,120}
    |watch\ (?:the\ )?video|listen\ to\ this\ article|\d+\ min(?:ute)?s?\ read|most\ (?:read|popular)
    |we\ use\ cookies.{0,200}|accept\ (?:all\ )?cookies)$""",
    re.IGNORECASE | re.VERBOSE,
)
# From one of these on, the page is comments or the comment form.
_COMMENTS_START = re.compile(
    r"""^(?:leave\ a\ (?:reply|comment)|post\ a\ comment|\d*\s*comments?:?|comments\ are\ closed\.?
    |add\ (?:a|your)\ comment|join\ the\ (?:conversation|discussion)
    |this\ site\ uses\ akismet\ to\ reduce\ spam\..*)$""",
    re.IGNORECASE | re.VERBOSE,
)
# A breadcrumb: "Home > News > Title", "Home / World / Europe", "Home » Politics".
_BREADCRUMB = re.compile(r"^(?:home|start|news)\s*(?:[>»/|›]\s*[^>»/|›]{1,120}){1,6}$", re.IGNORECASE)
_TEASER_MARKER = re.compile(r"^(?:see|read|show)\ more$", re.IGNORECASE | re.VERBOSE)
_TRACKING_PARAMS = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|igshid|smid)$")
_WORDS = re.compile(r"\w+", re.UNICODE)


def decode_text(data: bytes) -> str:
    """Bytes of a text file as str; binary or non-UTF-8 content is refused with the reason."""
    if not data.strip():
        raise ExtractError("empty")
    if b"\x00" in data[:8192]:
        raise ExtractError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExtractError(f"not valid UTF-8 text (bad byte at offset {exc.start})") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        raise ExtractError("binary file, not text")
    return text


def clean_url(url: str) -> str:
    """The URL as published, without tracking parameters (utm_*, fbclid, ...) and fragment."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.query and not parts.fragment:
        return url.strip()
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, v) for k, v in pairs if not _TRACKING_PARAMS.match(k)]) if pairs else parts.query
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def canonical_url(url: str) -> str:
    """The URL as a key for recognising the same page: clean, scheme and host lower-cased, default port and
    trailing slash dropped."""
    parts = urlsplit(clean_url(url))
    if not parts.scheme:
        return url.strip()
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path.rstrip("/") or "/", parts.query, ""))


def normalise_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) or date-time from what a page or record said; None when unreadable."""
    if not value:
        return None
    value = str(value).strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(value.replace("Z", "+00:00")).isoformat()
        except ValueError:
            continue
    match = re.match(r"(\d{4}-\d{2}-\d{2})", value)
    return match.group(1) if match else None


def article_from_text(raw: str, url: str, title: str = "", source: str = "", published: str | None = None,
                      markdown: bool = False) -> Article:
    """A plain-text or Markdown page as an Article: boilerplate lines dropped, title taken from the top."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept: list[str] = []
    crumb_title = ""
    for i, line in enumerate(lines):
        if _COMMENTS_START.match(line):
            break
        if _BOILERPLATE_LINE.match(line):
            continue
        if _BREADCRUMB.match(line):
            crumb_title = re.split(r"[>»/|›]", line)[-1].strip()
            continue
        if i + 1 < len(lines) and _TEASER_MARKER.match(_next_nonblank(lines, i + 1)) and _is_headline(line):
            continue  # a teaser headline linking to another story
        kept.append(line)
    text = "\n".join(kept)
    if markdown:
        text = _strip_markdown(text)
    paragraphs = [p for p in (_join_lines(block) for block in re.split(r"\n\s*\n", text)) if p]
    if not title and paragraphs:
        first = paragraphs[0].lstrip("# ").strip()
        if _is_headline(first) and (not crumb_title or first == crumb_title or markdown or len(paragraphs) > 1):
            title, paragraphs = first, paragraphs[1:]
    elif paragraphs and paragraphs[0].lstrip("# ").strip() == title:
        paragraphs = paragraphs[1:]
    return build_article(url=url, title=title or crumb_title, text="\n\n".join(paragraphs), source=source,
                         published=published)


def article_from_html(html: bytes | str, url: str, page_knows_better: bool = False) -> Article:
    """An HTML page as an Article through trafilatura; pages with no article text are refused.

    `page_knows_better`: `url` is only where the page was found (a local file), so the page's own canonical
    URL, when it states one, is preferred."""
    import trafilatura  # heavy import, only when HTML is ingested

    try:
        doc = trafilatura.bare_extraction(html, url=None if page_knows_better else url, with_metadata=True,
                                          include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise ExtractError(f"unreadable HTML ({type(exc).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise ExtractError("no article text found in the page")
    text = "\n\n".join(p.strip() for p in doc.text.split("\n") if p.strip())
    if page_knows_better:
        url = doc.url or _declared_url(html) or url
    return build_article(
        url=url,
        title=(doc.title or "").strip(),
        text=text,
        source=(doc.sitename or doc.hostname or "").strip(),
        published=doc.date,
        author=doc.author,
        lang=doc.language or _html_lang(html),
    )


_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "figcaption")


def text_from_fragment(html: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one paragraph per block element."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style|//iframe|//noscript"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCKS):
        block.tail = "\n\n" + (block.tail or "")
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", root.text_content()) if p.strip())


def build_article(url: str, title: str, text: str, source: str = "", published: str | None = None,
                  author: str | None = None, lang: str | None = None) -> Article:
    """Check and normalise the fields every article needs; raise ExtractError for what is not an article."""
    text = "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip())
    if not text:
        raise ExtractError("empty")
    words = len(_WORDS.findall(text))
    if words < MIN_WORDS and not _is_cjk(text):
        raise ExtractError(f"too short to be an article ({words} words)")
    if _is_cjk(text) and len(text) < MIN_WORDS * 3:
        raise ExtractError("too short to be an article")
    title = re.sub(r"\s+", " ", title).strip() or _fallback_title(text)
    return Article(url=url.strip(), title=title[:300], text=text, source=source.strip()[:120] or _host(url),
                   published=normalise_date(published), author=(author or None), lang=lang or guess_language(text))


# Function words that tell the common languages of the news apart; the first match with a clear lead wins.
_STOPWORDS = {lang: frozenset(words.split()) for lang, words in {
    "en": "the and of to in is that for was with said on as by are",
    "de": "der die und das ist nicht mit sich des auf für ein eine dem den",
    "fr": "le la les et des est une pour dans que qui pas sur du au",
    "es": "el la los las y que del en por una para con se es",
    "it": "il di che la per una sono del della con non è gli nel",
    "pt": "o os que não uma para com do da em se dos das ao",
    "cs": "a je se na že v to jsou by jako ve pro který také",
    "ru": "и в не на что с по это как из он для его но",
}.items()}


def guess_language(text: str) -> str | None:
    """A rough two-letter language code from function words and scripts; None when unsure."""
    sample = text[:4000]
    if _is_cjk(sample):
        if re.search(r"[\uac00-\ud7af]", sample):
            return "ko"
        if re.search(r"[\u3040-\u30ff]", sample):
            return "ja"
        return "zh"
    words = [w.lower() for w in _WORDS.findall(sample)]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= max(3, 0.05 * len(words)) else None


def _is_cjk(text: str) -> bool:
    sample = text[:2000]
    cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", sample))
    return cjk > 0.2 * max(1, len(sample.replace(" ", "")))


def _declared_url(html: bytes | str) -> str | None:
    """The page's own absolute URL from <link rel=canonical> or og:url, if it states one."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError, SyntaxError):
        return None
    found = tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    return next((u.strip() for u in found if u.strip().startswith(("http://", "https://"))), None)


def _html_lang(html: bytes | str) -> str | None:
    head = html[:4096].decode("utf-8", "replace") if isinstance(html, bytes) else html[:4096]
    match = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", head, re.IGNORECASE)
    return match.group(1).lower() if match else None


def _next_nonblank(lines: list[str], start: int) -> str:
    return next((line for line in lines[start:] if line), "")


def _is_headline(line: str) -> bool:
    return 0 < len(line) <= 200 and not line.endswith((".", ":", ";", ",", "”", '"')) or line.startswith("# ")


def _join_lines(block: str) -> str:
    """Lines of one paragraph joined by a space; hard-wrapped text becomes one paragraph line."""
    return " ".join(line.strip() for line in block.split("\n") if line.strip())


def _strip_markdown(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their text
    text = re.sub(r"^(#{2,6})\s+", "", text, flags=re.MULTILINE)  # sub-headings become plain lines
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return re.sub(r"^\s*[-*+]\s+", "", text, flags=re.MULTILINE)


def _fallback_title(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= 100 else first[:97].rsplit(" ", 1)[0] + "…"


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
