"""Build rules/outlets.csv from the open ratings in ../shared/reliability.

Run: .venv/bin/python scripts/build_outlets.py [--shared ../shared] [--out rules/outlets.csv]

Two sources, in this order:

1. Lin et al. (2023), ``lin2023/domain_pc1.csv``: ``pc1`` from 0 (lowest
   quality) to 1 (highest) for 11,520 domains.  Taken as it is, rounded to
   three decimals.
2. Burdisso et al. (2024, idiap), ``idiap/golden_truth_dataset.csv``: labels
   1 reliable, 0 mixed, -1 unreliable, -2 very unreliable, each from MBFC,
   Wikipedia's perennial sources, NewsGuard or by hand.  Used only for domains
   Lin has no rating for.

An idiap label is put on Lin's scale as the median ``pc1`` of the domains that
carry that label *and* a Lin rating, so that an idiap-only "reliable" domain
sits where Lin's reliable domains sit instead of at 1.0 beside Reuters.  The
mapping is computed here, printed, and written into the CSV's header.

The output is deterministic (sorted by domain); running the script again on
the same input gives the same file.  Only this derived table ships with the
auditor, not the source files.
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from auditor.scoring.outlets import normalize_domain  # one definition of a lookup key

IDIAP_LABELS = {1: "reliable", 0: "mixed", -1: "unreliable", -2: "very unreliable"}


def _domain(text: str) -> str | None:
    """The domain as the auditor looks it up, or None for a row without one (idiap has an empty row)."""
    domain = normalize_domain(text)
    return domain if domain and " " not in domain and "." in domain else None


def _first_per_domain(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """Keep one row per looked-up domain; the bare form wins over "www." (Lin lists xinhuanet.com twice)."""
    kept: dict[str, object] = {}
    for raw, value in sorted(pairs, key=lambda pair: (pair[0].strip().lower().startswith("www."), pair[0])):
        domain = _domain(raw)
        if domain is not None:
            kept.setdefault(domain, value)
    return kept


def read_lin(path: Path) -> dict[str, float]:
    with path.open(encoding="utf-8", newline="") as handle:
        return _first_per_domain([(row["domain"], float(row["pc1"])) for row in csv.DictReader(handle)])


def read_idiap(path: Path) -> dict[str, tuple[int, str]]:
    """domain -> (label, where the label came from)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return _first_per_domain([(row["domain"], (int(row["reliability_label"]), row["label_source"].strip()))
                                  for row in csv.DictReader(handle)])


def calibrate(lin: dict[str, float], idiap: dict[str, tuple[int, str]]) -> dict[int, float]:
    """Idiap label -> the median Lin pc1 of the domains rated by both."""
    by_label: dict[int, list[float]] = {}
    for domain, (label, _) in idiap.items():
        if domain in lin:
            by_label.setdefault(label, []).append(lin[domain])
    missing = set(IDIAP_LABELS) - set(by_label)
    if missing:
        raise SystemExit(f"no overlap with Lin for idiap labels {sorted(missing)}: cannot calibrate")
    return {label: round(statistics.median(values), 2) for label, values in sorted(by_label.items())}


def build(shared: Path) -> tuple[str, dict[int, float], int, int]:
    lin = read_lin(shared / "reliability" / "lin2023" / "domain_pc1.csv")
    idiap = read_idiap(shared / "reliability" / "idiap" / "golden_truth_dataset.csv")
    mapping = calibrate(lin, idiap)
    rows = [(domain, f"{pc1:.3f}", "", "lin2023:pc1") for domain, pc1 in lin.items()]
    idiap_only = 0
    for domain, (label, origin) in idiap.items():
        if domain not in lin:
            idiap_only += 1
            rows.append((domain, f"{mapping[label]:.3f}", IDIAP_LABELS[label], f"idiap:{origin}"))
    rows.sort()
    out = io.StringIO()
    out.write(
        "# Outlet reliability ratings, 0 (lowest) to 1 (highest); built by scripts/build_outlets.py.\n"
        "# Do not edit by hand: override entries with your own file (auditor audit --outlets FILE).\n"
        "# rating: Lin et al. (2023) pc1, or an idiap label mapped onto pc1 (provenance idiap:*).\n"
        "# Lin, H., Lasser, J., Lewandowsky, S., Cole, R., Gully, A., Rand, D. G., & Pennycook, G. (2023).\n"
        "#   High level of correspondence across different news domain quality rating sets.\n"
        "#   PNAS Nexus 2(9), pgad286. https://doi.org/10.1093/pnasnexus/pgad286 (\"feel free to reuse\").\n"
        "# Burdisso, S., Sanchez-Cortes, D., Villatoro-Tello, E., Motlicek, P. (2024). Reliability\n"
        "#   Estimation of News Media Sources: Birds of a Feather Flock Together. NAACL 2024.\n"
        "#   idiap/News-Media-Reliability, golden_truth_dataset.csv, Apache License 2.0.\n"
        "# idiap label -> rating (median Lin pc1 of the domains rated by both): "
        + ", ".join(f"{label} {IDIAP_LABELS[label]} = {value:.2f}" for label, value in sorted(mapping.items(), reverse=True))
        + "\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("domain", "rating", "label", "provenance"))
    writer.writerows(rows)
    return out.getvalue(), mapping, len(lin), idiap_only


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "rules" / "outlets.csv")
    args = parser.parse_args(argv)
    text, mapping, n_lin, n_idiap = build(args.shared)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {n_lin} domains from Lin et al. 2023, {n_idiap} more from idiap", file=sys.stderr)
    print("idiap label -> rating: " + ", ".join(f"{k}: {v}" for k, v in sorted(mapping.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
