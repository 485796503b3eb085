import type { Locator, Page } from 'playwright-core';

/**
 * The first minute, counted as a citizen spends it: taps (or clicks), keys typed, and Tab/Enter
 * presses for a keyboard-only walk. The same flows serve the e2e test (which checks the counts)
 * and `npm run bench` (which prints them with the seconds they took).
 */
export class InputCounter {
  taps = 0;
  keystrokes = 0;
  keys = 0;
  readonly started = Date.now();
  /** Screenshots or checks to run after each step, e.g. axe; default none. */
  constructor(private readonly afterStep: (label: string) => Promise<void> = async () => {}) {}

  async tap(locator: Locator, label: string): Promise<void> {
    await locator.tap();
    this.taps++;
    await this.afterStep(label);
  }

  async click(locator: Locator, label: string): Promise<void> {
    await locator.click();
    this.taps++;
    await this.afterStep(label);
  }

  /** Typing into the focused field: every character is a keystroke. */
  async type(page: Page, text: string): Promise<void> {
    await page.keyboard.type(text);
    this.keystrokes += text.length;
  }

  /** A key press of the keyboard-only walk (Tab, Enter, Space, arrows). */
  async press(page: Page, key: string): Promise<void> {
    await page.keyboard.press(key);
    this.keys++;
  }

  /** Tab until the focused element matches (each Tab counted). */
  async tabTo(page: Page, selector: string, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      await this.press(page, 'Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  get seconds(): number {
    return Math.round((Date.now() - this.started) / 100) / 10;
  }
}

export const STREET_CHILDREN = 'ada anak jalanan mengemis di lampu merah jl pettarani';
export const DRAINAGE = 'saluran air tersumbat sampah depan rumah, banjir kalau hujan';

const TICKET = '[data-testid="ticket-number"]';

/** The street-children form by touch: who was seen, where (the rest is filled in), send. */
async function streetChildrenForm(page: Page, c: InputCounter): Promise<string> {
  const form = page.locator('form[data-service="dinsos-anak-jalanan"]');
  await c.tap(form.locator('input[value="anak_jalanan"]'), 'subject');
  await c.tap(form.locator('input[autocomplete="street-address"]'), 'address');
  await c.type(page, 'Lampu merah Jl. AP Pettarani');
  await c.tap(form.locator('button[type="submit"]'), 'submit');
  return readTicket(page);
}

async function readTicket(page: Page): Promise<string> {
  await page.locator(TICKET).waitFor({ timeout: 30_000 });
  return (await page.locator(TICKET).innerText()).trim();
}

/** Phone: link → first step → proposal → the form with the words in → required choices → ticket. */
export async function phoneStreetChildren(page: Page, url: string, c: InputCounter): Promise<string> {
  await page.goto(url);
  await c.tap(page.locator('[data-testid="first-step-text"]'), 'welcome');
  await c.type(page, STREET_CHILDREN);
  await c.tap(page.locator('[data-action="first-step-find"]'), 'proposal');
  await c.tap(page.locator('[data-action="first-step-go"]'), 'form');
  return streetChildrenForm(page, c);
}

/** Phone: a drainage complaint whose place comes from the phone's location (one tap). */
export async function phoneDrainage(page: Page, url: string, c: InputCounter): Promise<string> {
  await page.goto(url);
  await c.tap(page.locator('[data-testid="first-step-text"]'), 'welcome');
  await c.type(page, DRAINAGE);
  await c.tap(page.locator('[data-action="first-step-find"]'), 'proposal');
  await c.tap(page.locator('[data-action="first-step-go"]'), 'form');
  const form = page.locator('form[data-service="pu-drainase"]');
  await c.tap(form.locator('input[value="sedang"]'), 'severity');
  await c.tap(form.locator('input[value="tersumbat_sampah"]'), 'problem');
  await c.tap(form.getByRole('button', { name: /Gunakan lokasi saya/ }), 'location');
  // The position arrives (GPS), then the report can go.
  await page.waitForFunction((sel) => (document.querySelector<HTMLInputElement>(sel)?.value ?? '') !== '', 'form[data-service="pu-drainase"] input[inputmode="decimal"]');
  await c.tap(form.locator('button[type="submit"]'), 'submit');
  return readTicket(page);
}

/** Desktop with the keyboard only: the same street-children complaint. */
export async function keyboardStreetChildren(page: Page, url: string, c: InputCounter): Promise<string> {
  await page.goto(url);
  await page.locator('[data-testid="first-step-text"]').waitFor();
  await c.tabTo(page, '[data-testid="first-step-text"]');
  await c.type(page, STREET_CHILDREN);
  await c.tabTo(page, '[data-action="first-step-find"]');
  await c.press(page, 'Enter');
  await page.locator('[data-action="first-step-go"]').waitFor();
  await c.tabTo(page, '[data-action="first-step-go"]');
  await c.press(page, 'Enter');
  const form = page.locator('form[data-service="dinsos-anak-jalanan"]');
  await form.waitFor();
  await c.tabTo(page, 'input[value="anak_jalanan"]');
  await c.press(page, 'Space');
  await c.tabTo(page, 'input[autocomplete="street-address"]');
  await c.type(page, 'Lampu merah Jl. AP Pettarani');
  await c.tabTo(page, 'form button[type="submit"]');
  await c.press(page, 'Enter');
  return readTicket(page);
}

/** 2D mode (no WebGL needed), on a phone: "Antar saya ke…" takes the words too. */
export async function twoDStreetChildren(page: Page, url: string, c: InputCounter): Promise<string> {
  await page.goto(`${url}/?mode=2d`);
  await c.tap(page.locator('[data-action="take-me-to"]'), 'menu');
  await c.tap(page.locator('dialog [data-testid="first-step-text"]'), 'words');
  await c.type(page, STREET_CHILDREN);
  await c.tap(page.locator('dialog [data-action="first-step-find"]'), 'proposal');
  await c.tap(page.locator('dialog [data-action="first-step-go"]'), 'form');
  return streetChildrenForm(page, c);
}
