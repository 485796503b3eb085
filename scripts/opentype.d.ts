/** What of opentype.js scripts/signFontCoverage.ts uses; the package ships no types. */
declare module 'opentype.js' {
  const opentype: { parse(buffer: ArrayBuffer): { tables: Record<string, unknown> } };
  export default opentype;
}
