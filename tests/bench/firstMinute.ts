import { launchBrowser, newPage, PHONE, DESKTOP } from '../e2e/browser';
import { InputCounter, keyboardStreetChildren, phoneDrainage, phoneStreetChildren, twoDStreetChildren } from '../e2e/firstMinute';
import { startServer } from '../helpers/server';
import { record } from './figures';

/**
 * The first minute, measured: taps, keys typed and seconds from the link to the ticket, on a
 * phone (street children; drainage with the phone's location), by keyboard only on a desktop,
 * and in 2D — the same flows the e2e test checks (tests/e2e/firstMinute.ts).
 */
export async function benchFirstMinute(): Promise<void> {
  const srv = await startServer();
  const browser = await launchBrowser();
  const rows: Record<string, { taps: number; keystrokes: number; keys: number; seconds: number }> = {};
  try {
    const run = async (name: string, flow: typeof phoneStreetChildren, options: Parameters<typeof newPage>[1], geo = false) => {
      const { page, context } = await newPage(browser, { ...options, permissions: geo ? ['geolocation'] : [] });
      if (geo) await context.setGeolocation({ latitude: -5.1477, longitude: 119.4327 });
      const c = new InputCounter();
      await flow(page, srv.url, c);
      rows[name] = { taps: c.taps, keystrokes: c.keystrokes, keys: c.keys, seconds: c.seconds };
      await context.close();
    };
    await run('phone', phoneStreetChildren, { viewport: PHONE, mobile: true });
    await run('phoneDrainage', phoneDrainage, { viewport: PHONE, mobile: true }, true);
    await run('keyboard', keyboardStreetChildren, { viewport: DESKTOP });
    await run('twoD', twoDStreetChildren, { viewport: PHONE, mobile: true });
  } finally {
    await browser.close();
    await srv.close();
    await srv.cleanup();
  }
  console.log('\n== The first minute: link → ticket (taps, keys typed, Tab/Enter presses, seconds of machine time) ==');
  console.table(rows);
  for (const [name, r] of Object.entries(rows)) {
    record(`firstMinute.${name}.taps`, r.taps);
    record(`firstMinute.${name}.keystrokes`, r.keystrokes);
    record(`firstMinute.${name}.seconds`, r.seconds);
    if (r.keys > 0) record(`firstMinute.${name}.keys`, r.keys);
  }
}
