/**
 * A plain-text description of a layout, in Chinese or English, for screen readers and for the text beside
 * an embedded map (e.g. "广州都市圈：广州市、佛山市、肇庆市（部分）、清远市（部分）…").
 */
import { lookupCode } from '../codes/index.ts';
import type { Layout, LayoutItem, LinkKind, Member } from '../layouts/schema.ts';
import { formatValue } from '../maplibre/builders/choropleth.ts';
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

/** What {@link describeChoropleth} describes: a choropleth's values by code and how they were classed. */
export interface ChoroplethDescription {
  /** Values by 6-digit code (`null`: no data). */
  values: Record<string, number | null>;
  /** The legend title, e.g. `GDP（亿元）`. */
  label?: string;
  /** Number of classes drawn. */
  classes: number;
  /** Codes drawn as "no data" (with no value in `values` or `null`). */
  noData?: readonly string[];
  /** Number format (default: the legend's). */
  format?: (value: number) => string;
}

const SCALE_NAMES = {
  zh: { ckmeans: '自然断点', quantile: '分位数', quantize: '等间距', threshold: '指定分界' },
  en: {
    ckmeans: 'natural breaks',
    quantile: 'quantiles',
    quantize: 'equal intervals',
    threshold: 'given breaks',
  },
} as const;

/**
 * The data of a choropleth in words: what is shown, for how many units, the range (lowest and highest unit
 * with their values), the three highest units, how the values are classed, and the units without data.
 *
 * @example
 * ```ts
 * describeChoropleth({ values: { '440300': 34606.4, '440100': 30355.73, '445300': 1262.85 }, label: 'GDP（亿元）', classes: 3 }, 'zh', 'ckmeans');
 * // 'GDP（亿元）：3 个单位有数据，从云浮市的 1,262.85 到深圳市的 34,606；最高的是深圳市、广州市、云浮市。按自然断点分为 3 级。'
 * ```
 */
export function describeChoropleth(
  d: ChoroplethDescription,
  lang: Lang = 'zh',
  scale: keyof (typeof SCALE_NAMES)['zh'] = 'ckmeans',
): string {
  const fmt = d.format ?? ((v: number) => formatValue(v, lang));
  const name = (code: string) => {
    const info = lookupCode(code);
    return lang === 'en' ? (info?.nameEn ?? code) : (info?.name ?? code);
  };
  const withValue = Object.entries(d.values)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .sort((a, b) => b[1] - a[1]);
  const missing = [
    ...new Set([
      ...Object.entries(d.values)
        .filter(([, v]) => !(typeof v === 'number' && Number.isFinite(v)))
        .map(([c]) => c),
      ...(d.noData ?? []),
    ]),
  ];
  const label = d.label ? d.label : uiWord('choropleth', lang);
  const end = lang === 'zh' ? '。' : '.';
  const parts: string[] = [];
  if (!withValue.length) {
    parts.push(lang === 'zh' ? `${label}：没有数值${end}` : `${label}: no values${end}`);
  } else {
    const [topCode, topValue] = withValue[0]!;
    const [lowCode, lowValue] = withValue.at(-1)!;
    const top = withValue.slice(0, 3).map(([c]) => name(c));
    parts.push(
      lang === 'zh'
        ? `${label}：${withValue.length} 个单位有数据，从${name(lowCode)}的 ${fmt(lowValue)} 到${name(topCode)}的 ${fmt(topValue)}；最高的是${listOf(top, 'zh')}${end}`
        : `${label}: data for ${withValue.length} units, from ${name(lowCode)} (${fmt(lowValue)}) to ${name(topCode)} (${fmt(topValue)}); highest: ${listOf(top, 'en', true)}${end}`,
    );
    parts.push(
      lang === 'zh'
        ? `按${SCALE_NAMES.zh[scale]}分为 ${d.classes} 级${end}`
        : `Classed by ${SCALE_NAMES.en[scale]} into ${d.classes} classes${end}`,
    );
  }
  if (missing.length) {
    const shown = missing.slice(0, 5).map(name);
    const more = missing.length > 5 ? (lang === 'zh' ? ' 等' : ' and others') : '';
    parts.push(
      lang === 'zh'
        ? `${missing.length} 个单位无数据：${listOf(shown, 'zh')}${more}${end}`
        : `No data for ${missing.length} units: ${listOf(shown, 'en')}${more}${end}`,
    );
  }
  return parts.join(lang === 'zh' ? '' : ' ');
}
