/**
 * A plain-text description of a layout, in Chinese or English, for screen readers and for the text beside
 * an embedded map (e.g. "广州都市圈：广州市、佛山市、肇庆市（部分）、清远市（部分）…").
 */
import { lookupCode } from '../codes/index.ts';
import type { Layout, LayoutItem, Member } from '../layouts/schema.ts';

/** Languages of the generated text. */
export type Lang = 'zh' | 'en';

const STATUS_NOTE: Record<Lang, Record<string, string>> = {
  zh: { inferred: '（推断）', uncertain: '（未核实）', verified: '', 'from-source-text': '' },
  en: { inferred: ' (inferred)', uncertain: ' (not verified)', verified: '', 'from-source-text': '' },
};

function memberName(m: Member, lang: Lang): string {
  const info = lookupCode(m.code);
  const base = lang === 'en' ? (info?.nameEn ?? m.code) : (m.name ?? info?.name ?? m.code);
  const part = m.coverage ? (lang === 'en' ? ' (part)' : '（部分）') : '';
  return base + part + (m.status ? STATUS_NOTE[lang][m.status] : '');
}

function list(names: string[], lang: Lang): string {
  if (lang === 'zh') return names.join('、');
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Names of link kinds. */
export const LINK_KIND_NAMES: Record<Lang, Record<string, string>> = {
  zh: {
    'counterpart-aid': '对口帮扶',
    'industry-transfer': '产业转移',
    enclave: '飞地',
    'two-way-enclave': '双向飞地',
    integration: '一体化',
    partnership: '联动合作',
  },
  en: {
    'counterpart-aid': 'counterpart aid',
    'industry-transfer': 'industry transfer',
    enclave: 'enclave',
    'two-way-enclave': 'two-way enclave',
    integration: 'integration',
    partnership: 'partnership',
  },
};

const paren = (text: string, lang: Lang) => (lang === 'zh' ? `（${text}）` : ` (${text})`);

/**
 * One sentence for one item, or null for items that have nothing to list.
 *
 * @example
 * ```ts
 * describeItem(guangdong.items[0], 'en'); // 'Guangdong–Hong Kong–Macao Greater Bay Area (GBA): includes Guangzhou, …'
 * ```
 */
export function describeItem(item: LayoutItem, lang: Lang = 'zh'): string | null {
  const name = lang === 'en' ? (item.nameEn ?? item.name) : item.name;
  const status = STATUS_NOTE[lang][item.status] ?? '';
  const colon = lang === 'zh' ? '：' : ': ';
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
      const verb =
        lang === 'zh'
          ? item.type === 'city-role'
            ? ''
            : '包括'
          : item.type === 'city-role'
            ? ''
            : 'includes ';
      return `${name}${status}${colon}${verb}${list(members, lang)}${end}`;
    }
    case 'hub-layout': {
      const poles = item.poles.map((p) => memberName({ ...p, code: p.code } as Member, lang));
      const centre = item.centre.members.map((m) => memberName(m, lang));
      return lang === 'zh'
        ? `${name}${status}${colon}中心为${list(centre, lang)}；极点为${list(poles, lang)}${end}`
        : `${name}${status}${colon}centre ${list(centre, lang)}; poles ${list(poles, lang)}${end}`;
    }
    case 'link': {
      const from = memberName({ code: item.from } as Member, lang);
      const to = memberName({ code: item.to } as Member, lang);
      return `${from} → ${to}${status}${paren(LINK_KIND_NAMES[lang][item.kind] ?? item.kind, lang)}${end}`;
    }
    case 'corridor': {
      const nodes = item.nodes.map((n) =>
        n.code ? memberName({ code: n.code } as Member, lang) : (n.name ?? ''),
      );
      return `${name}${status}${colon}${nodes.filter(Boolean).join(' — ')}${end}`;
    }
    case 'hub': {
      const unit = item.location.unit ? memberName({ code: item.location.unit } as Member, lang) : '';
      const unverified = item.location.point ? '' : lang === 'zh' ? '位置未核实' : 'location not verified';
      const where = [unit, unverified].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
      return `${name}${status}${where ? paren(where, lang) : ''}${end}`;
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
  const title = lang === 'en' ? (layout.titleEn ?? layout.title) : layout.title;
  const items = layout.items.filter(
    (i) => (!options.types || options.types.includes(i.type)) && (!options.ids || options.ids.includes(i.id)),
  );
  const sentences = items.map((i) => describeItem(i, lang)).filter((s): s is string => Boolean(s));
  return [`${title}${lang === 'zh' ? '。' : '.'}`, ...sentences].join(lang === 'zh' ? '' : ' ');
}
