"""The `briefbot` command: ingest, ask, digest, eval, stats, export, remove, feed (in cli_feed.py), run, chat.

Each subcommand reads the settings once, opens the library, does one thing and prints for people (or JSON
with --json). Library errors become one-line messages and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import socket
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from index import Answer, BriefbotError, Library, Outcome, QueryError

from .chitchat import asks_for_the_news
from .cli_feed import add_feed_commands
from .config import Settings, open_library
from .logs import setup_logging
from .render import corrected_line, declined_line

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        settings = Settings()
    except ValidationError as exc:
        problems = "; ".join(f"BRIEFBOT_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        print(f"briefbot: a setting is invalid ({problems}). See .env.example.", file=sys.stderr)
        return EXIT_USAGE
    secrets = [settings.telegram_token.get_secret_value()] if settings.telegram_token else []
    setup_logging(settings.log_level if args.verbose else "WARNING", secrets)
    try:
        return args.handler(args, settings)
    except BriefbotError as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("briefbot: interrupted; everything reported as added is stored", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `briefbot export | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", description="A news briefing assistant: quotes from a "
                                     "library of articles, with their sources. Settings: BRIEFBOT_* or .env.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens (to stderr)")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="add articles from files, folders, JSON Lines or URLs")
    ingest.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="an HTML, text or Markdown file, a .jsonl file, a folder of these, or an http(s) URL")
    ingest.add_argument("--quiet", action="store_true", help="print only rejections and the summary")
    ingest.set_defaults(handler=cmd_ingest)

    ask = commands.add_parser("ask", help="ask a question; get verbatim quotes with their sources")
    ask.add_argument("question", nargs="*", help="the question (or use --batch)")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--batch", type=Path, metavar="FILE",
                     help="one question a line (text, or JSON with 'question'); one JSON object a line out")
    ask.set_defaults(handler=cmd_ask)

    stats = commands.add_parser("stats", help="what the library holds")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    stats.set_defaults(handler=cmd_stats)

    digest = commands.add_parser("digest", help="the stories since a time, same-story articles grouped")
    digest.add_argument("--since", default="24h", help="24h, 3d, all, or a date/time (default: 24h)")
    digest.add_argument("--topics", nargs="*", default=[], metavar="WORD", help="rank and keep stories on these")
    digest.add_argument("--limit", type=int, default=10, help="stories at most (default: 10)")
    digest.add_argument("--json", action="store_true", help="print one JSON object")
    digest.set_defaults(handler=cmd_digest)

    evaluate = commands.add_parser("eval", help="measure answer quality on a question set, three retrievers")
    evaluate.add_argument("--corpus", type=Path, help="articles (JSON Lines) to ingest into a temporary library; "
                                                      "without it, the current library is used")
    evaluate.add_argument("--questions", type=Path, required=True, help="questions (JSON Lines)")
    evaluate.add_argument("--retrievers", nargs="+", default=["keyword", "dense", "hybrid"],
                          choices=["keyword", "dense", "hybrid"])
    evaluate.add_argument("--lowercase", action="store_true",
                          help="ask every question typed in lower case, as people often type on a phone")
    evaluate.add_argument("--json", action="store_true", help="print the report as one JSON object")
    evaluate.add_argument("--misses", action="store_true",
                          help="after the table, each question the last retriever missed, with its first quote")
    evaluate.set_defaults(handler=cmd_eval)

    export = commands.add_parser("export", help="write the library as JSON Lines that `ingest` reads back")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=cmd_export)

    remove = commands.add_parser("remove", help="remove the article stored under a URL")
    remove.add_argument("url")
    remove.set_defaults(handler=cmd_remove)

    add_feed_commands(commands)

    run = commands.add_parser("run", help="run the Telegram bot (long polling)")
    run.set_defaults(handler=cmd_run)

    chat = commands.add_parser("chat", help="talk to the bot in this terminal, without Telegram")
    chat.set_defaults(handler=cmd_chat)
    return parser


def cmd_ingest(args, settings: Settings) -> int:
    counts: Counter[Outcome] = Counter()
    with open_library(settings) as library:
        progress = _progress_bar()
        for result in library.ingest(args.sources, on_item=progress.update if progress else None):
            counts[result.outcome] += 1
            if not args.quiet or result.outcome is Outcome.REJECTED:
                line = result.describe()
                if progress:
                    progress.write(line)
                else:
                    print(line, flush=True)
        if progress:
            progress.close()
        stats = library.stats()
    print(f"{counts[Outcome.ADDED]} added, {counts[Outcome.DUPLICATE]} duplicates, {counts[Outcome.REJECTED]} "
          f"rejected; the library holds {stats['articles']} articles, {stats['passages']} passages")
    return EXIT_FAILED if counts[Outcome.REJECTED] else EXIT_OK


def _progress_bar():
    """A progress bar on stderr when a person is watching; None in pipes and logs."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, leave=False)


