"""The `briefbot feed` commands: follow, list, drop, import and export news feeds, and poll them once."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from index import describe_feed, describe_interval, parse_interval

from .config import Settings, open_feeds, open_library

EXIT_OK, EXIT_FAILED = 0, 1  # as for every briefbot command (bot.cli)


def add_feed_commands(commands) -> None:
    """`briefbot feed ACTION …` under the command's subparsers."""
    feed = commands.add_parser("feed", help="news feeds (RSS, Atom) the library follows",
                               description="Feeds are polled by the running bot; `feed poll` polls once (for cron).")
    feed_commands = feed.add_subparsers(title="feed commands", metavar="ACTION", required=True)
    feed_add = feed_commands.add_parser("add", help="follow a feed (it is read once to check it)")
    feed_add.add_argument("url")
    feed_add.add_argument("--every", metavar="INTERVAL", help="how often to poll it: 30m, 2h, 1d "
                                                              "(default: BRIEFBOT_FEED_INTERVAL)")
    feed_add.set_defaults(handler=cmd_feed_add)
    feed_list = feed_commands.add_parser("list", help="the feeds followed, with their last error")
    feed_list.add_argument("--json", action="store_true", help="print one JSON object")
    feed_list.set_defaults(handler=cmd_feed_list)
    feed_remove = feed_commands.add_parser("remove", help="stop following a feed (its articles stay)")
    feed_remove.add_argument("url")
    feed_remove.set_defaults(handler=cmd_feed_remove)
    feed_import = feed_commands.add_parser("import", help="follow every feed an OPML file lists")
    feed_import.add_argument("file", type=Path)
    feed_import.set_defaults(handler=cmd_feed_import)
    feed_export = feed_commands.add_parser("export", help="write the feeds followed as OPML")
    feed_export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    feed_export.set_defaults(handler=cmd_feed_export)
    feed_poll = feed_commands.add_parser("poll", help="poll the feeds that are due, once, and exit")
    feed_poll.add_argument("--all", action="store_true", help="poll every feed, due or not")
    feed_poll.set_defaults(handler=cmd_feed_poll)


def cmd_feed_add(args, settings: Settings) -> int:
    interval = parse_interval(args.every or settings.feed_interval)
    with open_library(settings) as library:
        feed, created, entries = open_feeds(settings, library).add(args.url, interval)
    verb = "following" if created else "already following; interval now"
    print(f"{verb} {feed.title or feed.url}: {entries} entries listed, polled every {describe_interval(interval)}")
    return EXIT_OK


def cmd_feed_list(args, settings: Settings) -> int:
    with open_library(settings) as library:
        feeds = open_feeds(settings, library).list()
    if args.json:
        print(json.dumps({"feeds": [dataclasses.asdict(f) for f in feeds]}))
    elif not feeds:
        print("no feeds; add one with `briefbot feed add URL`")
    for feed in [] if args.json else feeds:
        print(describe_feed(feed))
    return EXIT_OK


def cmd_feed_remove(args, settings: Settings) -> int:
    with open_library(settings) as library:
        removed = open_feeds(settings, library).remove(args.url)
    if not removed:
        print(f"no feed {args.url}; see `briefbot feed list`", file=sys.stderr)
        return EXIT_FAILED
    print(f"stopped following {args.url}; its articles stay in the library")
    return EXIT_OK


def cmd_feed_import(args, settings: Settings) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"briefbot: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILED
    with open_library(settings) as library:
        outcome = open_feeds(settings, library).import_opml(data, parse_interval(settings.feed_interval))
    for url, what in outcome:
        print(f"{what}: {url}")
    added = sum(what == "added" for _, what in outcome)
    print(f"{added} feeds added of {len(outcome)} listed", file=sys.stderr)
    return EXIT_OK


def cmd_feed_export(args, settings: Settings) -> int:
    with open_library(settings) as library:
        opml = open_feeds(settings, library).export_opml()
    if args.output:
        tmp = args.output.with_name(args.output.name + ".tmp")
        tmp.write_text(opml, encoding="utf-8")
        tmp.replace(args.output)
    else:
        sys.stdout.write(opml)
    return EXIT_OK


def cmd_feed_poll(args, settings: Settings) -> int:
    with open_library(settings) as library:
        reports = open_feeds(settings, library).poll_due(everything=args.all)
    if not reports:
        print("no feed is due" if not args.all else "no feeds")
    for report in reports:
        print(report.describe())
    return EXIT_FAILED if reports and all(r.status == "failed" for r in reports) else EXIT_OK
