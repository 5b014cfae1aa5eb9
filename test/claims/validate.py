#!/usr/bin/env python3
"""Validates the claim-diagnostics evaluation set and prints its counts.

Checks (errors, exit 1): evaluation.json parses and has the expected shape; ids are unique; every
expect.sentence occurs exactly once in its case text, anchors are in text order; every cite key
used exists in eval.bib (the placeholders \\todocite{...} and [@todo] excepted); eval.bib has
balanced braces and unique keys; at least 400 prose sentences.

Cross-checks (printed as REVIEW lines, not errors): a mechanical reading of rules 2 and 3 (and a
rough one of rule 1) over catalogue mentions, compared with the hand labels. The hand labels win;
every difference must be a documented borderline decision (see README.md).

Usage: python3 test/claims/validate.py [--quiet] [--rough]
  --rough  also print where a rough keyword reading of rule 1 differs from the labels (many
           differences are expected: rule 1 is a judgement, see README.md)
"""
import collections
import json
import pathlib
import re
import sys
import unicodedata

try:
    import regex  # supports \\p{L}
except ImportError:  # pragma: no cover
    regex = None

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CATALOGUE = ROOT / 'data' / 'catalogue'
CODES = ['untagged-claim', 'misattributed-citation', 'uncited-model-first-mention']
PLACEHOLDER_KEYS = {'todo'}
errors = []
reviews = []
documented = []


def error(message):
    errors.append(message)


# ------------------------------------------------------------------------------------------ BibTeX

def parse_bib(text):
    depth = 0
    for ch in text:
        depth += ch == '{'
        depth -= ch == '}'
        if depth < 0:
            error('eval.bib: unbalanced braces (a "}" closes nothing)')
            depth = 0
    if depth != 0:
        error(f'eval.bib: unbalanced braces ({depth} left open)')
    entries = {}
    for match in re.finditer(r'@(\w+)\s*\{\s*([^,\s]+)\s*,', text):
        start = match.end()
        depth, i = 1, start
        while i < len(text) and depth:
            depth += text[i] == '{'
            depth -= text[i] == '}'
            i += 1
        body = text[start:i - 1]
        fields = {}
        j = 0
        while True:
            fm = re.compile(r'\s*([A-Za-z][\w-]*)\s*=\s*').match(body, j)
            if not fm:
                break
            name, k = fm.group(1).lower(), fm.end()
            if body[k] == '{':
                d, m = 1, k + 1
                while d:
                    d += body[m] == '{'
                    d -= body[m] == '}'
                    m += 1
                value, j = body[k + 1:m - 1], m
            elif body[k] == '"':
                m = body.index('"', k + 1)
                value, j = body[k + 1:m], m + 1
            else:
                m = re.compile(r'[^,}\s]+').match(body, k)
                value, j = m.group(0), m.end()
            fields[name] = value
            cm = re.compile(r'\s*,?').match(body, j)
            j = cm.end()
        key = match.group(2)
        if key in entries:
            error(f'eval.bib: duplicate key {key}')
        if 'title' not in fields:
            error(f'eval.bib: {key} has no title')
        entries[key] = fields
    return entries


LETTER_COMMANDS = {'o': 'o', 'O': 'o', 'ss': 'ss', 'aa': 'a', 'AA': 'a', 'ae': 'ae', 'AE': 'ae', 'oe': 'oe', 'OE': 'oe', 'l': 'l', 'L': 'l', 'i': 'i', 'j': 'j'}


def normalize_title(title):
    t = re.sub(r'\\([A-Za-z]+)\s*|\\.', lambda m: (LETTER_COMMANDS.get(m.group(1), ' ') if m.group(1) else ''), title)
    t = unicodedata.normalize('NFD', t)
    t = ''.join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r'[{}$~"]', '', t)
    t = re.sub(r'[^\w ]+', ' ', t).replace('_', ' ')
    return re.sub(r'\s+', ' ', t).strip()


def normalize_doi(doi):
    return re.sub(r'^doi:\s*', '', re.sub(r'^https?://(dx\.)?doi\.org/', '', doi.strip(), flags=re.I), flags=re.I).lower()


