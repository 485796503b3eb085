import { CanvasTexture, CustomBlending, LinearMipmapLinearFilter, Mesh, MeshBasicMaterial, OneFactor, OneMinusSrcAlphaFactor, PlaneGeometry, ShaderChunk, SRGBColorSpace } from 'three';
import { onSignFontLoaded, SIGN_FAMILY, signFontReady, signFontSettled, texelsPerEm } from './signFont';
import { paintText, type TextStyle } from './paintText';
import { PART } from '../parts';

/**
 * Texts are read from afar at a few pixels per letter, and a mipmap chosen by the usual rule
 * blurs such letters into blobs: one level sharper (LOD bias -1) keeps strokes apart. One
 * function for every text, so three compiles one program for all.
 */
const SHARPER_MIPMAP = (shader: { fragmentShader: string }) => {
  shader.fragmentShader = shader.fragmentShader.replace('#include <map_fragment>', ShaderChunk.map_fragment.replace('texture2D( map, vMapUv )', 'texture2D( map, vMapUv, -1.0 )'));
};

/** Every text's quad: a unit square, scaled to the painted size (one vertex buffer for all). */
const UNIT_QUAD = new PlaneGeometry(1, 1);

/** Texts set before the sign font came: painted when its load ends (loaded or not). */
const waiting = new Set<SignTextMesh>();
/** Texts alive, painted again if the sign font comes after they were painted without it. */
const alive = new Set<SignTextMesh>();

/** How many texts wait for the sign font (the first frame waits for them, FramePacer.tsx). */
export function textsWaitingForFont(): number {
  return waiting.size;
}

function paintWaiting(): void {
  for (const mesh of [...waiting]) mesh.paint();
}

onSignFontLoaded(() => {
  for (const mesh of alive) mesh.paint();
});

/** What a text looks like, as one string: the same key, the same picture. */
export function paintKey(text: string, style: TextStyle): string {
  return `${text}\u0000${JSON.stringify(style)}`;
}

/**
 * One text of the hall: its canvas as a texture on one quad, one draw call. The quad's origin is
 * the text's centre. Painting happens when the text or its style changes (`set`), never per
 * frame; each painting uploads the texture and its mipmaps again.
 *
 * The texels are premultiplied (as the canvas holds them), so the quad blends with
 * (ONE, ONE_MINUS_SRC_ALPHA): the filtered and mipmapped edges of a letter keep its colour
 * instead of darkening toward the transparent black around it.
 */
export class SignTextMesh extends Mesh<PlaneGeometry, MeshBasicMaterial> {
  /** For the probe and the tests (StatsProbe.tsx): what this text says, as painted. */
  text = '';
  readonly isSignText = true;
  private readonly canvas = document.createElement('canvas');
  private readonly texture = new CanvasTexture(this.canvas);
  private painted = '';
  private style: TextStyle | null = null;
  /** Painted and not empty. */
  private shows = false;
  /** Hidden from outside (the overhead view's cut, hall/Cutaway.tsx), whatever is painted. */
  private cut = false;
  private disposed = false;

  constructor() {
    super(
      UNIT_QUAD,
      new MeshBasicMaterial({
        transparent: true,
        depthWrite: false,
        // The quad around the letters is mostly empty: no blending there (a CPU blends every pixel).
        alphaTest: 1 / 255,
        blending: CustomBlending,
        blendSrc: OneFactor,
        blendDst: OneMinusSrcAlphaFactor,
      }),
    );
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.premultiplyAlpha = true;
    this.texture.minFilter = LinearMipmapLinearFilter;
    this.material.map = this.texture;
    this.material.onBeforeCompile = SHARPER_MIPMAP;
    this.name = PART.texts;
    this.visible = false;
    alive.add(this);
  }

  /** Paints `text` in `style`; nothing happens if neither changed. */
  set(text: string, style: TextStyle): void {
    const key = paintKey(text, style);
    if (key === this.painted || this.disposed) return;
    this.painted = key;
    this.style = style;
    this.text = text;
    this.paint();
  }

  /** Paints another text in the style last set (name tags, when their visitor changes). */
  setText(text: string): void {
    if (this.style) this.set(text, this.style);
  }

  /** Hides the text whatever it says (true), or shows it again if it says something (false). */
  setCut(cut: boolean): void {
    this.cut = cut;
    this.visible = this.shows && !cut;
  }

  /** Paints the text set last, now if the sign font's load has ended, else as soon as it has. */
  paint(): void {
    waiting.delete(this);
    const { text, style } = this;
    this.shows = false;
    this.visible = false;
    if (!text || !style || this.disposed) return;
    if (!signFontSettled()) {
      if (waiting.size === 0) signFontReady().then(paintWaiting, paintWaiting);
      waiting.add(this);
      return;
    }
    const size = paintText(this.canvas, text, style, SIGN_FAMILY, texelsPerEm());
    if (size.width === 0) return;
    // The canvas changed size: a new texture storage on the next upload.
    this.texture.dispose();
    this.texture.needsUpdate = true;
    // Wider than its place: the whole text smaller, never cut off.
    const letters = size.width - size.pad * 2;
    const fit = style.maxWidth && letters > style.maxWidth ? style.maxWidth / letters : 1;
    this.scale.set(size.width * fit, size.height * fit, 1);
    this.shows = true;
    this.visible = !this.cut;
  }

  /** Back in the scene after a dispose (React's development double mount): painted again. */
  revive(): void {
    if (!this.disposed) return;
    this.disposed = false;
    alive.add(this);
    this.paint();
  }

  /** Frees its material and texture (the quad is shared) and its canvas' pixels; a text that still waited is forgotten. */
  override dispose(): void {
    super.dispose();
    this.disposed = true;
    waiting.delete(this);
    alive.delete(this);
    this.material.dispose();
    this.texture.dispose();
    this.canvas.width = 0;
    this.canvas.height = 0;
  }
}
