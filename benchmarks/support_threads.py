"""The support corpora as a user would give them to followlint: one mbox per corpus.

Each tweet (``support-twitter/twcs-5k.csv``) or care-dialogue turn
(``support-twitter/ibm-care-dev.json``) becomes one message: ``From`` is its author's account,
``Message-ID`` names the post, ``In-Reply-To``/``References`` the posts it answers, ``Date`` its
time. The brand accounts are the ones to pass as ``--rep``; which side a message is on, how the
messages thread and which conversations count are then followlint's own conversation stage,
as for any mailbox. The mbox is written into a work folder (``benchmarks/.work`` or a test's
temp dir), never into the project.

Used by ``bench_realmail.py`` (whole corpora) and by ``tests/test_accuracy.py`` (the judged
threads, one thread per labelled case), so both rebuild a thread the same way.
"""
from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

TWITTER = "support-twitter/twcs-5k.csv"
IBM = "support-twitter/ibm-care-dev.json"
TWITTER_EPOCH_MS = 1288834974657  # snowflake IDs: (id >> 22) + this = milliseconds since 1970
CUSTOMERS = "users.twitter.invalid"  # customers' accounts: one public provider, not colleagues
BRANDS = "brands.twitter.invalid"


@dataclass
class Post:
    key: str  # the tweet id (twcs), or "DIALOG.TURN" (IBM care)
    author: str
    brand: bool  # written by the company's account
    time: datetime
    text: str
    parent: str | None  # the key of the post it answers, when the corpus says
    line: int  # where the post's text is in the corpus file
    thread: str = ""  # the key of the first post of its thread (set by ``threads``)


def address(post: Post) -> str:
    return f"{post.author}@{BRANDS if post.brand else CUSTOMERS}".lower()


def reps(posts: list[Post]) -> list[str]:
    """The brand accounts, as ``--rep`` addresses."""
    return sorted({address(p) for p in posts if p.brand})


def now_after(posts: list[Post]) -> str:
    """The reference time a check of the corpus uses: a day after its latest post."""
    return (max(p.time for p in posts) + timedelta(days=1)).isoformat()


def key_of(corpus: str, touch: str) -> str:
    """A post's key from a touch as a judged sample names it: the tweet id (twcs), or
    "dialog N turn M (tweet ...)" (IBM care, as the benchmark named it before) or "N.M"."""
    if touch.startswith("dialog "):
        words = touch.split()
        return f"{words[1]}.{words[3]}"
    return touch


def message_id(corpus: str, key: str) -> str:
    return f"<{key}@{Path(corpus).stem}.invalid>"


def load(corpora: Path, corpus: str) -> list[Post]:
    path = corpora / corpus
    return twitter_posts(path) if corpus == TWITTER else ibm_posts(path)


def twitter_posts(path: Path) -> list[Post]:
    with open(path, newline="", encoding="utf-8") as handle:
        text = handle.read()
    # A bare carriage return inside an unquoted field (two tweets have one) would end its row
    # early: read it as the space it stands for. Lines are counted on "\n".
    text = text.replace("\r\n", "\n").replace("\r", " ")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    reader.fieldnames  # reads the header row
    line = reader.line_num + 1  # the physical line on which the next record starts
    posts = []
    for row in reader:
        parents = [v.strip().split(".")[0] for v in (row["in_response_to_tweet_id"] or "").split(",") if v.strip()]
        posts.append(Post(key=row["tweet_id"].strip(), author=row["author_id"].strip(),
                          brand=row["inbound"].strip().lower() != "true",
                          time=datetime.strptime(row["created_at"].strip(), "%a %b %d %H:%M:%S %z %Y"),
                          # Twitter's API escapes &, < and > in a tweet's text ("Pls &amp;Tq").
                          text=html.unescape(row["text"]), parent=parents[0] if parents else None, line=line))
        line = reader.line_num + 1
    return threads(posts)