ARXIV = re.compile(r'(?:arxiv[:\s./]*(?:abs/|pdf/)?|arxiv\.org/(?:abs|pdf)/)(\d{4}\.\d{4,5})(?:v\d+)?', re.I)


def identity(fields):
    dois = {normalize_doi(fields['doi'])} if fields.get('doi') else set()
    arx = set()
    if fields.get('eprint') and re.fullmatch(r'\d{4}\.\d{4,5}(v\d+)?', fields['eprint'].strip()):
        arx.add(re.sub(r'v\d+$', '', fields['eprint'].strip()))
    for f in ('url', 'journal', 'journaltitle', 'note', 'howpublished', 'booktitle', 'eprint'):
        arx.update(ARXIV.findall(fields.get(f, '')))
    title = normalize_title(fields['title']) if fields.get('title') else None
    return dois, arx, title


def load_catalogue():
    models = json.loads((CATALOGUE / 'models.json').read_text())['models']
    datasets = json.loads((CATALOGUE / 'datasets.json').read_text())['datasets']
    records = [('model', m) for m in models] + [('dataset', d) for d in datasets]
    return records


def link_keys(bib, records):
    """Every catalogue record each bibliography key is the paper of (a key can be a model's and a dataset's)."""
    by_doi, by_arxiv, by_title = collections.defaultdict(set), collections.defaultdict(set), collections.defaultdict(set)
    for kind, r in records:
        ref = (kind, r['id'])
        for doi in [r.get('doi'), (r.get('published_version') or {}).get('doi') if kind == 'model' else None]:
            if doi:
                by_doi[normalize_doi(doi)].add(ref)
        if kind == 'model' and r.get('arxiv'):
            by_arxiv[r['arxiv']].add(ref)
        for bt in [r.get('bibtex'), r.get('preprint_bibtex') if kind == 'model' else None]:
            if not bt:
                continue
            saved = list(errors)
            entries = parse_bib(bt)
            errors[:] = saved
            for fields in list(entries.values())[:1]:
                dois, arx, title = identity(fields)
                for d in dois:
                    by_doi[d].add(ref)
                for a in arx:
                    by_arxiv[a].add(ref)
                if title and ' ' in title:
                    by_title[title].add(ref)
    links = {}
    for key, fields in bib.items():
        dois, arx, title = identity(fields)
        found = set()
        for d in dois:
            found |= by_doi.get(d, set())
        for a in arx:
            found |= by_arxiv.get(a, set())
        if title:
            found |= by_title.get(title, set())
        links[key] = found
    return links


# ------------------------------------------------------------------------------------------ mentions

def build_matcher(records):
    by_surface = {}
    for kind, r in records:
        for s in [r['name'], *r.get('aliases', [])]:
            s = s.strip()
            if len(s) >= 2 and s not in by_surface:
                by_surface[s] = (kind, r['id'])
    surfaces = sorted(by_surface, key=len, reverse=True)
    long_ = [s for s in surfaces if len(s) >= 8]
    before, after = r'(?<![\p{L}\p{N}_\\@-])', r'(?![\p{L}\p{N}_])'
    exact = regex.compile(before + '(?:' + '|'.join(regex.escape(s) for s in surfaces) + ')' + after)
    anycase = regex.compile(before + '(?:' + '|'.join(regex.escape(s) for s in long_) + ')' + after, regex.IGNORECASE)
    lower = {s.lower(): v for s, v in by_surface.items() if len(s) >= 8}
    return exact, anycase, by_surface, lower


def find_mentions(matcher, text):
    exact, anycase, by_surface, lower = matcher
    found = {}
    for rx in (exact, anycase):
        for m in rx.finditer(text):
            target = by_surface.get(m.group(0)) or lower.get(m.group(0).lower())
            if target and (m.start() not in found or found[m.start()][2] < m.end()):
                found[m.start()] = (target, m.start(), m.end(), m.group(0))
    result = []
    for item in sorted(found.values(), key=lambda x: (x[1], -x[2])):
        if not result or item[1] >= result[-1][2]:
            result.append(item)
    return result


# ------------------------------------------------------------------------------------------ citations

