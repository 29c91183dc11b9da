/**
 * A plain-text description of a layout, in Chinese or English, for screen readers and for the text beside
 * an embedded map (e.g. "广州都市圈：广州市、佛山市、肇庆市（部分）、清远市（部分）…").
 */
import { lookupCode } from '../codes/index.ts';
import type { Layout, LayoutItem, LinkKind, Member } from '../layouts/schema.ts';
import {
  inParens,
  itemName,
  type Lang,
  LINK_KIND_WORDS,
  labelled,
  listOf,
  statusNote,
  uiWord,
} from '../text/index.ts';

export type { Lang };

function memberName(m: Member, lang: Lang): string {
  const info = lookupCode(m.code);
  const base = lang === 'en' ? (info?.nameEn ?? m.code) : (m.name ?? info?.name ?? m.code);
  const part = m.coverage ? inParens(uiWord('part', lang), lang) : '';
  return base + part + (m.status ? statusNote(m.status, lang) : '');
}

/**
 * Names of link kinds, by language (the link-kind words of quyu's one word table, `LINK_KIND_WORDS`, in
 * lower case for running text).
 */
export const LINK_KIND_NAMES: Record<Lang, Record<LinkKind, string>> = {
  zh: Object.fromEntries(Object.entries(LINK_KIND_WORDS).map(([k, w]) => [k, w.zh])) as Record<
    LinkKind,
    string
  >,
  en: Object.fromEntries(Object.entries(LINK_KIND_WORDS).map(([k, w]) => [k, w.en.toLowerCase()])) as Record<
    LinkKind,
    string
  >,
};

/**
 * One sentence for one item, or null for items that have nothing to list.
 *
 * @example
 * ```ts
 * describeItem(guangdong.items[0], 'en'); // 'Guangdong–Hong Kong–Macao Greater Bay Area (GBA): includes Guangzhou, …'
 * ```
 */
export function describeItem(item: LayoutItem, lang: Lang = 'zh'): string | null {
  const name = itemName(item, lang);
  const status = statusNote(item.status, lang);
  const colon = labelled('', lang);
  const end = lang === 'zh' ? '。' : '.';
  switch (item.type) {
    case 'metro-circle':
    case 'economic-zone':
    case 'eco-zone':
    case 'city-role': {
      const members = item.members.map((m) => memberName(m, lang));
      if (members.length === 0) {
        const scope = 'scope' in item ? item.scope : 'description' in item ? item.description : undefined;
        return scope ? `${name}${status}${colon}${scope}${end}` : null;
      }
      const verb = item.type === 'city-role' ? '' : `${uiWord('includes', lang)}${lang === 'en' ? ' ' : ''}`;
      return `${name}${status}${colon}${verb}${listOf(members, lang, true)}${end}`;
    }
    case 'hub-layout': {
      const poles = item.poles.map((p) => memberName({ ...p, code: p.code } as Member, lang));
      const centre = item.centre.members.map((m) => memberName(m, lang));
      const sp = lang === 'en' ? ' ' : '';
      const semi = lang === 'zh' ? '；' : '; ';
      return `${name}${status}${colon}${uiWord('centreIs', lang)}${sp}${listOf(centre, lang, true)}${semi}${uiWord('polesAre', lang)}${sp}${listOf(poles, lang, true)}${end}`;
    }
    case 'link': {
      const from = memberName({ code: item.from } as Member, lang);
      const to = memberName({ code: item.to } as Member, lang);
      return `${from} → ${to}${status}${inParens(LINK_KIND_NAMES[lang][item.kind] ?? item.kind, lang)}${end}`;
    }
    case 'corridor': {
      const nodes = item.nodes.map((n) =>
        n.code ? memberName({ code: n.code } as Member, lang) : (n.name ?? ''),
      );
      const named = nodes.filter(Boolean);
      return `${name}${status}${colon}${named.length ? named.join(' — ') : uiWord('noMembers', lang)}${end}`;
    }
    case 'hub': {
      const unit = item.location.unit ? memberName({ code: item.location.unit } as Member, lang) : '';
      const unverified = item.location.point ? '' : uiWord('notVerified', lang);
      const where = [unit, lang === 'en' ? unverified.toLowerCase() : unverified]
        .filter(Boolean)
        .join(lang === 'zh' ? '，' : ', ');
      return `${name}${status}${where ? inParens(where, lang) : ''}${end}`;
    }
    default:
      return null;
  }
}

/**
 * A text description of a layout: its title, then one sentence per item (or per item of the given types),
 * with inferred and uncertain facts marked in words.
 *
 * @example
 * ```ts
 * import { guangdong } from 'quyu/layouts/guangdong';
 * describeLayout(guangdong, 'zh', { types: ['metro-circle'] });
 * // '广东区域协调发展布局。广州都市圈：包括广州市、佛山市、肇庆市…'
 * ```
 */
export function describeLayout(
  layout: Layout,
  lang: Lang = 'zh',
  options: { types?: LayoutItem['type'][]; ids?: string[] } = {},
): string {
  const title = itemName({ name: layout.title, nameEn: layout.titleEn }, lang);
  const items = layout.items.filter(
    (i) => (!options.types || options.types.includes(i.type)) && (!options.ids || options.ids.includes(i.id)),
  );
  const sentences = items.map((i) => describeItem(i, lang)).filter((s): s is string => Boolean(s));
  return [`${title}${lang === 'zh' ? '。' : '.'}`, ...sentences].join(lang === 'zh' ? '' : ' ');
}
