/**
 * How a source reads in a caption, a legend or a list of sources.
 */
import type { Source } from './schema.ts';

/**
 * A source as a reader sees it: publisher, date and title, e.g.
 * `南方日报, 2024-05-17: 全省深入推动区域协调发展座谈会在韶关召开`. Parts that a source lacks are left out.
 *
 * @example
 * ```ts
 * import { citeSource } from 'quyu';
 * citeSource({ title: '粤港澳大湾区发展规划纲要', publisher: '中共中央、国务院', date: '2019-02-18' });
 * // '中共中央、国务院, 2019-02-18: 粤港澳大湾区发展规划纲要'
 * ```
 */
export function citeSource(source: Pick<Source, 'title' | 'publisher' | 'date'>): string {
  const who = [source.publisher, source.date].filter(Boolean).join(', ');
  return who ? `${who}: ${source.title}` : source.title;
}
