import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Router } from '../../src/shared/routing';
import { routingWordsSchema, type RoutingWords } from '../../src/shared/routing';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Labelled {
  text: string;
  lang: 'id' | 'en';
  service: string;
  /** Every fourth line is held out: never looked at while writing the word lists. */
  heldOut: boolean;
}

/** tests/fixtures/route-labelled.tsv: expected service, language, text. */
export function labelledSet(): Labelled[] {
  return readFileSync(resolve(ROOT, 'tests/fixtures/route-labelled.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((line, i) => {
      const [service, lang, text] = line.split('\t');
      if (!text || (lang !== 'id' && lang !== 'en')) throw new Error(`tests/fixtures/route-labelled.tsv: line "${line}": expected service<TAB>id|en<TAB>text`);
      return { service, lang, text, heldOut: i % 4 === 3 };
    });
}

export function wordsFromDisk(): RoutingWords {
  return routingWordsSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'scenes/routing/words.json'), 'utf8')));
}

export interface Accuracy {
  n: number;
  top1: number;
  top3: number;
  misses: { text: string; expected: string; got: string[] }[];
}

/** Top-1 and top-3 share of texts whose expected service the router proposes. */
export function accuracy(router: Router, items: Labelled[]): Accuracy {
  let top1 = 0;
  let top3 = 0;
  const misses: Accuracy['misses'] = [];
  for (const item of items) {
    const got = router.route(item.text, item.lang).suggestions.map((s) => s.service_code);
    if (got[0] === item.service) top1++;
    else misses.push({ text: item.text, expected: item.service, got: got.slice(0, 3) });
    if (got.slice(0, 3).includes(item.service)) top3++;
  }
  return { n: items.length, top1: top1 / items.length, top3: top3 / items.length, misses };
}
