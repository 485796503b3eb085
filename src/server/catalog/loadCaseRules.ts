import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { followupRulesSchema, holidaysSchema, type FollowupRules, type ReplyTemplate } from '../../shared/caseLoop';
import { parseSceneFile, SceneError, type Catalog } from '../../shared/catalog';

/** The case loop's scene data: time-limit holidays, "is it fixed?" delays and reply templates. */
export interface CaseRules {
  /** WITA dates (YYYY-MM-DD) that are not working days besides weekends. */
  holidays: ReadonlySet<string>;
  fixedQuestionDays(serviceCode: string): number;
  templates(serviceCode: string): ReplyTemplate[];
}

async function readJson(path: string): Promise<{ label: string; data: unknown }> {
  const label = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SceneError(label, '', 'file not found');
  }
  try {
    return { label, data: JSON.parse(text) };
  } catch (error) {
    throw new SceneError(label, '', `not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads scenes/followup.json and scenes/holidays.json; a wrong field or unknown service names the file and field. */
export async function loadCaseRules(scenesDir: string, catalog: Catalog): Promise<CaseRules> {
  const followup = await readJson(join(scenesDir, 'followup.json'));
  const rules: FollowupRules = parseSceneFile(followupRulesSchema, followup.label, followup.data);
  for (const [section, map] of [
    ['fixed_question_days', rules.fixed_question_days.services],
    ['reply_templates', rules.reply_templates.services],
  ] as const) {
    for (const code of Object.keys(map)) {
      if (!catalog.services.has(code)) throw new SceneError(followup.label, `${section}.services.${code}`, `unknown service code "${code}"`);
    }
  }
  for (const [code, list] of Object.entries(rules.reply_templates.services)) {
    const ids = [...rules.reply_templates.default, ...list].map((t) => t.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw new SceneError(followup.label, `reply_templates.services.${code}`, `template id "${twice}" is used twice`);
  }

  const holidaysFile = await readJson(join(scenesDir, 'holidays.json'));
  const calendar = parseSceneFile(holidaysSchema, holidaysFile.label, holidaysFile.data);
  const holidays = new Set<string>();
  for (const [year, entry] of Object.entries(calendar.years)) {
    entry.holidays.forEach((h, i) => {
      if (!h.date.startsWith(`${year}-`)) throw new SceneError(holidaysFile.label, `years.${year}.holidays[${i}].date`, `${h.date} is not in ${year}`);
      if (Number.isNaN(Date.parse(`${h.date}T00:00:00Z`))) throw new SceneError(holidaysFile.label, `years.${year}.holidays[${i}].date`, `${h.date} is not a date`);
      holidays.add(h.date);
    });
  }

  return {
    holidays,
    fixedQuestionDays: (code) => rules.fixed_question_days.services[code] ?? rules.fixed_question_days.default,
    templates: (code) => [...(rules.reply_templates.services[code] ?? []), ...rules.reply_templates.default],
  };
}
