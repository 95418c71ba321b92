#!/usr/bin/python3
"""Writes org.datastamp.portal's table of PaNET techniques (id, label, alternative labels) from a release of PaNET,
the ExPaNDS/PaNOSC photon and neutron experimental techniques ontology (CC BY 4.0), so no id is typed by hand.

Reads source/PaNET.csv (the ROBOT template PaNET is built from) at a release tag of a local clone of
https://github.com/ExPaNDS-eu/ExPaNDS-experimental-techniques-ontology; nothing is fetched. Run from the repository
root, e.g.
    git clone https://github.com/ExPaNDS-eu/ExPaNDS-experimental-techniques-ontology /tmp/panet
    python3 releng/panet/generate-panet-techniques.py /tmp/panet v1.3.0
and update NOTICE.md next to the table when the release changes.

Only technique classes are kept (ids PaNET + 5 digits, the descendants of PaNET00001 'photon and neutron
technique'); the specifier classes (probe, process, purpose, ... PaNET2xxxxxx) and the object properties are not
techniques. A class spread over several template rows is merged. Output lines: id,label,alt label|alt label."""
import csv
import io
import os
import re
import subprocess
import sys

OUT = os.path.join("bundles", "org.datastamp.portal", "src", "main", "resources", "org", "datastamp", "portal",
                   "panet", "panet-techniques.csv")
IRI = re.compile(r"http://purl\.org/pan-science/PaNET/(PaNET\d{5})")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def main(repo, tag):
    commit = git(repo, "rev-parse", tag + "^{commit}").strip()
    rows = list(csv.reader(io.StringIO(git(repo, "show", commit + ":source/PaNET.csv"))))
    header = rows[0]
    label, alts = header.index("Label"), [i for i, h in enumerate(header) if h.startswith("Alt Label")]
    classes = {}
    for row in rows[2:]:
        m = IRI.fullmatch(row[1].strip()) if len(row) > 1 else None
        if not m:
            continue
        entry = classes.setdefault(m.group(1), {"label": "", "alts": []})
        if row[label].strip():
            entry["label"] = entry["label"] or row[label].strip()
        for i in alts:
            alt = row[i].strip()
            if alt and alt not in entry["alts"]:
                entry["alts"].append(alt)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# PaNET techniques from ExPaNDS-eu/ExPaNDS-experimental-techniques-ontology %s (commit %s),\n"
                % (tag, commit))
        f.write("# source/PaNET.csv; CC BY 4.0, see NOTICE.md. Written by releng/panet/generate-panet-techniques.py;"
                " do not edit.\n")
        f.write("# id,label,alternative labels separated by |\n")
        for pid in sorted(classes):
            entry = classes[pid]
            fields = [pid, entry["label"], "|".join(entry["alts"])]
            if not entry["label"] or any(c in text for text in [entry["label"]] + entry["alts"] for c in ",|#\n"):
                sys.exit("%s cannot be written as a plain line: %r" % (pid, fields))
            f.write(",".join(fields) + "\n")
    print("%d techniques from %s (%s) in %s" % (len(classes), tag, commit, OUT))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
