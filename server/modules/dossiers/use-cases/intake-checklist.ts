// The desk checklist against the procedure's document groups (issue 9 item 7).
//
// Rules (§3.1 step 1: the officer checks the dossier against the published list and "must not ask for papers outside
// the published list"; step 2b: an incomplete dossier is guided to supplement, Mẫu 02, not received):
// - accept needs at least one document kept in the dossier. No reason overrides this: a dossier with nothing handed
//   in is incomplete, and the desk guides (Mẫu 02) or refuses (Mẫu 03) instead. Only a version whose catalog entry
//   lists no document to keep may be received with an empty list, and then the officer's note must say why;
// - a `one-of` group: exactly one of its documents is handed in (two alternatives are never both asked for);
// - a `conditional` group: its documents only when the officer marked its case as applying, and then at least one;
// - a `to-present` group: its documents are marked as shown (`presented`), never kept; nothing else is "presented";
// - a guide (Mẫu 02) may not list a document of a case that does not apply, nor two alternatives of one group.
// Items whose name is not in the catalog are kept as typed (the desk may record an extra paper the citizen brought).
import type { ChecklistItem, IntakeRequest } from '../../../../contracts/dossiers/dossiers.contracts';
import type { ProcedureVersionView } from '../../catalog';
import { invalid } from './common';

type Catalog = Pick<ProcedureVersionView, 'requiredDocuments' | 'documentGroups'>;
type Input = Pick<IntakeRequest, 'checklist' | 'conditions' | 'note'> & ({ decision: 'accept' | 'refuse' } | { decision: 'guide'; missingItems: string[] });

/** Checks the checklist against the catalog's groups; returns the items to store, each with its case. */
export function checkIntakeChecklist(version: Catalog, input: Input): ChecklistItem[] {
  const groups = new Map(version.documentGroups.map((g) => [g.key, g]));
  const groupOfName = new Map(version.requiredDocuments.filter((d) => d.group !== null).map((d) => [d.name.trim(), groups.get(d.group!) ?? null]));
  const conditions = input.conditions ?? [];
  conditions.forEach((key, i) => {
    if (groups.get(key)?.kind !== 'conditional') throw invalid(`body.conditions.${i}`, 'dossiers.errors.conditionUnknown');
  });
  const applied = new Set(conditions);

  if (input.decision === 'guide') {
    const perGroup = new Map<string, number>();
    input.missingItems.forEach((item, i) => {
      const g = groupOfName.get(item.trim());
      if (g?.kind === 'conditional' && !applied.has(g.key)) throw invalid(`body.missingItems.${i}`, 'dossiers.errors.missingNotApplicable', { condition: g.condition });
      if (g?.kind === 'one-of') {
        perGroup.set(g.key, (perGroup.get(g.key) ?? 0) + 1);
        if (perGroup.get(g.key)! > 1) throw invalid(`body.missingItems.${i}`, 'dossiers.errors.missingAlternativesSeveral');
      }
    });
  }

  const items = input.checklist.map((item, i): ChecklistItem => {
    const g = groupOfName.get(item.name.trim()) ?? null;
    const presented = item.presented === true;
    if (presented && g?.kind !== 'to-present') throw invalid(`body.checklist.${i}.presented`, 'dossiers.errors.notToPresent');
    if (!presented && g?.kind === 'to-present') throw invalid(`body.checklist.${i}.presented`, 'dossiers.errors.presentedNotKept');
    if (g?.kind === 'conditional' && !applied.has(g.key)) throw invalid(`body.checklist.${i}`, 'dossiers.errors.documentNotApplicable', { condition: g.condition });
    return {
      name: item.name,
      originals: item.originals,
      ...(item.certifiedCopies !== undefined ? { certifiedCopies: item.certifiedCopies } : {}),
      copies: item.copies,
      presented,
      condition: g?.kind === 'conditional' ? g.condition : null,
    };
  });
  if (input.decision !== 'accept') return items;

  const kept = items.filter((x) => !x.presented);
  if (kept.length === 0) {
    const listsDocuments = version.requiredDocuments.some((d) => d.group === null || groups.get(d.group)?.kind !== 'to-present');
    if (listsDocuments) throw invalid('body.checklist', 'dossiers.errors.checklistEmpty');
    if (!input.note) throw invalid('body.note', 'dossiers.errors.checklistEmptyNoteRequired');
  }
  const received = (key: string) => kept.filter((x) => groupOfName.get(x.name.trim())?.key === key).length;
  for (const g of version.documentGroups) {
    if (g.kind === 'one-of') {
      const n = received(g.key);
      if (n > 1) throw invalid('body.checklist', 'dossiers.errors.alternativesSeveral');
      if (n === 0) throw invalid('body.checklist', 'dossiers.errors.alternativeRequired', { names: alternativesOf(version, g.key) });
    }
    if (g.kind === 'conditional' && applied.has(g.key) && received(g.key) === 0) {
      throw invalid('body.checklist', 'dossiers.errors.conditionDocumentsMissing', { condition: g.condition });
    }
  }
  return items;
}

function alternativesOf(version: Catalog, key: string): string {
  return version.requiredDocuments
    .filter((d) => d.group === key)
    .map((d) => d.name.slice(0, 80))
    .join(' / ');
}

/**
 * The checklist of an applicant who brings exactly what every applicant must (demo data): the documents without a
 * group, the alternative meant for the channel (the e-form online, the paper form otherwise), the papers to present
 * marked as shown; no conditional case — unless the catalog lists nothing else, then its first case with its documents.
 */
export function plainChecklist(version: Catalog, channel: 'direct' | 'online' | 'post'): { checklist: ChecklistItem[]; conditions: string[] } {
  const groups = new Map(version.documentGroups.map((g) => [g.key, g]));
  const chosen = new Set<string>();
  const checklist: ChecklistItem[] = [];
  const itemOf = (d: Catalog['requiredDocuments'][number], extra: Partial<ChecklistItem> = {}): ChecklistItem => ({
    name: d.name,
    originals: d.originals ?? 1,
    copies: d.copies ?? 0,
    presented: false,
    condition: null,
    ...extra,
  });
  for (const d of version.requiredDocuments) {
    const g = d.group ? groups.get(d.group) : undefined;
    if (!g) checklist.push(itemOf(d));
    else if (g.kind === 'to-present') checklist.push(itemOf(d, { presented: true }));
    else if (g.kind === 'one-of' && !chosen.has(g.key)) {
      const alternatives = version.requiredDocuments.filter((x) => x.group === g.key);
      const online = alternatives.find((x) => /trực tuyến|điện tử/i.test(x.name));
      const pick = channel === 'online' ? (online ?? alternatives[0]!) : (alternatives.find((x) => x !== online) ?? alternatives[0]!);
      chosen.add(g.key);
      checklist.push(itemOf(pick));
    }
  }
  const first = version.documentGroups.find((g) => g.kind === 'conditional');
  if (checklist.some((x) => !x.presented) || !first) return { checklist, conditions: [] };
  const caseDocs = version.requiredDocuments.filter((d) => d.group === first.key).map((d) => itemOf(d, { condition: first.condition }));
  return { checklist: [...checklist, ...caseDocs], conditions: [first.key] };
}
