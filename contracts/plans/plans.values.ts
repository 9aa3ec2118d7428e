// Value lists of the reform plan's contract (kế hoạch CCHC; issue 16, domain README §7.3 and §10), without zod: the web
// bundle imports them from here and the tables type their columns with them.

/** Whose plan it is: the province's, a department's, a commune's (each issues its yearly Kế hoạch CCHC). */
export const PLAN_LEVELS = ['province', 'department', 'commune'] as const;

/**
 * The reform areas a task belongs to: the six areas of the master programme 2021–2030 (Nghị quyết 76/NQ-CP,
 * 15/07/2021; domain README §10, list marked [U] there) plus its direction and oversight, which the PAR INDEX counts as
 * field 1 (§7.3). Kept as data: a plan's tasks are grouped and counted by these keys.
 */
export const PLAN_AREAS = ['direction', 'institutions', 'procedures', 'apparatus', 'civil-service', 'public-finance', 'digital-government'] as const;

/** The areas' Vietnamese names, as a plan written in Excel names them (matched exactly, case and spacing aside). */
export const PLAN_AREA_NAMES: Record<(typeof PLAN_AREAS)[number], string> = {
  direction: 'Công tác chỉ đạo, điều hành CCHC',
  institutions: 'Cải cách thể chế',
  procedures: 'Cải cách TTHC',
  apparatus: 'Cải cách tổ chức bộ máy',
  'civil-service': 'Cải cách chế độ công vụ',
  'public-finance': 'Cải cách tài chính công',
  'digital-government': 'Xây dựng chính quyền điện tử, chính quyền số',
};

/**
 * A task: OPEN (being carried out) → REPORTED (the lead unit reported it finished, with evidence) → DONE (the reform
 * office accepted it) or back to OPEN (sent back with the reason).
 */
export const PLAN_TASK_STATES = ['OPEN', 'REPORTED', 'DONE'] as const;

/** Kinds of a task's history entries. */
export const PLAN_TASK_EVENT_KINDS = ['created', 'progress', 'reported', 'accepted', 'sent-back', 'reminded', 'escalated'] as const;

/** Text limits (characters, after trimming). */
export const PLAN_LIMITS = {
  titleMin: 5,
  titleMax: 500,
  productMax: 500,
  noteMin: 2,
  noteMax: 2000,
  partnersMax: 30,
  evidenceMax: 10,
} as const;
