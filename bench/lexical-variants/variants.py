#!/usr/bin/env python3
"""Scores lexical ranking variants offline over what export wrote (docs.tsv, queries.tsv) and a BEIR qrels file.

The baseline is FTS5's bm25() as both engines compute it (k1 1.2, b 0.75, IDF log((N - n + 0.5) / (n + 0.5)) floored at
1e-6, document length = the chunk's terms + its one scope token), top 100 chunks grouped by document, nDCG@10, and the
eval verb's fixed FNV-1a hash split (tune / held-out). It reproduces `eval --mode lexical` to four decimals; check
the baseline row against the CLI before trusting the others.

  python3 variants.py EXPORT_DIR QRELS_TSV [--grid]

--grid adds BM25F title weight {2, 3, 4, 5} x title b {0.25, 0.5} x BM25TP weight {0, 0.25, 0.5} (slow: about 40 s per
row on SciFact); the weights docs/benchmarks.md records were chosen on the sum of both sets' tune halves.
"""
import collections
import math
import sys

K1, B, TOP = 1.2, 0.75, 100


def held_out(query_id):
    h = 2166136261
    for c in query_id:
        h = ((h ^ ord(c)) * 16777619) & 0xFFFFFFFF
    return h & 1 == 1


class Corpus:
    def __init__(self, folder):
        self.ids, self.title, self.terms = [], [], []
        for line in open(f"{folder}/docs.tsv", encoding="utf-8"):
            doc, title, terms = line.rstrip("\n").split("\t")
            self.ids.append(doc)
            self.title.append(int(title))
            self.terms.append(terms.split(" ") if terms else [])
        self.n = len(self.ids)
        self.tf = [collections.Counter(t) for t in self.terms]
        self.length = [len(t) + 1 for t in self.terms]  # + the scope token FTS5 counts
        self.avg = sum(self.length) / self.n
        self.df = collections.Counter()
        for c in self.tf:
            self.df.update(c.keys())
        self.postings = collections.defaultdict(list)
        for d, c in enumerate(self.tf):
            for t in c:
                self.postings[t].append(d)
        # BM25F fields: title = the first line's terms, body = the rest.
        self.title_tf = [collections.Counter(t[:n]) for t, n in zip(self.terms, self.title)]
        self.body_len = [len(t) - n for t, n in zip(self.terms, self.title)]
        self.avg_title = max(sum(self.title) / self.n, 1e-9)
        self.avg_body = sum(self.body_len) / self.n
        self.positions = {}

    def idf(self, t):
        n = self.df[t]
        v = math.log((self.n - n + 0.5) / (n + 0.5))
        return v if v > 0 else 1e-6

    def norm(self, d):
        return K1 * (1 - B + B * self.length[d] / self.avg)

    def bm25(self, query, delta=0.0, lower=False):
        """BM25; delta > 0 gives BM25+ (Lv and Zhai 2011), or BM25L with lower=True."""
        scores = collections.defaultdict(float)
        for t in set(query):
            if t not in self.df:
                continue
            w = self.idf(t)
            for d in self.postings[t]:
                f = self.tf[d][t]
                if lower:
                    c = f / (1 - B + B * self.length[d] / self.avg) + delta
                    scores[d] += w * (K1 + 1) * c / (K1 + c)
                else:
                    scores[d] += w * (f * (K1 + 1) / (f + self.norm(d)) + delta)
        return scores

    def bm25f(self, query, title_weight, title_b, body_b=B):
        """BM25F (Robertson, Zaragoza and Taylor 2004): per-field length normalisation, weighted sum, one saturation."""
        scores = collections.defaultdict(float)
        for t in set(query):
            if t not in self.df:
                continue
            w = self.idf(t)
            for d in self.postings[t]:
                ft = self.title_tf[d][t]
                fb = self.tf[d][t] - ft
                title = ft / (1 - title_b + title_b * self.title[d] / self.avg_title) if self.title[d] else 0.0
                body = fb / (1 - body_b + body_b * self.body_len[d] / self.avg_body)
                f = title_weight * title + body
                scores[d] += w * f * (K1 + 1) / (f + K1)
        return scores

    def proximity(self, d, query, window=5):
        """BM25TP's term-pair score (Rasolofo and Savoy 2003): pairs of distinct query terms within `window` positions."""
        if d not in self.positions:
            p = collections.defaultdict(list)
            for i, t in enumerate(self.terms[d]):
                p[t].append(i)
            self.positions[d] = p
        p = self.positions[d]
        present = [t for t in dict.fromkeys(query) if t in p]
        acc = collections.defaultdict(float)
        for a in range(len(present)):
            for b in range(a + 1, len(present)):
                for i in p[present[a]]:
                    for j in p[present[b]]:
                        gap = abs(i - j)
                        if 0 < gap <= window:
                            acc[present[a]] += 1.0 / gap**2
                            acc[present[b]] += 1.0 / gap**2
        return sum(min(1.0, self.idf(t)) * v * (K1 + 1) / (v + self.norm(d)) for t, v in acc.items())


