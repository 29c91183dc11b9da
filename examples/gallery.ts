/**
 * The gallery's list of examples: one entry per page, with its slug (the page is `examples/<slug>.html` and
 * its preview `previews/<slug>.png`, made by `npm run previews`), title and description. The render tests
 * load the same pages.
 */
import { BUILTIN_LAYOUT_IDS, BUILTIN_LAYOUT_INFO } from 'quyu/layouts/builtins';

export interface Example {
  slug: string;
  group: 'layout' | 'layer' | 'tool' | 'base';
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  /** Query string the preview is taken with. */
  query?: string;
}

/** One page per built-in layout (`examples/<id>.html`), in the order and with the text of `data/layouts/`. */
const LAYOUT_PAGES: Example[] = BUILTIN_LAYOUT_IDS.map((id) => {
  const info = BUILTIN_LAYOUT_INFO[id];
  return {
    slug: id,
    group: 'layout',
    title: info.gallery?.title ?? { zh: info.title, en: info.titleEn ?? info.title },
    description: info.gallery?.description ?? { zh: info.title, en: info.titleEn ?? info.title },
  };
});

export const EXAMPLES: Example[] = [
  ...LAYOUT_PAGES,
  {
    slug: 'metro-circles',
    group: 'layer',
    title: { zh: '广东五大都市圈', en: "Guangdong's five metropolitan circles" },
    description: {
      zh: '都市圈图层：成员合并面、核心城市、部分纳入（斜线）。',
      en: 'Metropolitan circles: merged members, core cities, partial members hatched.',
    },
  },
  {
    slug: 'hub-layout',
    group: 'layer',
    title: { zh: '“一中心三极点”枢纽布局', en: 'One centre, three poles' },
    description: {
      zh: '大湾区中心与汕头、湛江、韶关三极点，按类型与等级绘制枢纽。',
      en: 'The Greater Bay Area centre and the poles 汕头, 湛江, 韶关, hubs by kind and tier.',
    },
  },
  {
    slug: 'links',
    group: 'layer',
    title: { zh: '对口帮扶协作', en: 'Counterpart aid' },
    description: {
      zh: '珠三角与粤东粤西粤北的帮扶关系：带方向的弧线。',
      en: 'Counterpart-aid pairs as curved arrows.',
    },
  },
  {
    slug: 'eco-zones',
    group: 'layer',
    title: { zh: '一核一带一区', en: 'One core, one belt, one zone' },
    description: {
      zh: '珠三角核心区、沿海经济带与北部生态发展区（图案填充）。',
      en: 'The PRD core, the coastal belt and the northern ecological area (pattern fill).',
    },
  },
  {
    slug: 'corridors',
    group: 'layer',
    title: { zh: '科技创新走廊', en: 'Science and technology corridors' },
    description: { zh: '走廊图层：按顺序连接的节点。', en: 'Corridors: ordered nodes.' },
  },
  {
    slug: 'economic-zones',
    group: 'layer',
    title: { zh: '四川“五区共兴”', en: "Sichuan's five regions" },
    description: { zh: '经济区图层。', en: 'Economic zones.' },
  },
  {
    slug: 'city-roles',
    group: 'layer',
    title: { zh: '四川城市定位', en: 'City roles in Sichuan' },
    description: {
      zh: '省域经济副中心、区域中心城市：同心圆标记。',
      en: 'Sub-centres and regional central cities as concentric markers.',
    },
  },
  {
    slug: 'choropleth',
    group: 'layer',
    title: { zh: '分级设色：广东各市面积', en: 'Choropleth: land area' },
    description: {
      zh: 'd3-scale 分级（分位数、等距、阈值）与对应图例。',
      en: 'd3-scale classes (quantile, quantize, threshold) with a matching legend.',
    },
  },
  {
    slug: 'relations',
    group: 'tool',
    title: { zh: '枢纽可达范围', en: 'Reach of a hub' },
    description: {
      zh: '点击机场或港口：可达圈与圈内地级单位。',
      en: 'Click an airport or port: its reach ring and the units within it.',
    },
    query: 'hub=hub-guangzhou-baiyun-international-airport&km=100',
  },
  {
    slug: 'byod',
    group: 'tool',
    title: { zh: '使用自己的数据', en: 'Bring your own data' },
    description: {
      zh: '粘贴布局 JSON，校验并绘制；错误信息中英双语。',
      en: 'Paste a layout as JSON: checked, drawn, errors in Chinese and English.',
    },
  },
  {
    slug: 'studio',
    group: 'tool',
    title: { zh: '地图工作室', en: 'Map studio' },
    description: {
      zh: '从表格到发布的分级设色地图，无需写代码：粘贴、匹配地名、分级配色、发布。',
      en: 'From a table to a published choropleth without code: paste, match, class, publish.',
    },
  },
  {
    slug: 'snippet',
    group: 'tool',
    title: { zh: '嵌入代码生成器', en: 'Embed snippet generator' },
    description: {
      zh: '为文章生成可嵌入的交互地图代码。',
      en: 'Make the code to embed an interactive map in an article.',
    },
  },
  {
    slug: 'atlas',
    group: 'base',
    title: { zh: '中国省级与地级行政区划', en: 'Provinces and prefecture-level units' },
    description: {
      zh: '离线底图：打包的 WGS-84 地图数据。',
      en: 'The offline base map from the bundled WGS-84 atlas.',
    },
  },
  {
    slug: 'base-style',
    group: 'base',
    title: { zh: '底图主题', en: 'Base map themes' },
    description: { zh: '浅色、深色与印刷主题。', en: 'Light, dark and print themes.' },
    query: 'theme=dark',
  },
];