def cmd_ask(args, settings: Settings) -> int:
    if args.batch is None and not args.question:
        print("briefbot ask: give a question, e.g. briefbot ask \"Who won the Davis Cup?\"", file=sys.stderr)
        return EXIT_USAGE
    question = " ".join(args.question)
    if args.batch is None and asks_for_the_news(question):  # "what's new?": the stories, as the chat answers it
        return print_digest(settings, "24h", [], 10, args.json)
    with open_library(settings) as library:
        if args.batch is not None:
            return _ask_batch(library, args.batch)
        answer = library.ask(question)
    if args.json:
        print(json.dumps(answer_json(answer), ensure_ascii=False))
    else:
        print(answer_text(answer))
    return EXIT_OK


def _ask_batch(library: Library, path: Path) -> int:
    status = EXIT_OK
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if not line:
                continue
            extra: dict = {}
            question = line
            if line.startswith("{"):
                try:
                    extra = json.loads(line)
                    question = str(extra.pop("question"))
                except (json.JSONDecodeError, KeyError, AttributeError):
                    print(json.dumps({"question": line, "error": "not a JSON object with 'question'"}), flush=True)
                    status = EXIT_FAILED
                    continue
            try:
                record = {**extra, **answer_json(library.ask(question))}
            except QueryError as exc:
                record = {**extra, "question": question, "error": str(exc)}
                status = EXIT_FAILED
            print(json.dumps(record, ensure_ascii=False), flush=True)
    return status


def answer_json(answer: Answer) -> dict:
    return {
        "question": answer.question,
        "answered": answer.answered,
        "quotes": [{"text": q.text, "also": [e.text for e in q.also], "title": q.article.title,
                    "source": q.article.source, "published": q.article.published, "url": q.article.url,
                    "link": q.link, "score": q.score}
                   for q in answer.quotes],
        "related": [{"title": h.title, "url": h.url} for h in answer.related],
        **({"filters": answer.filters} if answer.filters else {}),
        **({"unknown": list(answer.unknown)} if answer.unknown else {}),
        **({"lacking": answer.lacking} if answer.lacking else {}),
        **({"corrected": [list(pair) for pair in answer.corrected]} if answer.corrected else {}),
    }


def answer_text(answer: Answer) -> str:
    """The answer for a terminal: each quote, then where it is from."""
    read = [corrected_line(answer)] if answer.corrected else []
    if not answer.answered:
        lines = [*read, declined_line(answer)]
        if answer.related:
            lines.append("The nearest articles:")
            lines += [f"  - {h.title} ({h.source}{', ' + h.published[:10] if h.published else ''})\n    {h.url}"
                      for h in answer.related]
        return "\n".join(lines)
    blocks = []
    for q in answer.quotes:
        date = f", {q.article.published[:10]}" if q.article.published else ""
        quoted = " … ".join(f"“{e.text}”" for e in q.excerpts)
        blocks.append(f"{quoted}\n  — {q.article.title} ({q.article.source}{date})\n    {q.link}")
    return "\n\n".join(read + blocks)


def cmd_digest(args, settings: Settings) -> int:
    return print_digest(settings, args.since, args.topics, args.limit, args.json)


