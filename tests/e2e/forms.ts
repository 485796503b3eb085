import type { Page } from 'playwright-core';

export const DRAINAGE_FORM = 'form[data-service="pu-drainase"]';

/** Fills the required fields of the public-works drainage complaint (pu-drainase) with the mouse. */
export async function fillDrainageComplaint(page: Page, description: string): Promise<void> {
  const form = page.locator(DRAINAGE_FORM);
  await form.waitFor();
  await form.locator('textarea').first().fill(description);
  await form.locator('input[type="radio"][value="parah"]').check();
  await form.locator('input[type="checkbox"][value="tersumbat_sampah"]').check();
  await form.locator('input[autocomplete="street-address"]').fill('Jl. Veteran Selatan, depan masjid');
}

/** The ticket number once the report was stored. */
export async function readTicket(page: Page, timeout = 30_000): Promise<string> {
  const ticket = page.locator('[data-testid="ticket-number"]');
  await ticket.waitFor({ timeout });
  return (await ticket.innerText()).trim();
}
