#!/usr/bin/env python3
"""Writes examples.json: the examples of the GFM spec's extension sections, and of cmark-gfm's extension tests.

Usage: extract.py GIT_DIR  (a clone of github/cmark-gfm; the commit read is its HEAD)
Examples are numbered as cmark-gfm's test/spec_tests.py numbers them: in file order, from 1, per file.
"""
import json
import subprocess
import sys

FENCE = "`" * 32 + " example"
SPEC_SECTIONS = {"Tables (extension)", "Task list items (extension)", "Strikethrough (extension)",
                 "Autolinks (extension)"}
EXTENSION_SECTIONS = {"Tables", "Strikethroughs", "Autolinks", "Footnotes", "Interop", "Task lists"}


def examples(text, source, sections):
    section, number, found = None, 0, []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("## "):
            section = line[3:].strip()
        if line.startswith(FENCE):
            number += 1
            start = index + 1
            end = lines.index("`" * 32, start)
            body = lines[start:end]
            split = body.index(".")
            markdown = "\n".join(body[:split]).replace("\u2192", "\t")
            html = "\n".join(body[split + 1:]).replace("\u2192", "\t")
            if section in sections:
                found.append({"source": source, "section": section, "number": number, "line": index + 1,
                              "markdown": markdown + "\n" if markdown else "",
                              "html": html + "\n" if html else ""})
            index = end
        index += 1
    return found


def main():
    git_dir = sys.argv[1]

    def show(path):
        return subprocess.run(["git", "--git-dir", git_dir, "show", "HEAD:" + path], check=True,
                              capture_output=True, text=True).stdout

    found = examples(show("test/spec.txt"), "spec.txt", SPEC_SECTIONS)
    found += examples(show("test/extensions.txt"), "extensions.txt", EXTENSION_SECTIONS)
    with open("examples.json", "w") as out:
        json.dump(found, out, indent=1, ensure_ascii=False)
        out.write("\n")


main()
