#!/usr/bin/env python3
"""How far the model-free signals can go: a learned sentence ranker and collection-level answerability rules,
screened on the candidates `eval --answers --candidates FILE` writes (docs/benchmarks.md, "Answers without a model",
third pass).

Usage: ceiling.py TUNE.json HELDOUT.json DATA/chatrag.db      (needs numpy: apt-get install python3-numpy)

1. Sentence choice. A listwise (softmax) linear ranker over every per-sentence signal we have (normalised BM25, cosine,
   answer-type fit, passage rank, position, idf-weighted cover of the question by the sentence, by it and its
   neighbours, by the previous and next sentence, passage support, length, novelty, question bigrams, term density,
   surface-word overlap), fitted on one half of the tune file and scored on the other (both ways), then fitted on the
   whole tune file and scored on the held-out file. Its top-1 sentence is compared with the shipped order's.
2. Answerability. Thresholds calibrated on tune (found >= 95 %, 94 %, 93 %) for the shipped signals plus two that
   need the collection: the best passage's support weighted by collection idf (from the FTS5 index), and a stricter
   support bar for questions naming a word no chunk holds.
3. Clipping. Long quotes cut to the clauses around the question's words (at most N characters, with an ellipsis), one
   or two of them, so that two could fit where one sentence does.
"""
import itertools, json, math, re, statistics, sqlite3, sys

import numpy as np

import rescore as R


def sentence_features(q):
    w = R.weights(q)
    total = sum(w.values()) or 1
    qt = q['qterms']
    qset, qbig = set(qt), set(zip(qt, qt[1:]))
    words = set(re.findall(r'\w{4,}', R.norm(q['question'])))
    rows = []
    for c in q['candidates']:
        units = q['sources'][c['source'] - 1]['units']
        at = next((i for i, u in enumerate(units) if u['text'] == c['text']), 0)
        terms = units[at]['terms']
        here, prev = set(terms), set(units[at - 1]['terms']) if at > 0 else set()
        nxt = set(units[at + 1]['terms']) if at + 1 < len(units) else set()
        cover = lambda s: sum(v for t, v in w.items() if t in s) / total
        pos = [i for i, t in enumerate(terms) if t in qset]
        r = c['source']
        rows.append([c['lex'], c['cos'] or 0, c['cos'] is None, c['fits'], c['fits'] and q['kind'] != 'Any',
                     r == 1, r == 2, r == 3, r == 4, at == 0, min(at, 10) / 10, cover(here), cover(here | prev | nxt),
                     q['support'][r - 1], math.log(1 + len(c['text'])) / 6, len(here - qset) / max(1, len(here)),
                     cover(prev), cover(nxt), len(qbig & set(zip(terms, terms[1:]))) / max(1, len(qbig)),
                     len(pos) / (pos[-1] - pos[0] + 1) if len(pos) > 1 else 1.0,
                     len(words & set(re.findall(r'\w{4,}', R.norm(c['text'])))) / max(1, len(words))])
    return np.array(rows, dtype=float)


def prepare(questions):
    return [(q, sentence_features(q), np.array([float(R.has(c['text'], q['gold'])) for c in q['candidates']]))
            for q in questions if q['answerable'] and q['candidates']]


def fit(data, l2=1e-3, iterations=600, rate=0.5):
    w = np.zeros(data[0][1].shape[1])
    usable = [(x, y) for _, x, y in data if y.sum() > 0]
    for _ in range(iterations):
        gradient = np.zeros_like(w)
        for x, y in usable:
            s = x @ w
            p = np.exp(s - s.max())
            gradient += x.T @ (p / p.sum() - y / y.sum())
        w -= rate * (gradient / len(usable) + l2 * w)
    return w


def top1(data, w=None):
    """Share of questions whose first sentence (learned order, or the shipped one) holds a gold span."""
    hits = 0
    for q, x, _ in data:
        best = q['candidates'][int(np.argmax(x @ w))] if w is not None else R.order(q, R.SHIPPED)[0]
        hits += R.has(best['text'], q['gold'])
    return round(100 * hits / len(data), 1)


class Collection:
    """Document frequencies of the analysed, language-tagged terms, read from the eval's FTS5 index."""

    def __init__(self, path):
        db = sqlite3.connect(path)
        db.execute('CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, chunks_fts, row)')
        self.df = dict(db.execute('SELECT term, doc FROM temp.v'))
        self.n = db.execute('SELECT COUNT(*) FROM Chunks').fetchone()[0]

    def frequency(self, q, term):
        return self.df.get(f"{q['language'] or 'en'}_{term}", 0)


def evidence(q, collection):
    e = R.signals(q)  # with the names rule (asked)
    ranked = R.order(q, R.EVIDENCE)
    qt = set(q['qterms'])
    e['unseen'] = any(collection.frequency(q, t) == 0 for t in qt)
    idf = {t: math.log(1 + (collection.n - collection.frequency(q, t) + 0.5) / (collection.frequency(q, t) + 0.5)) for t in qt}
    held = {t for u in q['sources'][ranked[0]['source'] - 1]['units'] for t in u['terms']} if ranked else set()
    e['csup'] = sum(v for t, v in idf.items() if t in held) / (sum(idf.values()) or 1)
    return e


