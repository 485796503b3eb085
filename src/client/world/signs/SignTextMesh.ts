import { CanvasTexture, CustomBlending, LinearMipmapLinearFilter, Mesh, MeshBasicMaterial, OneFactor, OneMinusSrcAlphaFactor, PlaneGeometry, ShaderChunk, SRGBColorSpace } from 'three';
import { SIGN_FAMILY, signFontReady, signFontSettled, texelsPerEm } from './signFont';
import { paintText, type TextStyle } from './paintText';

/**
 * One text of the hall: its canvas as a texture on one quad, one draw call. The quad's origin is
 * the text's centre. Painting happens when the text or its style
 * changes (`set`), never per frame.
 *
 * The texels are premultiplied (as the canvas holds them), so the quad blends with
 * (ONE, ONE_MINUS_SRC_ALPHA): the filtered and mipmapped edges of a letter keep its colour
 * instead of darkening toward the transparent black around it.
 */
/**
 * Texts are read from afar at a few pixels per letter, and a mipmap chosen by the usual rule
 * blurs such letters into blobs: one level sharper (LOD bias -1) keeps strokes apart. One
 * function for every text, so three compiles one program for all.
 */
const SHARPER_MIPMAP = (shader: { fragmentShader: string }) => {
  shader.fragmentShader = shader.fragmentShader.replace('#include <map_fragment>', ShaderChunk.map_fragment.replace('texture2D( map, vMapUv )', 'texture2D( map, vMapUv, -1.0 )'));
};

/** Texts set before the sign font came: painted when it comes (or fails). */
const waiting = new Set<SignTextMesh>();

/** How many texts wait for the sign font (the first frame waits for them, FramePacer.tsx). */
export function textsWaitingForFont(): number {
  return waiting.size;
}

function paintWaiting(): void {
  for (const mesh of waiting) mesh.paint();
  waiting.clear();
}

export class SignTextMesh extends Mesh<PlaneGeometry, MeshBasicMaterial> {
  /** For the probe and the tests (StatsProbe.tsx): what this text says, as painted. */
  text = '';
  readonly isSignText = true;
  private readonly canvas = document.createElement('canvas');
  private readonly texture = new CanvasTexture(this.canvas);
  private painted = '';
  private style: TextStyle | null = null;

  constructor() {
    super(
      new PlaneGeometry(1, 1),
      new MeshBasicMaterial({
        transparent: true,
        depthWrite: false,
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
    this.visible = false;
  }

  /** Paints `text` in `style`; nothing happens if neither changed. */
  set(text: string, style: TextStyle): void {
    const key = `${text}\u0000${JSON.stringify(style)}`;
    if (key === this.painted) return;
    this.painted = key;
    this.style = style;
    this.text = text;
    this.paint();
  }

  /** Paints the text set last, now if the sign font is there, else as soon as it is. */
  paint(): void {
    const { text, style } = this;
    this.visible = false;
    waiting.delete(this);
    if (!text || !style) return;
    if (!signFontSettled()) {
      if (waiting.size === 0) signFontReady().then(paintWaiting, paintWaiting);
      waiting.add(this);
      return;
    }
    this.visible = true;
    const size = paintText(this.canvas, text, style, SIGN_FAMILY, texelsPerEm());
    // The canvas changed size: a new texture storage on the next upload.
    this.texture.dispose();
    this.texture.needsUpdate = true;
    this.geometry.dispose();
    this.geometry = new PlaneGeometry(size.width, size.height);
  }

  /** Paints another text in the style last set (name tags, changed every frame without React). */
  setText(text: string): void {
    if (this.style) this.set(text, this.style);
  }

  /** Frees its own geometry, material and texture (none is shared). */
  override dispose(): void {
    super.dispose();
    this.geometry.dispose();
    this.material.dispose();
    this.texture.dispose();
  }
}
