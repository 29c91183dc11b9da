/**
 * The renderer's view of quyu's one word table (`src/text`): short names for the builders, and the names
 * `quyu/maplibre` exported before the table moved to the core (kept as aliases).
 */
import { isWeakStatus } from '../../layouts/status.ts';
import { itemName, type Lang, STATUS_WORDS, UI_WORDS, type UiWord, uiWord } from '../../text/index.ts';

export { itemName };

/** UI text by key and language (alias of `UI_WORDS` of `src/text`). */
export const TEXT = UI_WORDS;

/** One UI string. */
export const t: (key: UiWord, lang: Lang) => string = uiWord;

/** The four statuses in words (alias of `STATUS_WORDS`). */
export const STATUS_TEXT = STATUS_WORDS;

/** Whether a status is drawn as weak (dashed, lighter): `isWeakStatus`. */
export const isWeak = isWeakStatus;

/**
 * A short form of a source title for a legend footer: the part before the first explanation
 * (`粤府〔2023〕92号 (dated …): …` → `粤府〔2023〕92号`), at most `max` characters.
 */
export function shortTitle(title: string, max = 36): string {
  const cut = title.search(/ \(| — |: |；|; /);
  const head = (cut > 0 ? title.slice(0, cut) : title).trim();
  return head.length > max ? `${head.slice(0, max - 1)}…` : head;
}
