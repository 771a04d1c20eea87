#!/usr/bin/env python3
"""Offline comparison of extractive-answer rules on the candidates `eval --answers --candidates FILE` writes.

Usage: rescore.py TUNE.json [HELDOUT.json]

Each file holds, per question, the retrieved passages (split into sentences, with their analysed terms), the ranked
candidates (normalised BM25 `lex`, encoder cosine `cos`, answer-type fit `fits`, passage number `source`) and the
support per passage. This script recomposes the answer under other weights and rules, and re-judges answerability
with other signals, so variants can be screened on the same retrieval in seconds; a variant worth keeping is then
built into the chat path and measured there with `eval --answers` (docs/benchmarks.md, "Answers without a model").
Rules are chosen on the tune file; the held-out file only checks that they hold.

At SHIPPED and the shipped bar it follows the chat path (SentenceRanker, Answerability, ExtractiveAnswerer): the
quote order, the sentence the evidence bar judges, support, cosine and the names rule (asked_found), with the name terms
(nameTerms) and the refusal (notFound) the CLI writes into the file. Files written before those two keys get names
matched to terms by prefix and a French refusal; the chat path's report is the reference (docs/benchmarks.md gives the
check).
"""
import itertools, json, math, re, statistics, sys, unicodedata

# What a refusal says: the file's own notFound (the question's language) where the CLI wrote it, else the French one.
NOT_FOUND_FR = "Je n'ai rien trouvé dans vos documents qui réponde à cette question."
# The shipped ranking (SentenceRanker): quote order and evidence order.
SHIPPED = dict(lexw=0.3, pen=0.12, bonus=0.12, ratio=0.9, neighbour=True)
BEFORE = dict(lexw=0.45, pen=0.015, bonus=0.12, ratio=0.9, neighbour=False)
EVIDENCE = dict(lexw=0.45, pen=0.015, bonus=0.12)


def norm(text):
    text = unicodedata.normalize('NFC', text).replace('’', "'").replace('‘', "'").replace('\u00a0', ' ').replace('\u202f', ' ')
    return re.sub(r'\s+', ' ', text).strip().lower()


def has(text, golds):
    hay = norm(text)
    return any(norm(g) and norm(g) in hay for g in golds)


def order(q, p):
    def score(c):
        rel = p['lexw'] * c['lex'] + (1 - p['lexw']) * c['cos'] if c['cos'] is not None else c['lex']
        return rel + (p['bonus'] if c['fits'] else 0) - p['pen'] * (c['source'] - 1)
    return sorted(({**c, 's': score(c)} for c in q['candidates']), key=lambda c: (-c['s'], c['source']))


def compose(q, p):
    ranked = order(q, p)
    if not ranked:
        return []
    best = ranked[0]
    quotes = [best]
    units = q['sources'][best['source'] - 1]['units']
    at = next((i for i, u in enumerate(units) if u['text'] == best['text']), None)
    if p['neighbour'] and q['kind'] != 'Any' and not best['fits'] and at is not None and at + 1 < len(units) \
            and units[at + 1]['kind'] != 'Heading' and units[at + 1]['fits']:
        quotes.append({'source': best['source'], 'text': units[at + 1]['text']})
    if p.get('next_always') and at is not None and at + 1 < len(units) and units[at + 1]['kind'] != 'Heading' and len(quotes) < 2:
        quotes.append({'source': best['source'], 'text': units[at + 1]['text']})
    if p.get('other_passage') and len(quotes) < 2:
        other = next((c for c in ranked[1:] if c['source'] != best['source']), None)
        if other is not None and other['s'] >= best['s'] * p['other_passage']:
            quotes.append(other)
    for c in ranked[1:]:
        if len(quotes) >= 2 or c['s'] < best['s'] * p['ratio']:
            break
        if all(x['text'] != c['text'] for x in quotes):
            quotes.append(c)
    return quotes


# Tried: a "place" answer type (où / where / dans quel pays...) fitting a capitalised name after a locative preposition.
PLACE_QUESTION = re.compile(r"(^|\b)(où|where|dans quel pays|quel pays|dans quelle ville|quelle ville|quelle région|dans quelle région|"
                            r"quel lieu|in which country|which country|what country|in which city|which city)\b", re.I)
PLACE = re.compile(r"\b(?:à|au|aux|en|dans|near|in|at|from|vers|près de|sur)\s+(?:l[ae]\s+|l['’]\s*|les\s+)?([A-ZÀ-ÖØ-Þ][\w'’-]+)")


