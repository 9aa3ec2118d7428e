// Slip references as the forms print them (D14), shared by the use cases that issue them and the detail presenter.
import { selectTemplateSet, slipSymbol } from './slips.templates';
import type { SlipFormKind, SlipInstant } from './slips.types';

/** "PBS-TTPVHCC": the symbol of `form` issued under `abbreviation`, in the form set in force at `at` (§4.2). */
export function formSymbol(form: SlipFormKind, abbreviation: string, at: SlipInstant): string {
  return slipSymbol(selectTemplateSet(at).forms[form], abbreviation);
}

/** "03/PKS-TTPVHCC": the number with at least two digits, as the forms write it (twin of REFERENCE_SQL in the repository). */
export const referenceOf = (n: number, symbol: string): string => `${String(n).padStart(2, '0')}/${symbol}`;