def print_digest(settings: Settings, since_text: str, topics: list[str], limit: int, as_json: bool) -> int:
    from datetime import UTC, datetime

    from .digest import ArgumentError, parse_since

    now = datetime.now(UTC)
    try:
        since = parse_since(since_text, now)
    except ArgumentError as exc:
        print(f"briefbot digest: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with open_library(settings) as library:
        stories = library.stories(since, topics, max(1, limit), now)
    if as_json:
        items = [{"headline": s.headline, "url": s.url, "lead": s.lead,
                  "sources": [{"title": a.title, "url": a.url, "source": a.source} for a in s.articles]}
                 for s in stories]
        print(json.dumps({"items": items}, ensure_ascii=False))
        return EXIT_OK
    if not stories:
        print("Nothing in the library." if since is None else f"Nothing new since {since:%d %b %Y %H:%M} UTC.")
    for number, story in enumerate(stories, start=1):
        others = ", ".join(story.outlets[1:])
        print(f"{number}. {story.headline}\n   “{story.lead}”\n   {story.outlets[0]}"
              + (f" — also in: {others}" if others else "") + f"\n   {story.url}\n")
    return EXIT_OK


def cmd_eval(args, settings: Settings) -> int:
    import tempfile

    from index.evaluate import evaluate, misses_text, table, with_passages

    questions = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.lowercase:
        questions = [{**q, "question": q["question"].lower()} for q in questions]
    corpus = args.corpus or args.questions.with_name("articles.jsonl")
    named = any(q.get("acceptable_article_ids") for q in questions)
    if named and not corpus.exists():
        print("briefbot eval: questions name articles by id; give --corpus ARTICLES.jsonl", file=sys.stderr)
        return EXIT_USAGE
    records = [r for r in map(json.loads, corpus.read_text(encoding="utf-8").splitlines()) if r] \
        if corpus.exists() else []
    articles = {r["id"]: r["url"] for r in records}
    questions = with_passages(questions, {r["id"]: r.get("text", "") for r in records})
    with tempfile.TemporaryDirectory() as tmp:
        target = settings.model_copy(update={"data_dir": Path(tmp)}) if args.corpus else settings
        with open_library(target) as library:
            if args.corpus:
                print(f"ingesting {args.corpus} into a temporary library…", file=sys.stderr)
                for _ in library.ingest([str(args.corpus)]):
                    pass
            misses: dict = {}
            report = evaluate(library, questions, articles, args.retrievers, misses)
    print(json.dumps(report) if args.json else table(report))
    if args.misses and not args.json:
        last = args.retrievers[-1]
        print(f"\nmissed by {last} ({len(misses.get(last, []))}):\n" + misses_text(misses.get(last, [])))
    return EXIT_OK


def cmd_stats(args, settings: Settings) -> int:
    with open_library(settings) as library:
        stats = library.stats()
    if args.json:
        print(json.dumps(stats))
    else:
        print(f"{stats['articles']} articles from {stats['sources']} outlets, {stats['passages']} passages, "
              f"{stats['vectors']} vectors ({stats['model']}); newest {stats['newest'] or '-'}; in {stats['data_dir']}")
    return EXIT_OK


def cmd_export(args, settings: Settings) -> int:
    with open_library(settings) as library:
        if args.output:
            tmp = args.output.with_name(args.output.name + ".tmp")
            with open(tmp, "w", encoding="utf-8") as out:
                count = library.export(out)
            tmp.replace(args.output)
            print(f"exported {count} articles to {args.output}", file=sys.stderr)
        else:
            library.export(sys.stdout)
    return EXIT_OK


def cmd_remove(args, settings: Settings) -> int:
    with open_library(settings) as library:
        removed = library.remove(args.url)
    if removed is None:
        print(f"no article stored under {args.url}", file=sys.stderr)
        return EXIT_FAILED
    print(f"removed #{removed.id} {removed.title}")
    return EXIT_OK


NO_TOKEN = """briefbot needs a Telegram bot token to run as a bot.

  1. In Telegram, open a chat with @BotFather and send /newbot; choose a name and a username.
  2. BotFather replies with a token like 123456789:AA...; put it in a file named .env here:
         BRIEFBOT_TELEGRAM_TOKEN=123456789:AA...
     (or export BRIEFBOT_TELEGRAM_TOKEN). Add your own Telegram user id to BRIEFBOT_ADMIN_IDS to add articles.
  3. Run `make run` again.
"""


def cmd_run(args, settings: Settings) -> int:
    if settings.telegram_token is None:
        print(NO_TOKEN, file=sys.stderr)
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            print("No terminal to chat in either; exiting. `briefbot chat` tries the bot in a terminal.",
                  file=sys.stderr)
            return EXIT_FAILED
        print("Meanwhile, here is the same bot in your terminal (`briefbot chat`).\n", file=sys.stderr)
        return cmd_chat(args, settings)
    from .app import build_application, run_polling
    from .webhook import run_webhook, webhook_options

    token = settings.telegram_token.get_secret_value()
    if settings.webhook_url is None:
        setup_logging(settings.log_level, [token])
        logging.getLogger("bot").info("starting the bot (long polling)")
        run_polling(build_application(settings))
        return EXIT_OK
    try:  # a clear message now rather than a traceback after the model has loaded
        with socket.create_server((settings.webhook_listen, settings.webhook_port)):
            pass
    except OSError as exc:
        print(f"cannot listen on {settings.webhook_listen}:{settings.webhook_port} for the webhook: {exc.strerror}; "
              "set BRIEFBOT_WEBHOOK_LISTEN / BRIEFBOT_WEBHOOK_PORT", file=sys.stderr)
        return EXIT_USAGE
    options = webhook_options(settings)
    setup_logging(settings.log_level, [token, options["secret_token"]])
    logging.getLogger("bot").info("starting the bot (webhook %s, listening on %s:%d)", settings.webhook_url,
                                  settings.webhook_listen, settings.webhook_port)
    run_webhook(build_application(settings), options)
    return EXIT_OK


def cmd_chat(args, settings: Settings) -> int:
    import asyncio

    from .terminal import chat

    asyncio.run(chat(settings))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