def ibm_posts(path: Path) -> list[Post]:
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    # The file is pretty-printed: a turn's line is that of its "message" (or the agent reply's
    # "url_utterance") key, in document order.
    lines: dict[str, list[int]] = {"message": [], "url_utterance": []}
    for number, text in enumerate(raw.splitlines(), 1):
        stripped = text.lstrip()
        key = stripped[1:].partition('"')[0] if stripped.startswith('"') else ""
        if key in lines:
            lines[key].append(number)
    at = {k: iter(v) for k, v in lines.items()}
    posts = []
    for dialog, item in enumerate(data):
        company = item.get("dialogHeader", {}).get("company", "agent")
        turns = [dict(t, line=next(at["message"], 1)) for t in item.get("dialogContent", [])]
        reply = item.get("agentURL") or {}
        if "url_utterance" in reply:
            line = next(at["url_utterance"], 1)
            if reply.get("url_utterance") and reply.get("tweet_ID"):
                stamp = ((int(reply["tweet_ID"]) >> 22) + TWITTER_EPOCH_MS) / 1000
                turns.append({"agent": company, "message": reply["url_utterance"], "line": line,
                              "datetime": datetime.fromtimestamp(stamp, timezone.utc).isoformat()})
        previous = None
        for number, turn in enumerate(turns):
            author = next((str(turn[k]) for k in turn if k.startswith(("client", "agent"))), "")
            key = f"{dialog}.{number}"
            posts.append(Post(key=key, author=author, brand=any(k.startswith("agent") for k in turn),
                              time=datetime.fromisoformat(turn["datetime"].replace("Z", "+00:00")),
                              text=turn.get("message", ""), parent=previous, line=turn["line"]))
            previous = key
    return threads(posts)


def threads(posts: list[Post]) -> list[Post]:
    """Set each post's ``thread``: the first post of the reply chain it belongs to (a reply to
    a post outside the corpus starts a chain of its own, as in a mailbox)."""
    by_key = {p.key: p for p in posts}
    for post in posts:
        seen, root = set(), post
        while root.parent in by_key and root.key not in seen:
            seen.add(root.key)
            root = by_key[root.parent]
        post.thread = root.key
    return posts


def thread_of(posts: list[Post], key: str) -> list[Post]:
    """Every post that shares its thread with the post ``key``."""
    root = next(p.thread for p in posts if p.key == key)
    return [p for p in posts if p.thread == root]


def write_mbox(posts: list[Post], corpus: str, out: Path) -> dict[int, str]:
    """Write ``posts`` as one mbox, thread by thread in time order; returns each message's
    first line in the mbox (as followlint labels a touch) -> the post's key."""
    by_key = {p.key: p for p in posts}
    order = sorted(posts, key=lambda p: (p.thread, p.time, p.key))
    lines: dict[int, str] = {}
    chunks: list[str] = []
    line = 1
    for post in order:
        chain, up, seen = [], post.parent, set()
        while up is not None and up not in seen:
            seen.add(up)
            chain.append(up)
            up = by_key[up].parent if up in by_key else None
        to = by_key[post.parent] if post.parent in by_key else None
        headers = [f"From {address(post)} {post.time.strftime('%a %b %d %H:%M:%S %Y')}",
                   f"From: {post.author} <{address(post)}>",
                   f"Date: {format_datetime(post.time)}",
                   f"Message-ID: {message_id(corpus, post.key)}"]
        if to is not None:
            headers.append(f"To: {to.author} <{address(to)}>")
        if post.parent is not None:
            headers.append(f"In-Reply-To: {message_id(corpus, post.parent)}")
            headers.append("References: " + " ".join(message_id(corpus, k) for k in reversed(chain)))
        headers += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                    "Content-Transfer-Encoding: 8bit"]
        body = [(">" + b if b.startswith("From ") else b) for b in post.text.replace("\r", "").split("\n")]
        lines[line] = post.key
        message = headers + [""] + body + [""]
        chunks.append("\n".join(message) + "\n")
        line += len(message)
    out.write_text("".join(chunks), encoding="utf-8")
    return lines
