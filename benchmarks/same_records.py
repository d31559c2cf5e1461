"""Check that a change left the records alone: ``relata extract`` JSON Lines before and after.

    python -m benchmarks.same_records save BEFORE.jsonl   # before the change
    python -m benchmarks.same_records check BEFORE.jsonl  # after: exit 1 and the differing ids

Inputs are the bundled examples plus ../shared/seeds when present.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def inputs() -> list[str]:
    """Relative to the project root, so that sources compare equal from any checkout."""
    paths = ["examples"]
    if (ROOT.parent / "shared" / "seeds").is_dir():
        paths.append("../shared/seeds")
    return paths


def extract_jsonl(extra: list[str] = ()) -> list[dict]:
    command = [sys.executable, "-c", "from relata.cli import main; main()", "extract", "--quiet",
               *extra, *inputs()]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    return [json.loads(line) for line in result.stdout.splitlines()]


def differences(before: list[dict], after: list[dict]) -> list[str]:
    """Sources whose record differs, plus counts when documents appeared or vanished."""
    old = {r["source"]: r for r in before}
    new = {r["source"]: r for r in after}
    changed = [s for s in old.keys() & new.keys() if old[s] != new[s]]
    changed += [f"missing: {s}" for s in old.keys() - new.keys()]
    changed += [f"new: {s}" for s in new.keys() - old.keys()]
    return sorted(changed)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] not in ("save", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    action, path = argv
    records = extract_jsonl()
    if action == "save":
        Path(path).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        print(f"{len(records)} records saved to {path}")
        return 0
    before = [json.loads(line) for line in Path(path).read_text().splitlines()]
    diff = differences(before, records)
    for source in diff:
        print(f"differs: {source}")
    print(f"{len(records)} records, {len(diff)} differ")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
