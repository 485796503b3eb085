import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type nodemailer from 'nodemailer';
import type { Catalog } from '../../shared/catalog';
import { toCityIso } from '../../shared/datetime';
import type { Database, MailOutboxTable } from '../db/schema';
import { escapeHtml } from './render';

/**
 * A mail to a staff member: today the escalation of an overdue case to a supervisor. It names
 * the case (number, service, agency, due date) and points to the console; it carries no
 * personal data and no private link. Null when the account is gone, disabled or has no address.
 */
export async function composeStaffMail(
  db: Kysely<Database>,
  catalog: Catalog,
  row: Selectable<MailOutboxTable>,
  from: string,
  base: string,
): Promise<nodemailer.SendMailOptions | null> {
  if (row.kind !== 'escalation' || !row.staff_id) return null;
  const staff = await db.selectFrom('staff').select(['email', 'disabled', 'display_name']).where('id', '=', row.staff_id).executeTakeFirst();
  if (!staff?.email || staff.disabled) return null;
  const c = await db
    .selectFrom('service_requests')
    .select(['service_request_id', 'service_code', 'agency_code', 'expected_at', 'status'])
    .where('service_request_id', '=', row.service_request_id)
    .executeTakeFirst();
  if (!c) return null;
  const service = catalog.services.get(c.service_code)?.service.name.id ?? c.service_code;
  const agency = catalog.agencies.find((a) => a.code === c.agency_code)?.short_name.id ?? c.agency_code;
  const due = c.expected_at ? `${toCityIso(new Date(c.expected_at)).slice(0, 16).replace('T', ' ')} WITA` : '-';
  const consoleUrl = `${base.replace(/\/$/, '')}/petugas`;
  const subject = `Terlambat: laporan ${c.service_request_id} (${agency}) melewati batas waktu`;
  const lines = [
    `Halo ${staff.display_name},`,
    '',
    `Laporan ${c.service_request_id} melewati batas waktunya dan diteruskan kepada Anda sebagai supervisor.`,
    `Layanan: ${service}`,
    `Dinas: ${agency}`,
    `Batas waktu: ${due}`,
    '',
    `Buka konsol petugas, tampilan "Terlambat": ${consoleUrl}`,
    '',
    `(English: report ${c.service_request_id} is past its time limit and was escalated to you.)`,
  ];
  const html = `<p>${lines.map((l) => escapeHtml(l)).join('<br>')}</p><p><a href="${escapeHtml(consoleUrl)}">${escapeHtml(consoleUrl)}</a></p>`;
  const host = new URL(base).hostname || 'makaverse.local';
  return {
    from,
    to: staff.email,
    subject,
    text: lines.join('\n'),
    html,
    messageId: `<${createHash('sha256').update(row.event_key).digest('hex').slice(0, 32)}@${host}>`,
    headers: { 'Content-Language': 'id' },
  };
}