LATEX_CITE = re.compile(r'\\([A-Za-z]*cite[A-Za-z]*)\*?((?:\s*\[[^\]]*\]){0,2})\s*\{([^}]*)\}')
MD_BRACKET = re.compile(r'\[([^\[\]]*@[^\[\]]*)\]')
MD_KEY = re.compile(r'(?<![\w.@])-?@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*)')
CODE_SPAN = re.compile(r'`[^`]*`')


def blank(text, start, end):
    return text[:start] + ''.join('\n' if c == '\n' else ' ' for c in text[start:end]) + text[end:]


def citations(case):
    """(position, key) of every citation in the case; the key 'todo' for placeholders. Also a text
    with citations, math and code blanked out (same length), for mention finding."""
    text = case['text']
    plain = text
    cites = []
    if case['language'] == 'latex':
        for m in LATEX_CITE.finditer(text):
            cmd = m.group(1)
            if cmd == 'todocite':
                cites.append((m.start(), 'todo'))
            else:
                for key in m.group(3).split(','):
                    if key.strip():
                        cites.append((m.start(), key.strip()))
            plain = blank(plain, m.start(), m.end())
        for rx in (re.compile(r'\\begin\{(equation|align)\*?\}.*?\\end\{\1\*?\}', re.S), re.compile(r'\$[^$]*\$'),
                   re.compile(r'\\(?:label|ref|eqref|cref|Cref)\{[^}]*\}')):
            for m in rx.finditer(plain):
                plain = blank(plain, m.start(), m.end())
    else:
        for m in CODE_SPAN.finditer(text):
            plain = blank(plain, m.start(), m.end())
        for m in re.finditer(r'\$[^$]*\$', plain):
            plain = blank(plain, m.start(), m.end())
        scan = plain
        for m in MD_KEY.finditer(scan):
            if m.start() > 0 and re.match(r'[\w]', scan[m.start() - 1]):
                continue  # e-mail address
            key = m.group(1).rstrip('.,;:?!')
            if re.match(r'(fig|tbl|sec|eq|lst)-', key):
                continue  # Quarto cross-reference, not a citation
            cites.append((m.start(), key))
            plain = blank(plain, m.start(), m.start() + 1 + len(key) + (1 if m.group(0).startswith('-') else 0))
    return cites, plain


# ------------------------------------------------------------------------------------------ checks

SENTENCE_END = re.compile(r'([.!?])(["\')\]]*)(\s+)(?=[A-Z\\@\[#|$`])')
ABBREVIATION = re.compile(r'(?:\bet al|\be\.g|\bi\.e|\bvs|\bFigs?|\bcf|\bSec|\bEq|\bTab|\bapprox|\bresp|\bNo|\bp)$')
TRAILING_CITE = re.compile(r'(\\[A-Za-z]*cite[A-Za-z]*(\[[^\]]*\])*\{[^}]*\}|\[[^\]]*@[^\]]*\])\s*')
NON_PROSE_START = re.compile(r'\\(begin|end|toprule|midrule|bottomrule|section|subsection)|[|#]')
OWN = re.compile(r'\b(we|our|us|this review|this study|this survey|this work|this section|this paper|in what follows)\b', re.I)
NUMBER_RESULT = re.compile(r'\d(?:[\d.,]*)\s*(?:\\?%|percent)|\b(?:dice|iou|auc|auroc|accuracy|f1|sensitivity|specificity|bleu|rouge|hd95)\b[^.]*\d|\d[\d.,]*\s*(?:[kmb]\b|million|billion|thousand)', re.I)
COMPARATIVE = re.compile(r'outperform|state-of-the-art|state of the art|surpass|\bthe first\b|superior|significantly|better than|higher than|lower than|exceed|comparable|beats?\b', re.I)


