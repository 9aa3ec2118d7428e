// The province's feedback settings (issue 14 item 2), read from the environment once per app: where an item goes when
// nothing routes it, and the answer deadlines. Defaults follow the example of domain README §8 (Bắc Ninh QĐ 80/2025
// Điều 9): 05 working days within the unit's competence, 07 when several agencies are involved, an appointment of at
// most 10 working days.

/** The deadlines, in working days (§19.3: one working day is the standard day of the calendar, 8 hours). */
export interface FeedbackDeadlineDays {
  competence: number;
  interAgency: number;
  appointmentMax: number;
}

/** The feedback settings of one app (one province). */
export interface FeedbackConfig {
  /**
   * FEEDBACK_DEFAULT_UNIT: the code of the unit items go to when no procedure routes them — the province's TTHC-control
   * unit (since NĐ 92/2017 and NĐ 63/2010 Điều 35, the Văn phòng UBND tỉnh). Null: the province's root unit.
   */
  defaultUnitCode: string | null;
  /** Without FEEDBACK_DEFAULT_UNIT on a demo instance: the demo's provincial office, used while it exists and is open. */
  demoUnitCode: string | null;
  days: FeedbackDeadlineDays;
  /** Where the links in messages to senders lead. */
  publicBaseUrl: string;
}

function days(env: Readonly<NodeJS.ProcessEnv>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new Error(`${name} must be a whole number of working days between 1 and 60, got "${raw}"`);
  return n;
}

/**
 * The demo province's Văn phòng UBND tỉnh (identity demo/demo-org.ts), where its TTHC-control officer (kiemsoat.vp)
 * receives what no procedure routes: a demo instance (MOTCUA_SEED_DEMO) without FEEDBACK_DEFAULT_UNIT uses it while the
 * database has it, so the demo shows the reception step; otherwise the root unit takes them.
 */
export const DEMO_FEEDBACK_DEFAULT_UNIT = 'H56.01';

/** Reads FEEDBACK_DEFAULT_UNIT, FEEDBACK_ANSWER_DAYS, FEEDBACK_ANSWER_DAYS_INTER_AGENCY, FEEDBACK_APPOINTMENT_MAX_DAYS. */
export function loadFeedbackConfig(env: Readonly<NodeJS.ProcessEnv>, publicBaseUrl: string, demo = false): FeedbackConfig {
  const code = env.FEEDBACK_DEFAULT_UNIT?.trim();
  const config: FeedbackConfig = {
    defaultUnitCode: code ? code : null,
    demoUnitCode: !code && demo ? DEMO_FEEDBACK_DEFAULT_UNIT : null,
    days: {
      competence: days(env, 'FEEDBACK_ANSWER_DAYS', 5),
      interAgency: days(env, 'FEEDBACK_ANSWER_DAYS_INTER_AGENCY', 7),
      appointmentMax: days(env, 'FEEDBACK_APPOINTMENT_MAX_DAYS', 10),
    },
    publicBaseUrl,
  };
  const { competence, interAgency, appointmentMax } = config.days;
  if (!(competence <= interAgency && interAgency <= appointmentMax)) {
    throw new Error(
      `feedback deadlines must grow: FEEDBACK_ANSWER_DAYS (${competence}) ≤ FEEDBACK_ANSWER_DAYS_INTER_AGENCY (${interAgency}) ≤ FEEDBACK_APPOINTMENT_MAX_DAYS (${appointmentMax})`,
    );
  }
  return config;
}
