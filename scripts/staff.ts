/**
 * `npm run staff -- <command>`: manage staff accounts in the configured database
 * (DATA_DIR / DATABASE_URL, as the server reads them).
 *
 *   add --username andi.pu --name "Andi" --agency pu [--role officer|supervisor] [--password …] [--email andi@…]
 *       (a supervisor's --agency is optional: without it they oversee every agency; with --email
 *       they receive escalation mails for the cases they oversee)
 *   add --username camat.tamalanrea --name "Camat Tamalanrea" --role area --area 73.71.14
 *       (an area officer — camat or lurah — for a kecamatan or kelurahan Kemendagri code)
 *   disable --username andi.pu      enable --username andi.pu      list
 *
 * Without --password a random one is generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { addStaff, listStaff, setStaffDisabled } from '../src/server/auth/staffStore';
import { loadCatalog } from '../src/server/catalog/loadCatalog';
import { loadPlaces } from '../src/server/catalog/loadPlaces';
import { configFromEnv } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { ROLES, staffEmailSchema, usernameSchema, type Role } from '../src/shared/staff';

function fail(message: string): never {
  console.error(`staff: ${message}`);
  process.exit(2);
}

type Options = { username?: string; name?: string; agency?: string; area?: string; role?: string; password?: string; email?: string };

/** The account `add` would write, every argument checked first: a mistake is told before the database opens. */
async function accountToAdd(username: string, values: Options, scenesDir: string) {
  const role = values.role as Role;
  if (!ROLES.includes(role)) fail(`--role: officer, supervisor or area`);
  const catalog = await loadCatalog(scenesDir);
  if (role === 'area') {
    const places = await loadPlaces(scenesDir);
    if (!values.area || (!places.kecamatanCodes.has(values.area) && !places.byCode.has(values.area))) {
      fail('--area: a Makassar kecamatan (e.g. 73.71.14) or kelurahan (e.g. 73.71.14.1003) Kemendagri code');
    }
    if (values.agency !== undefined) fail('--agency: an area officer serves every agency in their area; leave it out');
  } else if (values.area) fail('--area: only with --role area');
  if ((role === 'officer' || values.agency !== undefined) && !catalog.agencies.some((a) => a.code === values.agency)) {
    fail(`--agency: one of ${catalog.agencies.map((a) => a.code).join(', ')}`);
  }
  const email = values.email === undefined ? null : staffEmailSchema.safeParse(values.email);
  if (email && !email.success) fail(`--email: ${email.error.issues[0].message}`);
  if (!values.name?.trim()) fail('--name: the name shown on the officer avatar');
  const password = values.password ?? randomBytes(12).toString('base64url');
  if (password.length < 10) fail('--password: at least 10 characters');
  return {
    username,
    display_name: values.name.trim(),
    role,
    agency_code: role === 'area' ? null : (values.agency ?? null),
    area_code: role === 'area' ? values.area! : null,
    password,
    email: email ? email.data : null,
  };
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { username: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string' }, area: { type: 'string' }, role: { type: 'string', default: 'officer' }, password: { type: 'string' }, email: { type: 'string' } },
  });
  if (!command || !['add', 'disable', 'enable', 'list'].includes(command)) fail('usage: add | disable | enable | list (see scripts/staff.ts)');
  const config = configFromEnv();
  let username = '';
  if (command !== 'list') {
    const parsed = usernameSchema.safeParse(values.username);
    if (!parsed.success) fail(`--username: ${parsed.error.issues[0].message}`);
    username = parsed.data;
  }
  const account = command === 'add' ? await accountToAdd(username, values, config.scenesDir) : undefined;
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, schema: config.databaseSchema });
  try {
    if (command === 'list') {
      for (const s of await listStaff(database.db)) {
        console.log(`${s.username}\t${s.role}\t${s.agency_code ?? s.area_code ?? '-'}\t${s.disabled ? 'disabled' : 'active'}${s.demo ? '\tdemo' : ''}\t${s.display_name}${s.email ? `\t${s.email}` : ''}`);
      }
      return;
    }
    if (!account) {
      const found = await setStaffDisabled(database.db, username, command === 'disable');
      if (!found) fail(`--username: no account "${username}"`);
      console.log(`${username}: ${command}d`);
      return;
    }
    try {
      await addStaff(database.db, account);
    } catch (error) {
      fail(`--username: "${account.username}" exists already (${(error as Error).message.slice(0, 80)})`);
    }
    console.log(`${account.username}: added as ${account.role}${account.agency_code ? ` of ${account.agency_code}` : account.role === 'area' ? ` for ${account.area_code}` : ''}${account.email ? ` <${account.email}>` : ''}`);
    if (!values.password) console.log(`password (shown once): ${account.password}`);
  } finally {
    await database.close();
  }
}

await main();
