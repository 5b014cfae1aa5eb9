#!/usr/bin/env python3
"""Compiles src/*.cases into evaluation.json (see src/FORMAT.txt). Run: python3 test/claims/build.py"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CODES = {'U': 'untagged-claim', 'M': 'misattributed-citation', 'F': 'uncited-model-first-mention'}
KINDS = {'s': None, 'heading': 'heading', 'row': 'table-row'}


def parse(path):
    cases = []
    lines = path.read_text(encoding='utf-8').split('\n')
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith('@@ '):
            if line.strip() and not line.startswith('#'):
                sys.exit(f'{path.name}:{i + 1}: unexpected line outside a case: {line!r}')
            i += 1
            continue
        head = line[3:].split()
        case = {'id': head[0], 'language': head[1]}
        if len(head) > 2:
            if head[2] != 'caption':
                sys.exit(f'{path.name}:{i + 1}: unknown case flag {head[2]!r}')
            case['context'] = 'caption'
        i += 1
        text = []
        while lines[i] != '>>':
            text.append(lines[i])
            i += 1
        case['text'] = '\n'.join(text)
        i += 1
        expect = []
        while i < len(lines) and lines[i].strip() and not lines[i].startswith('@@ '):
            parts = [p.strip() for p in lines[i].split(' || ')]
            anchor, codes = parts[0], parts[1]
            kind = parts[2] if len(parts) > 2 else 's'
            note = parts[3] if len(parts) > 3 else None
            item = {'sentence': anchor, 'codes': [] if codes == '-' else [CODES[c.strip()] for c in codes.split(',')]}
            if KINDS[kind]:
                item['kind'] = KINDS[kind]
            if note:
                item['note'] = note
            expect.append(item)
            i += 1
        case['expect'] = expect
        cases.append(case)
    return cases


def main():
    cases = []
    for path in sorted((HERE / 'src').glob('*.cases')):
        cases.extend(parse(path))
    out = HERE / 'evaluation.json'
    out.write_text(json.dumps(cases, indent=2, ensure_ascii=False) + '\n', encoding='utf-8')
    print(f'{len(cases)} cases -> {out}')


if __name__ == '__main__':
    main()