def main():
    quiet = '--quiet' in sys.argv
    rough = '--rough' in sys.argv
    cases = json.loads((HERE / 'evaluation.json').read_text(encoding='utf-8'))
    bib = parse_bib((HERE / 'eval.bib').read_text(encoding='utf-8'))
    records = load_catalogue()
    links = link_keys(bib, records)
    model_ids = {r['id'] for k, r in records if k == 'model'}
    matcher = build_matcher(records) if regex else None

    ids = set()
    stats = collections.Counter()
    per_lang = collections.defaultdict(collections.Counter)
    notes = collections.Counter()
    used_keys = set()
    for case in cases:
        cid = case.get('id')
        if not cid or cid in ids:
            error(f'duplicate or missing id {cid!r}')
        ids.add(cid)
        lang = case.get('language')
        if lang not in ('latex', 'markdown'):
            error(f'{cid}: bad language {lang!r}')
        text = case.get('text', '')
        if not text or not isinstance(case.get('expect'), list) or not case['expect']:
            error(f'{cid}: empty text or expect')
            continue
        positions = []
        for item in case['expect']:
            anchor = item.get('sentence', '')
            count = text.count(anchor)
            if not anchor or count != 1:
                error(f'{cid}: anchor {anchor!r} occurs {count} times')
                positions.append(-1)
                continue
            for code in item.get('codes', []):
                if code not in CODES:
                    error(f'{cid}: unknown code {code!r}')
            if len(set(item['codes'])) != len(item['codes']):
                error(f'{cid}: repeated code in {anchor!r}')
            positions.append(text.index(anchor))
        if positions != sorted(positions):
            error(f'{cid}: anchors are not in text order')
        cites, plain = citations(case)
        for _, key in cites:
            if key not in PLACEHOLDER_KEYS:
                used_keys.add(key)
                if key not in bib:
                    error(f'{cid}: cite key {key!r} is not in eval.bib')
        # sentence spans: from each anchor to the next
        spans = []
        for n, item in enumerate(case['expect']):
            start = positions[n]
            end = positions[n + 1] if n + 1 < len(positions) else len(text)
            spans.append((start, end))
        # every prose span holds exactly one sentence: no sentence end inside it (abbreviations,
        # decimals and a citation right after the full stop excepted), and each anchor starts one
        for n, item in enumerate(case['expect']):
            if item.get('kind') or positions[n] < 0:
                continue
            body = text[spans[n][0]:spans[n][1]].rstrip()
            for m in SENTENCE_END.finditer(body):
                before, rest = body[:m.start()], body[m.end():]
                if ABBREVIATION.search(before) or TRAILING_CITE.fullmatch(rest) or NON_PROSE_START.match(rest):
                    continue
                error(f'{cid}: two sentences under one anchor {item["sentence"]!r}: ...{body[max(0, m.start() - 30):m.end() + 30]!r}...')
            prefix = text[:positions[n]]
            if prefix.strip() and not re.search(r'([.!?]["\')\]]*|\}|\])\s*$', prefix) and not re.search(r'\n\s*$', prefix):
                error(f'{cid}: anchor {item["sentence"]!r} does not start a sentence')
        # counts
        for n, item in enumerate(case['expect']):
            kind = item.get('kind', 'sentence')
            if kind in ('heading', 'table-row'):
                stats[kind] += 1
                per_lang[lang][kind] += 1
                if item['codes']:
                    error(f'{cid}: a {kind} is never flagged: {item["sentence"]!r}')
                continue
            stats['sentences'] += 1
            per_lang[lang]['sentences'] += 1
            if case.get('context') == 'caption':
                stats['caption sentences'] += 1
            if not item['codes']:
                stats['no code'] += 1
                per_lang[lang]['no code'] += 1
            for code in item['codes']:
                stats[code] += 1
                per_lang[lang][code] += 1
            for note in (item.get('note') or '').split(','):
                if note:
                    notes[note] += 1
        stats['cases'] += 1
        per_lang[lang]['cases'] += 1
        if case.get('context') == 'caption':
            stats['caption cases'] += 1

        if not matcher or -1 in positions:
            continue
        # mechanical reading of the rules, for review
        case_keys = {k for _, k in cites if k not in PLACEHOLDER_KEYS}
        case_records = set().union(*[links.get(k, set()) for k in case_keys]) if case_keys else set()
        seen_models = set()
        for n, item in enumerate(case['expect']):
            kind = item.get('kind', 'sentence')
            start, end = spans[n]
            mentions = [m for m in find_mentions(matcher, plain[start:end])]
            named = {m[0] for m in mentions}
            named_models = {i for (k, i) in named if k == 'model'}
            keys = [k for p, k in cites if start <= p < end]
            real = [k for k in keys if k not in PLACEHOLDER_KEYS]
            if kind in ('heading', 'table-row'):
                continue
            mech = set()
            for x in named_models:
                cited_refs = [links.get(k, set()) for k in real]
                if any(('model', x) in refs for refs in cited_refs):
                    continue
                if any(any(r[0] == 'model' and r[1] != x for r in refs) and not (refs & named) for refs in cited_refs):
                    mech.add('misattributed-citation')
            for m in mentions:
                (k, i) = m[0]
                if k == 'model' and i not in seen_models:
                    seen_models.add(i)
                    if ('model', i) not in case_records:
                        mech.add('uncited-model-first-mention')
            sent = text[start:end]
            rough_u = (bool(named) or bool(NUMBER_RESULT.search(plain[start:end])) or bool(COMPARATIVE.search(sent))) \
                and not keys and not OWN.search(sent) and case.get('context') != 'heading'
            if rough_u:
                mech.add('untagged-claim')
            got = set(item['codes'])
            for code in ('misattributed-citation', 'uncited-model-first-mention'):
                if (code in mech) != (code in got):
                    (documented if 'border' in (item.get('note') or '') else reviews).append(f'{cid}: {item["sentence"]!r}: mechanical {code}={code in mech}, label={code in got}  note={item.get("note")}  named={sorted(i for _, i in named)}')
            if rough and ('untagged-claim' in mech) != ('untagged-claim' in got):
                reviews.append(f'{cid}: {item["sentence"]!r}: rough untagged-claim={"untagged-claim" in mech}, label={"untagged-claim" in got}  note={item.get("note")}  named={sorted(i for _, i in named)}')

    keys_md = (HERE / 'KEYS.md').read_text(encoding='utf-8') if (HERE / 'KEYS.md').exists() else ''
    for key in bib:
        if f'`{key}`' not in keys_md:
            error(f'KEYS.md does not list {key}')
    unused = sorted(set(bib) - used_keys)
    linked = {k: v for k, v in links.items() if v}
    model_keys = {k for k, v in links.items() if any(r[0] == 'model' for r in v)}
    catalogue_keys = set()
    for kind, r in records:
        m = re.match(r'@\w+\{([^,]+),', r.get('bibtex') or '')
        if m:
            catalogue_keys.add(m.group(1).strip())
    user_model_keys = sorted(k for k in model_keys if k not in catalogue_keys)
    if len(user_model_keys) < 15:
        error(f'only {len(user_model_keys)} user keys link to catalogued models (need 15)')
    if stats['sentences'] < 400:
        error(f'only {stats["sentences"]} prose sentences (need 400)')

    print(f'eval.bib: {len(bib)} entries; {len(linked)} link to the catalogue; {len(user_model_keys)} user keys of catalogued models; unused: {unused or "none"}')
    print(f'cases: {stats["cases"]} ({per_lang["latex"]["cases"]} latex, {per_lang["markdown"]["cases"]} markdown; {stats["caption cases"]} captions)')
    total = stats['sentences']
    print(f'prose sentences: {total} ({per_lang["latex"]["sentences"]} latex = {100 * per_lang["latex"]["sentences"] / total:.0f}%, '
          f'{per_lang["markdown"]["sentences"]} markdown = {100 * per_lang["markdown"]["sentences"] / total:.0f}%); caption sentences {stats["caption sentences"]}')
    print(f'non-prose units (never flagged): {stats["heading"]} headings, {stats["table-row"]} table rows')
    for code in CODES + ['no code']:
        print(f'  {code:30s} {stats[code]:4d} ({100 * stats[code] / total:4.1f}%)   latex {per_lang["latex"][code]:4d}   markdown {per_lang["markdown"][code]:4d}')
    print(f'notes: {dict(notes)}')
    if documented and not quiet:
        print(f'\n{len(documented)} documented borderline differences from the mechanical reading (see README.md):')
        for r in documented:
            print('  BORDER', r)
    if reviews and not quiet:
        print(f'\n{len(reviews)} REVIEW lines (mechanical reading differs from the hand label):')
        for r in reviews:
            print('  REVIEW', r)
    if errors:
        print(f'\n{len(errors)} ERRORS:')
        for e in errors:
            print('  ERROR', e)
        sys.exit(1)
    print('\nOK')


if __name__ == '__main__':
    main()
