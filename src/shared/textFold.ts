/**
 * The one text folding for matching what a citizen types (routing, the counter directory, the
 * kelurahan search): lower case, accents off, the glottal stop mark joined (dottoro'ta),
 * reduplication with a 2 undone (anak2), everything else but letters and digits a space.
 */
export function foldText(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      // dottoro'ta, pa'baeng-baeng: the glottal stop mark joins the word.
      .replace(/['’`]/g, '')
      // Reduplication written with a 2: anak2, bolong2, minta2.
      .replace(/([a-z]{2,})2(?![0-9])/g, '$1')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  );
}
