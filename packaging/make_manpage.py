#!/usr/bin/env python3
"""Writes coldcheck(1) from the program's own --help texts, so the man page and --help
come from the same option tables and cannot drift apart.

Usage: make_manpage.py COLDCHECK_BINARY OUTPUT VERSION
"""
import re
import subprocess
import sys


def help_of(binary, *args):
    run = subprocess.run([binary, *args, '--help'], capture_output=True, text=True, timeout=30,
                         env={'LANG': 'C.UTF-8', 'PATH': '/usr/bin:/bin'})
    return (run.stdout or run.stderr).rstrip('\n')


def roff_escape(text):
    lines = []
    for line in text.splitlines():
        line = line.replace('\\', '\\e')
        if line.startswith(('.', "'")):
            line = '\\&' + line
        lines.append(line)
    return '\n'.join(lines)


def main(binary, output, version):
    top = help_of(binary)
    commands = re.findall(r'^  ([a-z][a-z-]+)\s{2,}(.+)$', top, re.M)
    if not commands:
        sys.exit(f'make_manpage: no commands found in `{binary} --help`')
    exit_codes = top[top.find('exit codes:'):] if 'exit codes:' in top else ''
    out = [f'.TH COLDCHECK 1 "" "coldcheck {version}" "User Commands"',
           '.SH NAME', 'coldcheck \\- support companion for hardware wallets',
           '.SH SYNOPSIS', '.B coldcheck', '.I COMMAND', '[\\fIOPTIONS\\fR]',
           '.SH DESCRIPTION',
           'coldcheck reads what a hardware wallet runs and what state it is in, checks this '
           'computer, verifies offline that device and firmware are genuine, guides a check of '
           'the recovery backup on the device itself, and writes a shareable, redacted report.',
           '.PP',
           '.B coldcheck never asks for your recovery phrase, PIN or passphrase, and nobody genuine ever will.',
           '.SH COMMANDS']
    for name, summary in commands:
        out += [f'.SS {name}', roff_escape(summary), '.PP', '.nf', roff_escape(help_of(binary, name)), '.fi']
    if exit_codes:
        out += ['.SH EXIT STATUS', '.nf', roff_escape(exit_codes), '.fi']
    out += ['.SH FILES', '.TP', '.I ~/.config/coldcheck/install.key',
            'per-install key for report pseudonyms (mode 0600)']
    with open(output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
