#!/usr/bin/env python3
"""Per-question check of rescore.py (shipped rules, 0.25 / 0.52) against the real chat path.

Usage: check.py CANDIDATES.json CHAT.json, where CANDIDATES.json is `eval --answers ... --candidates FILE` and CHAT.json
is `eval --answers ... --json FILE` of the same half on the same data directory. Prints both reports, each question
whose answerability, gold span, cited passage or answer length differs, and the count of each kind. ASKED lines compare
the names rule with the chat path's refusal reason; a question refused for another reason first (nothing retrieved)
shows there without its outcome differing."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rescore as R
cand = {q['id']: q for q in json.load(open(sys.argv[1]))['details']}
chat = json.load(open(sys.argv[2]))
reasons = {d['Id']: d['reason'] for d in chat['details']}
th = dict(sup=0.25, cos=0.52)
print('rescore :', R.report(list(cand.values()), R.SHIPPED, th))
r = chat['report']
print('chat    :', r)
diff = {'found': 0, 'gold': 0, 'cited': 0, 'asked': 0, 'sup': 0, 'cos': 0, 'len': 0}
for o in chat['outcomes']:
    q = cand[o['Id']]
    x = R.signals(q)
    found = R.passes(x, th)
    asked_chat = not (reasons[o['Id']] or '').startswith('None of the question')
    if asked_chat != x['asked']:
        diff['asked'] += 1
        print('ASKED', o['Id'], q['language'], q['question'], 'chat', asked_chat, 'rescore', x['asked'], R.name_words(q), q['qterms'])
    if o['Support'] is not None and abs(o['Support'] - round(x['sup'], 3)) > 0.0015:
        diff['sup'] += 1
    if (o['Cosine'] is None) != (x['cos'] == 1.0 and not q['candidates'] or False) and o['Cosine'] is not None and abs(o['Cosine'] - round(x['cos'], 3)) > 0.0015:
        diff['cos'] += 1
    if found != o['Found']:
        diff['found'] += 1
        print('FOUND', o['Id'], o['Answerable'], 'chat', o['Found'], o['Support'], o['Cosine'], reasons[o['Id']], '| rescore', found, x)
    if o['Answerable']:
        quotes = R.compose(q, R.SHIPPED) if found else []
        text = ' '.join(c['text'] for c in quotes)
        gold = R.has(text, q['gold'])
        cited = any(R.has(' '.join(u['text'] for u in q['sources'][s - 1]['units']), q['gold']) for s in {c['source'] for c in quotes})
        if gold != (o['Found'] and o['AnswerHasGold']):
            diff['gold'] += 1
            print('GOLD', o['Id'], q['question'], 'chat', o['AnswerHasGold'], 'rescore', gold)
        if cited != (o['Found'] and o['CitedHasGold']):
            diff['cited'] += 1
            print('CITED', o['Id'], q['question'], 'chat', o['CitedHasGold'], 'rescore', cited)
        length = len(R.shown(q, quotes)) if quotes else len(q.get('notFound', R.NOT_FOUND_FR))
        if length != o['AnswerLength']:
            diff['len'] += 1
            print('LEN', found, length, o['AnswerLength'], q['question'])
print('differences:', diff)
