/** The reader's input values, "x=-2, y=5": parsed strictly, with a message naming the bad pair. */
export function parseInputValues(text: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([\p{L}_][\p{L}\p{N}_]*)\s*=\s*(\S+)$/u.exec(pair);
    if (!match) throw new Error(`"${pair}" is not name=value`);
    const value = Number(match[2]!.replaceAll('−', '-'));
    if (!Number.isFinite(value)) throw new Error(`"${match[2]}" in "${pair}" is not a finite number`);
    values[match[1]!] = value;
  }
  return values;
}

/** Every input of the graph gets a value: the given one, else 1 (and the names are reported). */
export function valuesFor(inputs: readonly string[], given: Record<string, number>): { values: Record<string, number>; missing: string[] } {
  const missing = inputs.filter((name) => !(name in given));
  return { values: Object.fromEntries(inputs.map((name) => [name, given[name] ?? 1])), missing };
}
