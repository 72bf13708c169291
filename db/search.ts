// Case-insensitive text search that does not depend on the database's locale. PostgreSQL's lower()
// and ILIKE fold only ASCII when LC_CTYPE (or the column's collation) is C, which a real server may
// well be, so "анна" would miss "Анна". Instead the fold is an explicit character map taken from
// the JavaScript runtime's Unicode tables and applied in SQL with translate(), which behaves the same
// under every locale, on PGlite and on PostgreSQL alike.
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/** Extra folds users expect: Russian writers often type "е" for "ё". */
const EXTRA: ReadonlyArray<readonly [string, string]> = [
  ["ё", "е"],
  ["Ё", "е"],
  ["İ", "i"],
];

function buildFoldMap(): { from: string; to: string; map: Map<string, string> } {
  const map = new Map<string, string>(EXTRA);
  // Every cased letter Unicode has lies in the first two planes.
  for (let code = 0; code <= 0x1ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    const lower = char.toLowerCase();
    // Multi-character lowercase forms cannot be expressed by translate(); they are vanishingly rare.
    if (lower !== char && [...lower].length === 1 && !map.has(char)) map.set(char, map.get(lower) ?? lower);
  }
  return { from: [...map.keys()].join(""), to: [...map.values()].join(""), map };
}

let fold: ReturnType<typeof buildFoldMap> | undefined;
const foldTable = () => {
  fold ??= buildFoldMap();
  return fold;
};

/** The text as the search compares it: NFC, case folded in any script, "ё" read as "е". */
export function foldForSearch(text: string): string {
  const { map } = foldTable();
  let out = "";
  for (const char of text.normalize("NFC")) out += map.get(char) ?? char;
  return out;
}

/** The same fold applied in SQL to a column or expression. */
export function foldSql(expression: SQLWrapper): SQL {
  const { from, to } = foldTable();
  return sql`translate(${expression}, ${from}, ${to})`;
}

/** `\`, `%` and `_` taken literally in a LIKE pattern (PostgreSQL's default escape is `\`). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** At most this many words of a query are used; the rest only narrows what is already narrow. */
const MAX_TERMS = 8;

/** The words of a search query, folded; empty when the query has none. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query).split(/\s+/u).filter(Boolean).slice(0, MAX_TERMS);
}

/**
 * Matches rows whose `expression` contains every word of `query` (in any order, any case, any
 * script); undefined when the query has no words, so callers can pass it straight to `and()`.
 */
export function matchesAllWords(expression: SQLWrapper, query: string): SQL | undefined {
  const terms = searchTerms(query);
  if (terms.length === 0) return undefined;
  const patterns = terms.map((term) => sql`${`%${escapeLike(term)}%`}`);
  return sql`${foldSql(expression)} like all (array[${sql.join(patterns, sql`, `)}]::text[])`;
}