def passes(e, th):
    return e['asked'] and e['sup'] >= th['sup'] and e['cos'] >= th['cos'] and e['csup'] >= th['csup'] \
        and not (e['unseen'] and e['sup'] < th['unseen'])


def rates(rows, th):
    found = [passes(e, th) for a, e in rows if a]
    refused = [not passes(e, th) for a, e in rows if not a]
    return f'{100 * sum(found) / len(found):.1f} % / {100 * sum(refused) / len(refused):.1f} %'


def clip(text, words, limit):
    """The clauses of text around the one holding most of the question's words, within limit characters (a single
    clause longer than that is kept whole)."""
    if len(text) <= limit:
        return text
    parts = [p for p in re.split(r'(?<=[,;:])\s+|\s+(?=\()|\s+[–—-]\s+', text) if p.strip()]
    if len(parts) < 2:
        return text
    at = max(range(len(parts)), key=lambda i: (sum(w in R.norm(parts[i]) for w in words), -i))
    lo = hi = at
    while True:
        # Right first: the answer tends to follow the question's words.
        wider = next(((a, b) for a, b in ((lo, hi + 1), (lo - 1, hi)) if a >= 0 and b < len(parts) and len(' '.join(parts[a:b + 1])) <= limit), None)
        if wider is None:
            break
        lo, hi = wider
    return ('… ' if lo > 0 else '') + ' '.join(parts[lo:hi + 1]) + (' …' if hi < len(parts) - 1 else '')


def clipped(questions, limit, two):
    hits, lengths, n = 0, [], 0
    for q in (q for q in questions if q['answerable']):
        n += 1
        quotes = R.compose(q, R.SHIPPED)
        ranked = R.order(q, R.SHIPPED)
        if two and len(quotes) == 1:
            quotes += [c for c in ranked[1:] if c['text'] != quotes[0]['text']][:1]
        words = re.findall(r'\w{4,}', R.norm(q['question']))
        texts = [clip(x['text'], words, limit) for x in quotes]
        hits += R.has(' '.join(texts), q['gold'])
        lengths.append(sum(len(t) + len(' [1] — *%s*' % q['sources'][x['source'] - 1]['doc']) + 1 for t, x in zip(texts, quotes)) - 1 if quotes else len(q.get('notFound', R.NOT_FOUND_FR)))
    return f'{100 * hits / n:.1f} % gold, median {statistics.median(lengths)} chars'


def main():
    tune, held = (json.load(open(p))['details'] for p in sys.argv[1:3])
    collection = Collection(sys.argv[3])
    t, h = prepare(tune), prepare(held)
    halves = t[0::2], t[1::2]
    print('1. top-1 sentence holds a gold span (answerable questions):')
    usable = sum(y.sum() > 0 for _, _, y in t)
    print(f'  shipped order: tune {top1(t)} % (halves {top1(halves[0])} % / {top1(halves[1])} %), held-out {top1(h)} %')
    print(f'  learned, cross-fitted on tune halves: {top1(halves[1], fit(halves[0]))} % on the second, {top1(halves[0], fit(halves[1]))} % on the first')
    whole = fit(t)
    print(f'  learned on all of tune ({usable} questions with a gold span among their candidates, {t[0][1].shape[1]} signals):'
          f' tune itself {top1(t, whole)} %, held-out {top1(h, whole)} %')
    print('2. answerability, found / refused (thresholds from tune):')
    rows_t = [(q['answerable'], evidence(q, collection)) for q in tune]
    rows_h = [(q['answerable'], evidence(q, collection)) for q in held]
    shipped = dict(sup=0.25, cos=0.52, csup=0, unseen=0)
    print(f'  shipped 0.25 / 0.52: tune {rates(rows_t, shipped)}, held-out {rates(rows_h, shipped)}')
    grid = dict(sup=[i * 0.05 for i in range(11)], cos=[0.3 + i * 0.02 for i in range(15)], csup=[i * 0.05 for i in range(10)], unseen=[i * 0.05 for i in range(15)])
    for min_found in (0.95, 0.94, 0.93):
        for keys in (['sup', 'cos'], ['sup', 'cos', 'csup'], ['sup', 'cos', 'unseen'], ['sup', 'cos', 'csup', 'unseen']):
            best = None
            for values in itertools.product(*(grid[k] for k in keys)):
                th = {**dict(sup=0, cos=-1, csup=0, unseen=0), **dict(zip(keys, values))}
                found = sum(passes(e, th) for a, e in rows_t if a) / sum(a for a, _ in rows_t)
                refused = sum(not passes(e, th) for a, e in rows_t if not a) / sum(not a for a, _ in rows_t)
                if found >= min_found and (best is None or (refused, found) > best[1:]):
                    best = (th, refused, found)
            th = best[0]
            print(f'  >= {min_found} {"+".join(keys)} {({k: round(v, 2) for k, v in th.items() if k in keys})}: tune {rates(rows_t, th)}, held-out {rates(rows_h, th)}')
    print('3. clipped quotes (every question answered):')
    for two in (False, True):
        for limit in (100000, 120, 150, 180):
            print(f'  {"always two quotes" if two else "shipped quotes"}, {"unclipped" if limit == 100000 else f"clipped at {limit}"}: tune {clipped(tune, limit, two)}, held-out {clipped(held, limit, two)}')


if __name__ == '__main__':
    main()
