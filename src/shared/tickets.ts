/**
 * Queue-ticket prefixes, one per counter and never shared: "DIS-" once stood for both Dishub
 * and Disdukcapil. A code keeps its first letters (PU, DLH, BAP) when no other code starts the
 * same way; codes that would share a prefix get their first letter and two of the following
 * consonants instead (Dishub DSH, Disdukcapil DSD…), so the ambiguous prefix is used by none.
 */
export function ticketPrefixes(codes: readonly string[]): Map<string, string> {
  const letters = (code: string) => code.replace(/[^a-z]/gi, '').toUpperCase() || 'X';
  const plain = (code: string) => letters(code).slice(0, 3);
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(plain(code), (counts.get(plain(code)) ?? 0) + 1);
  // Every plain prefix is reserved: by its only owner, or by nobody when it is ambiguous.
  const taken = new Set(counts.keys());
  const result = new Map<string, string>();
  for (const code of codes) {
    if (counts.get(plain(code)) === 1) {
      result.set(code, plain(code));
      continue;
    }
    const l = letters(code);
    const rest = l.slice(1);
    const consonants = rest.replace(/[AEIOU]/g, '');
    const candidates: string[] = [];
    const pairs = (s: string) => {
      for (let i = 0; i < s.length; i += 1) for (let j = i + 1; j < s.length; j += 1) candidates.push(l[0] + s[i] + s[j]);
    };
    pairs(consonants);
    pairs(rest);
    let prefix = candidates.find((c) => !taken.has(c));
    for (let n = 1; !prefix || taken.has(prefix); n += 1) prefix = `${l[0]}${String(n).padStart(2, '0')}`;
    taken.add(prefix);
    result.set(code, prefix);
  }
  return result;
}
