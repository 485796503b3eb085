import { foldText } from '../textFold';
import type { RoutingWords } from './words';

export interface Analyzer {
  /** Index and query terms of a text: canonical words, then word pairs ("a_b", sorted). */
  terms(text: string): string[];
  /** The canonical content words of a text, in order (no pairs). */
  words(text: string): string[];
  /** The plain words after slang and before stop words are dropped (for intent cues). */
  plain(text: string): string[];
}

const VOWEL = /^[aiueo]/;

const fold = foldText;

function dedupe(tokens: string[]): string[] {
  // anak anak (anak-anak), pete pete: a doubled word is one word.
  return tokens.filter((t, i) => t !== '' && t !== tokens[i - 1]);
}

/**
 * Builds the text analysis shared by the catalog index and the queries: slang, phrases,
 * stop words, Indonesian affix stripping (guided by the known words) and synonym folding.
 */
export function createAnalyzer(words: RoutingWords): Analyzer {
  const slang = new Map(Object.entries(words.slang));
  const phrases = Object.entries(words.phrases)
    .map(([from, to]) => [fold(from), to] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const phraseRe = phrases.length ? new RegExp(`(?:^| )(${phrases.map(([p]) => p.replace(/ /g, ' ')).join('|')})(?= |$)`, 'g') : null;
  const phraseTo = new Map(phrases);
  const stop = new Set(words.stopwords);
  const canonical = new Map<string, string>();
  for (const group of words.synonyms) {
    for (const w of group) for (const f of fold(w).split(' ')) if (f && !canonical.has(f)) canonical.set(f, group[0]);
  }
  const roots = new Set(words.roots);
  // Curated words: a stem candidate found here wins over deeper stripping.
  const curated = new Set<string>([...roots, ...canonical.keys(), ...slang.values(), ...phraseTo.values()]);
  const { particles, possessives, suffixes, prefixes, innerPrefixes, minStem } = words.affixes;

  function stripPrefix(w: string, list: string[]): string[] {
    const out: string[] = [];
    for (const p of list) {
      if (!w.startsWith(p)) continue;
      const rest = w.slice(p.length);
      if (p === 'me' || p === 'pe') {
        // Nasal prefixes: meng-/peng- + vowel drops a k, mem- a p, men- a t, meny- an s.
        if (rest.startsWith('ng')) out.push(...(VOWEL.test(rest.slice(2)) ? ['k' + rest.slice(2), rest.slice(2)] : [rest.slice(2)]));
        else if (rest.startsWith('ny')) out.push('s' + rest.slice(2));
        else if (rest.startsWith('m')) out.push(...(VOWEL.test(rest.slice(1)) ? ['p' + rest.slice(1), rest.slice(1)] : [rest.slice(1)]));
        else if (rest.startsWith('n')) out.push(...(VOWEL.test(rest.slice(1)) ? ['t' + rest.slice(1), rest.slice(1)] : [rest.slice(1)]));
        else if (!(p === 'pe' && rest.startsWith('r'))) out.push(rest);
      } else if (p === 'ng' || p === 'nge') {
        // Colloquial nasal: ngangkut, ngecek.
        out.push(rest);
        if (p === 'ng' && VOWEL.test(rest)) out.push('k' + rest);
      } else out.push(rest);
    }
    return out.filter((s) => s.length >= minStem);
  }

  function stripEnd(w: string, ends: string[]): string[] {
    return ends.filter((e) => w.endsWith(e) && w.length - e.length >= minStem).map((e) => w.slice(0, -e.length));
  }

  type Candidate = { s: string; n: number };
  const step = (list: Candidate[], f: (w: string) => string[]) => [...list, ...list.flatMap((c) => f(c.s).map((s) => ({ s, n: c.n + 1 })))];

  const stemCache = new Map<string, string>();
  /**
   * Affix stripping guided by the known words: the least-stripped candidate that is a known
   * word wins; else the one with the most affixes removed (the longest on a tie).
   */
  function stem(w: string): string {
    const cached = stemCache.get(w);
    if (cached !== undefined) return cached;
    let result = w;
    if (!curated.has(w) && w.length > minStem && !/\d/.test(w)) {
      let all: Candidate[] = [{ s: w, n: 0 }];
      all = step(all, (x) => stripEnd(x, particles));
      all = step(all, (x) => stripEnd(x, possessives));
      all = step(all, (x) => stripEnd(x, suffixes));
      all = step(all, (x) => stripPrefix(x, prefixes));
      all = step(all, (x) => stripPrefix(x, innerPrefixes));
      const known = all.filter((c) => curated.has(c.s)).sort((a, b) => a.n - b.n)[0];
      if (known) result = known.s;
      else {
        const most = Math.max(...all.map((c) => c.n));
        // On a tie the longer stem: pengerukan is peng-keruk-an, not peng-keru-kan.
        result = all.filter((c) => c.n === most).reduce((a, b) => (b.s.length > a.s.length ? b : a)).s;
      }
    }
    stemCache.set(w, result);
    return result;
  }

  function plain(text: string): string[] {
    const tokens = fold(text).split(' ').flatMap((t) => (slang.has(t) ? slang.get(t)!.split(' ') : [t]));
    return dedupe(tokens);
  }

  function wordsOf(text: string): string[] {
    let joined = ` ${plain(text).join(' ')} `;
    if (phraseRe) joined = joined.replace(phraseRe, (m, p: string) => `${m.startsWith(' ') ? ' ' : ''}${phraseTo.get(p)}`);
    const out: string[] = [];
    for (const raw of joined.split(' ')) {
      if (!raw || stop.has(raw)) continue;
      const s = stem(raw);
      if (stop.has(s)) continue;
      out.push(canonical.get(s) ?? canonical.get(raw) ?? s);
    }
    return dedupe(out);
  }

  return {
    plain,
    words: wordsOf,
    terms(text) {
      const ws = wordsOf(text);
      const pairs: string[] = [];
      for (let i = 1; i < ws.length; i++) pairs.push(ws[i - 1] < ws[i] ? `${ws[i - 1]}_${ws[i]}` : `${ws[i]}_${ws[i - 1]}`);
      return [...new Set([...ws, ...pairs])];
    },
  };
}
