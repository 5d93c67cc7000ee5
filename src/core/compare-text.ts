/**
 * The order of paths and codes in every list the engine returns: the same as
 * `a.localeCompare(b)`, through one shared collator (a call to localeCompare costs far
 * more, which made sorting tens of thousands of records take a second).
 */
const collator = new Intl.Collator();

export const compareText: (a: string, b: string) => number = collator.compare;

const numericCollator = new Intl.Collator(undefined, { numeric: true });

/** The order of record ids (`ADR-9` before `ADR-10`): the same as `a.localeCompare(b, undefined, { numeric: true })`. */
export const compareIds: (a: string, b: string) => number = numericCollator.compare;
