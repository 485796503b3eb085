import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server';

/**
 * Citizens' text (descriptions, notes, names, chat) is plain text and must never be parsed as
 * HTML (issue 16). React and the XML writer escape it; these are the ways around them. The
 * staff console's rendering is checked in a browser in tests/e2e/plain-text.e2e.test.ts.
 */
const SINKS: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML/outerHTML assignment', /\.(inner|outer)HTML\s*[+]?=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['DOMParser text/html', /parseFromString\([^)]*text\/html/],
  ['iframe srcdoc', /srcdoc/i],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|jsx?|html)$/.test(name) ? [path] : [];
  });
}

describe('no HTML sinks for user text', () => {
  it('finds none in src/ (client, server, shared)', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [name, pattern] of SINKS) if (pattern.test(text)) found.push(`${relative(ROOT, file)}: ${name}`);
    }
    expect(found).toEqual([]);
  });

  it('would notice one', () => {
    const sample = 'el.innerHTML = request.description; <div dangerouslySetInnerHTML={{ __html: x }} />';
    expect(SINKS.filter(([, p]) => p.test(sample)).map(([n]) => n)).toEqual(['dangerouslySetInnerHTML', 'innerHTML/outerHTML assignment']);
  });
});
