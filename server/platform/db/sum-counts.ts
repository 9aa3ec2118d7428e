/** The field-by-field sum of count rows (one per group, as a GROUP BY returns them) over the fields of `zero`. */
export function sumCounts<K extends string>(rows: ReadonlyArray<Record<NoInfer<K>, number>>, zero: Record<K, number>): Record<K, number> {
  const keys = Object.keys(zero) as K[];
  return rows.reduce((sum, row) => {
    const next = { ...sum };
    for (const key of keys) next[key] = sum[key] + row[key];
    return next;
  }, zero);
}