def with_places(qs):
    out = json.loads(json.dumps(qs))
    for q in out:
        if q['kind'] == 'Any' and PLACE_QUESTION.search(q['question']):
            q['kind'] = 'Place'
            fits = lambda t: any(m.group(1).lower() not in q['question'].lower() for m in PLACE.finditer(t))
            for u in (u for s in q['sources'] for u in s['units']):
                u['fits'] = fits(u['text'])
            for c in q['candidates']:
                c['fits'] = fits(c['text'])
    return out


def weights(q):
    units = [set(u['terms']) for s in q['sources'] for u in s['units'] if u['terms']]
    n = len(units)
    return {t: math.log(1 + (n - sum(t in u for u in units) + 0.5) / (sum(t in u for u in units) + 0.5)) for t in set(q['qterms'])}


def fold(text):
    return ''.join(c for c in unicodedata.normalize('NFD', text.lower()) if unicodedata.category(c) != 'Mn')


WORD = re.compile(r"[^\W_][\w'’-]*")


def name_words(q):
    """The chat path's names (QuestionNames): capitalised words after the first, an elided article or preposition
    ("l'Ouganda") left out; none in German, where every noun is capitalised. Folded and cut at hyphens and apostrophes,
    since the candidates file has the question's terms but not which of them came from a name."""
    if q['language'] == 'de':
        return []
    parts = []
    for word in WORD.findall(q['question'])[1:]:
        if len(word) > 1 and word[0].islower() and word[1] in "'’":
            word = word[2:]
        if word[:1].isupper():
            # Single letters are never terms ("I").
            parts += [p for p in re.split(r"['’-]", fold(word)) if len(p) > 1]
    return parts


def is_name(term, names):
    # A stem is a prefix of its word, or ends in "i" where the word has "y" (Porter: "kennedy" -> "kennedi").
    return any(n.startswith(term) or (term.endswith('i') and n.startswith(term[:-1])) for n in names)


def asked_found(q):
    """The chat path's names rule (RankedSentences.AskedTermsFound): some question term other than a name's occurs in
    the retrieved passages (true when every term is a name's). The name terms are the file's own (nameTerms) where the
    CLI wrote them; older files get them from the question's words (name_words)."""
    if 'nameTerms' in q:
        asking = set(q['qterms']) - set(q['nameTerms'])
    else:
        names = name_words(q)
        asking = {t for t in q['qterms'] if not is_name(t, names)}
    seen = {t for s in q['sources'] for u in s['units'] for t in u['terms']}
    return not asking or bool(asking & seen)


def signals(q, judged=None):
    """The evidence of the sentence the bar judges (by default the best by EVIDENCE weights): passage support, cosine,
    coverage (share of the question's term weight found anywhere in the retrieved passages) and whether the question's
    words other than names occur there (asked)."""
    ranked = order(q, judged or EVIDENCE)
    if not ranked:
        return dict(sup=0.0, cos=-1.0, cov=0.0, asked=False)
    best = ranked[0]
    w = weights(q)
    total = sum(w.values()) or 1
    seen = {t for s in q['sources'] for u in s['units'] for t in u['terms']}
    return dict(sup=q['support'][best['source'] - 1], cos=best['cos'] if best['cos'] is not None else 1.0,
                cov=sum(v for t, v in w.items() if t in seen) / total, asked=asked_found(q))


JUDGED = None  # set to SHIPPED to judge the quote order's first sentence instead


def passes(x, th):
    """Whether the chat path finds an answer under thresholds th; th None answers every question (the bar lowered and
    no names rule). As in the chat path's --calibrate, the names rule refuses at every threshold."""
    return th is None or (x['asked'] and all(x[k] >= v for k, v in th.items()))


def line(q, quote):
    """A quote as the chat path shows it (ExtractiveAnswerer.Line): on one line, spaces collapsed, a full stop added
    where the sentence has no end mark (a list item keeps its dash instead), the marker and the document's name."""
    source = q['sources'][quote['source'] - 1]
    kind = next((u['kind'] for u in source['units'] if u['text'] == quote['text']), None)
    text = quote['text'].replace('\n', ' ').strip()
    while '  ' in text:
        text = text.replace('  ', ' ')
    name = source['doc'].replace('*', '\\*')
    tail = f" [{quote['source']}] — *{name}*"
    if kind == 'ListItem':
        return f'- {text}{tail}'
    return (text if text.endswith(('.', '!', '?', ']')) else text + '.') + tail


