#!/usr/bin/env python3
"""Lists C++ function bodies longer than N lines (default 80), longest first.

usage: scripts/long_functions.py [-n LINES] [PATH...]   (default: src)

A brace counter, not a parser: comments, strings and character literals are blanked
first, then every '{' whose header (the text since the previous ';', '{' or '}') looks
like a function signature opens a function that ends at its matching '}'. Lambdas and
blocks inside a function count towards it. Good enough for a clang-formatted tree; a
line it gets wrong is a reason to look, not a verdict.
"""
import argparse
import os
import re
import sys

NOT_FUNCTIONS = re.compile(r"^\s*(namespace|class|struct|union|enum|extern)\b|=\s*$|\]\s*(\(.*\))?\s*(mutable)?\s*$")
# A signature ends with ')' and perhaps qualifiers, a trailing return type or an
# initializer list.
SIGNATURE = re.compile(
    r"\)\s*(const|noexcept|override|final|mutable|&|&&|\s)*(->\s*[\w:<>,\s\*&]+)?\s*$|\)\s*:\s*[\s\S]*$"
)
CONTROL = re.compile(r"^\s*(if|for|while|switch|catch|do|else|try)\b")


def blank(text):
    """The source with comments, strings and char literals replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = ")" + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum():  # digit separator 1'000
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(text):
    """(name, first line, line count) of each function body in the file."""
    code = blank(text)
    found = []
    stack = []  # per open brace: (is_function, start line, name) or None
    header_start = 0
    line = 1
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        elif c == ";":
            header_start = i + 1
        elif c == "{":
            header = code[header_start:i]
            inside = any(s is not None for s in stack)
            if not inside and SIGNATURE.search(header) and not NOT_FUNCTIONS.search(header) and not CONTROL.match(header):
                m = re.search(r"([~\w:<>]+)\s*\(", header)
                name = m.group(1) if m else "?"
                stack.append((name, line))
            else:
                stack.append(None)
            header_start = i + 1
        elif c == "}":
            if stack:
                top = stack.pop()
                if top is not None:
                    found.append((top[0], top[1], line - top[1] + 1))
            header_start = i + 1
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--lines", type=int, default=80, help="report bodies longer than this")
    parser.add_argument("paths", nargs="*", default=["src"])
    args = parser.parse_args()
    rows = []
    for root in args.paths:
        files = [root] if os.path.isfile(root) else [
            os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith((".cpp", ".hpp", ".cc", ".h"))
        ]
        for path in sorted(files):
            if ".pb." in path:
                continue
            with open(path, encoding="utf-8", errors="replace") as fh:
                for name, start, count in functions(fh.read()):
                    if count > args.lines:
                        rows.append((count, path, start, name))
    for count, path, start, name in sorted(rows, key=lambda r: (-r[0], r[1])):
        print(f"{count:5d}  {path}:{start}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
