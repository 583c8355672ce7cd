"""A burst of highlight edits through the services, for crash and concurrency tests.

Usage: ``python tests/safety/highlight_burst.py DB COUNT [SEED]`` (COUNT 0 = until killed).
For each step it creates a highlight on a random passage of a random article, and every few steps
tags it or sets a note; a line is printed (and flushed) only AFTER the service call returned:
``created ID ARTICLE START END``, ``noted ID NOTE``, ``tagged ID TAG``. Whatever was printed
must survive a SIGKILL at any moment.
"""
from __future__ import annotations

import random
import sys

from app.bootstrap import open_library


def main(argv: list[str]) -> int:
    db, count = argv[0], int(argv[1])
    rng = random.Random(int(argv[2]) if len(argv) > 2 else 0)
    lib = open_library(db, samples=False)
    bodies = {a.id: lib.articles.get(a.id).body for a in lib.articles.list()}
    tags = [t.id for t in lib.codebook.tree()]
    if not bodies or not tags:
        print("no articles or tags", file=sys.stderr)
        return 1
    print(f"ready {len(bodies)} articles", flush=True)
    step = 0
    while count == 0 or step < count:
        step += 1
        aid = rng.choice(sorted(bodies))
        body = bodies[aid]
        start = rng.randrange(len(body) - 1)
        end = min(len(body), start + rng.randint(1, 40))
        if not body[start:end].strip():
            continue
        h = lib.highlights.create(aid, start, end, [rng.choice(tags)])
        print(f"created {h.id} {aid} {h.start} {h.end}", flush=True)
        if step % 3 == 0:
            note = f"메모 {step} 😀 \"인용\""
            lib.highlights.set_note(h.id, note)
            print(f"noted {h.id} {note}", flush=True)
        if step % 5 == 0:
            tag = rng.choice(tags)
            lib.highlights.add_tag(h.id, tag)
            print(f"tagged {h.id} {tag}", flush=True)
    lib.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