def shown(q, quotes):
    """The answer as the chat path shows it: the quotes' lines after the citation check's clean-up (CitationChecker:
    markers to no retrieved passage dropped, a marker left open at the end cut, runs of spaces collapsed, no space
    before a full stop)."""
    def marker(m):
        kept = list(dict.fromkeys(n for n in map(int, re.split(r'\s*,\s*', m.group(1))) if 1 <= n <= len(q['sources'])))
        return '[' + ', '.join(map(str, kept)) + ']' if kept else ''
    text = re.sub(r'\[([0-9]{1,3}(?:\s*,\s*[0-9]{1,3})*)\]', marker, '\n'.join(line(q, x) for x in quotes))
    text = re.sub(r'\[[0-9]{0,3}(?:\s*,\s*[0-9]{0,3})*\s*$', '', text)
    return re.sub(r'[ \t]{2,}', ' ', text).replace(' .', '.').strip()


def report(qs, p, th):
    answerable, refused = [], []
    for q in qs:
        found = passes(signals(q, JUDGED), th)
        if not q['answerable']:
            refused.append(not found)
            continue
        quotes = compose(q, p) if found else []
        text = ' '.join(x['text'] for x in quotes)
        cited = [' '.join(u['text'] for u in q['sources'][s - 1]['units']) for s in {x['source'] for x in quotes}]
        length = len(shown(q, quotes)) if quotes else len(q.get('notFound', NOT_FOUND_FR))
        answerable.append((bool(quotes), has(text, q['gold']), any(has(c, q['gold']) for c in cited), length))
    n = max(1, len(answerable))
    return dict(gold=round(100 * sum(a[1] for a in answerable) / n, 1), cited=round(100 * sum(a[2] for a in answerable) / n, 1),
                median=statistics.median(a[3] for a in answerable) if answerable else 0,
                found=round(100 * sum(a[0] for a in answerable) / n, 1),
                refused=round(100 * sum(refused) / max(1, len(refused)), 1))


def calibrate(qs, keys, min_found):
    """The thresholds (AND of one per signal) refusing the most unanswerable questions with >= min_found found."""
    grid = dict(sup=[i * 0.05 for i in range(11)], cos=[0.4 + i * 0.02 for i in range(16)], cov=[i * 0.05 for i in range(21)])
    rows = [(q['answerable'], signals(q, JUDGED)) for q in qs]
    best = None
    for values in itertools.product(*(grid[k] for k in keys)):
        th = dict(zip(keys, values))
        found = sum(passes(x, th) for a, x in rows if a) / max(1, sum(a for a, _ in rows))
        refused = sum(not passes(x, th) for a, x in rows if not a) / max(1, sum(not a for a, _ in rows))
        if found >= min_found and (best is None or refused > best[1]):
            best = (th, refused)
    return best[0]


def main():
    tune = json.load(open(sys.argv[1]))['details']
    held = json.load(open(sys.argv[2]))['details'] if len(sys.argv) > 2 else None
    everyone = None
    shipped_bar = dict(sup=0.25, cos=0.52)
    variants = [('before', BEFORE), ('shipped', SHIPPED), ('shipped, no neighbour', {**SHIPPED, 'neighbour': False}),
                ('rank prior only (pen 0.12)', {**BEFORE, 'pen': 0.12}), ('lexical weight only (0.3)', {**BEFORE, 'lexw': 0.3}),
                ('second sentence at 0.85', {**SHIPPED, 'ratio': 0.85}), ('next sentence always', {**SHIPPED, 'next_always': True}),
                ('second quote from another passage at 0.8', {**SHIPPED, 'other_passage': 0.8})]
    print('composition (every question answered, then at the shipped bar 0.25 / 0.52):')
    for name, p in variants:
        line = f'  {name}: tune {report(tune, p, everyone)} | {report(tune, p, shipped_bar)}'
        if held:
            line += f'\n  {"":{len(name)}}  held {report(held, p, everyone)} | {report(held, p, shipped_bar)}'
        print(line)
    name = 'with a place answer type'
    line = f'  {name}: tune {report(with_places(tune), SHIPPED, everyone)} | {report(with_places(tune), SHIPPED, shipped_bar)}'
    if held:
        line += f'\n  {"":{len(name)}}  held {report(with_places(held), SHIPPED, everyone)} | {report(with_places(held), SHIPPED, shipped_bar)}'
    print(line)
    print('answerability (thresholds calibrated on tune, shipped composition):')
    global JUDGED
    for judged, keys in ((None, ['sup', 'cos']), (None, ['sup', 'cos', 'cov']), (SHIPPED, ['sup', 'cos'])):
        JUDGED = judged
        for min_found in (0.95, 0.9):
            th = calibrate(tune, keys, min_found)
            line = f'  {keys}{" judged on the quote order" if judged else ""} >= {min_found}: {({k: round(v, 2) for k, v in th.items()})} tune {report(tune, SHIPPED, th)}'
            if held:
                line += f' held {report(held, SHIPPED, th)}'
            print(line)
    JUDGED = None


if __name__ == '__main__':
    main()
