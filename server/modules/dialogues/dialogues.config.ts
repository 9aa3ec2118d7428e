// The province's dialogue settings, read from the environment once per app. No legal text found sets how long a
// commitment made at a dialogue may take or when it is reminded of (domain README §9 is marked [U]): both are product
// decisions the province configures.

/** The dialogue settings of one app (one province). */
export interface DialoguesConfig {
  /** DIALOGUE_COMMITMENT_DEFAULT_DAYS: working days a commitment gets when the answer gives neither days nor a date. */
  defaultDays: number;
  /** DIALOGUE_COMMITMENT_REMIND_DAYS: the owner unit is reminded when this many working days or fewer are left. */
  remindDays: number;
  /** Where the links in messages to askers lead. */
  publicBaseUrl: string;
}

function whole(env: Readonly<NodeJS.ProcessEnv>, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a whole number of working days between 1 and ${max}, got "${raw}"`);
  return n;
}

/** Reads DIALOGUE_COMMITMENT_DEFAULT_DAYS (default 30) and DIALOGUE_COMMITMENT_REMIND_DAYS (default 3). */
export function loadDialoguesConfig(env: Readonly<NodeJS.ProcessEnv>, publicBaseUrl: string): DialoguesConfig {
  return {
    defaultDays: whole(env, 'DIALOGUE_COMMITMENT_DEFAULT_DAYS', 30, 250),
    remindDays: whole(env, 'DIALOGUE_COMMITMENT_REMIND_DAYS', 3, 30),
    publicBaseUrl,
  };
}
