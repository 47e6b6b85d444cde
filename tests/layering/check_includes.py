#!/usr/bin/env python3
"""Every quoted #include in src/ must name the file's own layer or an allowed arrow.

Usage: check_includes.py [--self-test] SRC_DIR LAYERS_FILE
--self-test plants a forbidden include in a copy of one layer and expects it refused.
"""
import pathlib
import re
import sys
import tempfile
import shutil

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def read_layers(path):
    layers = {}
    for line in pathlib.Path(path).read_text().splitlines():
        if not line or line.startswith('#'):
            continue
        name, _, allowed = line.partition(':')
        layers[name.strip()] = set(allowed.split())
    return layers


def layer_of(relative, layers):
    """The longest layer name that is a folder prefix of the path (protocol/trezor/x.hpp)."""
    best = None
    for name in layers:
        if relative == name or relative.startswith(name + '/'):
            if best is None or len(name) > len(best):
                best = name
    return best


def violations(src, layers):
    found = []
    for path in sorted(src.rglob('*')):
        if path.suffix not in ('.cpp', '.hpp', '.h', '.cc') or not path.is_file():
            continue
        relative = path.relative_to(src).as_posix()
        own = layer_of(relative, layers)
        if own is None:
            found.append(f'{relative}: not inside any layer of layers.txt')
            continue
        allowed = layers[own] | {own}
        for target in INCLUDE.findall(path.read_text(errors='replace')):
            if '/' not in target:
                continue  # a sibling file of the same folder
            used = layer_of(target, layers)
            if used is None:
                found.append(f'{relative}: includes "{target}", which is in no layer')
            elif used not in allowed:
                found.append(f'{relative}: includes "{target}": {own} may not use {used}')
    return found


def main(argv):
    self_test = '--self-test' in argv
    args = [a for a in argv if a != '--self-test']
    src, layers = pathlib.Path(args[0]), read_layers(args[1])
    if self_test:
        with tempfile.TemporaryDirectory() as tmp:
            copy = pathlib.Path(tmp) / 'src'
            shutil.copytree(src / 'checks', copy / 'checks')
            (copy / 'checks' / 'planted.cpp').write_text('#include "transport/link.hpp"\n')
            found = violations(copy, layers)
        if not any('planted.cpp' in v and 'checks may not use transport' in v for v in found):
            print('self-test: a checks -> transport include was not refused', found)
            return 1
        print('self-test: planted checks -> transport include refused')
        return 0
    found = violations(src, layers)
    for v in found:
        print(v)
    print(f'{len(found)} layering violation(s)')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