def rank(corpus, query, variant):
    kind, args = variant
    if kind == "bm25f":
        scores = corpus.bm25f(query, args[0], args[1])
    elif kind == "bm25f+tp":
        scores = corpus.bm25f(query, args[1], args[2])
    elif kind == "bm25+":
        scores = corpus.bm25(query, delta=args[0])
    elif kind == "bm25l":
        scores = corpus.bm25(query, delta=args[0], lower=True)
    else:
        scores = corpus.bm25(query)
    order = sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:TOP]
    if kind in ("tp", "bm25f+tp"):
        order = sorted(((d, s + args[0] * corpus.proximity(d, query)) for d, s in order), key=lambda x: (-x[1], x[0]))
    ranked = []
    for d, _ in order:
        if corpus.ids[d] not in ranked:
            ranked.append(corpus.ids[d])
    return ranked


def ndcg(ranked, judged, k=10):
    dcg = sum((2 ** judged.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(judged.values(), reverse=True)[:k]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best > 0 else 0.0


def main(folder, qrels_path):
    corpus = Corpus(folder)
    queries = {}
    for line in open(f"{folder}/queries.tsv", encoding="utf-8"):
        qid, _, terms = line.rstrip("\n").partition("\t")
        queries[qid] = terms.split(" ") if terms else []
    qrels = collections.defaultdict(dict)
    for line in list(open(qrels_path, encoding="utf-8"))[1:]:
        qid, doc, score = line.rstrip("\n").split("\t")
        qrels[qid][doc] = int(score)
    variants = [("bm25", ()), ("bm25+", (0.25,)), ("bm25+", (0.5,)), ("bm25l", (0.25,)), ("bm25l", (0.5,)),
                ("tp", (0.5,)), ("tp", (1.0,)), ("bm25f", (2.0, 0.5)), ("bm25f", (3.0, 0.25)), ("bm25f", (4.0, 0.25)),
                ("bm25f+tp", (0.25, 4.0, 0.25)), ("bm25f+tp", (0.5, 4.0, 0.25))]
    if "--grid" in sys.argv:
        variants = [("bm25f+tp", (tp, wt, bt)) for wt in (2.0, 3.0, 4.0, 5.0) for bt in (0.25, 0.5) for tp in (0.0, 0.25, 0.5)]
    print("| variant | all / tune / held-out nDCG@10 |")
    print("| --- | --- |")
    for variant in variants:
        halves = {"all": [], "tune": [], "heldout": []}
        for qid, judged in qrels.items():
            if qid in queries:
                v = ndcg(rank(corpus, queries[qid], variant), judged)
                halves["all"].append(v)
                halves["heldout" if held_out(qid) else "tune"].append(v)
        cells = " / ".join(f"{sum(v) / len(v):.4f}" for v in halves.values())
        print(f"| {variant[0]} {', '.join(str(a) for a in variant[1])} | {cells} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
