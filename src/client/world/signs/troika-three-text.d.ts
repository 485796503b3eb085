/** The one troika-three-text function the app calls itself (drei's <Text> wraps the rest); the package ships no types. */
declare module 'troika-three-text' {
  export function preloadFont(options: { font?: string; characters?: string | string[]; sdfGlyphSize?: number }, callback: () => void): void;
}
