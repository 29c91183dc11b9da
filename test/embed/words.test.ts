/**
 * One word table: the legend, the tooltip, the text description and the exports print the same word for
 * the same kind or status (they once said 合作联动 and 联动合作, 待核实 and 未核实).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, loadAtlas } from '../../src/atlas/index.ts';
import { describeItem } from '../../src/embed/describe.ts';
import { LinkKindSchema, type Status, type TransferLink } from '../../src/layouts/schema.ts';
import { linkLayers, mergeLegends, tooltipContent } from '../../src/maplibre/index.ts';
import { type Lang, LINK_KIND_WORDS, STATUS_WORDS } from '../../src/text/index.ts';

let atlas: Atlas;
beforeAll(async () => {
  atlas = await loadAtlas();
});

const source = { id: 't', title: 'test', publisher: 'test', url: 'https://example.org/', date: '2024-01-01' };
const link = (kind: TransferLink['kind'], status: Status = 'verified'): TransferLink => ({
  id: `l-${kind}`,
  type: 'link',
  name: kind,
  kind,
  from: '440100',
  to: '440300',
  status,
  source,
});

describe('one word table', () => {
  for (const lang of ['zh', 'en'] as Lang[]) {
    it(`legend and description name every link kind with the same word (${lang})`, () => {
      for (const kind of LinkKindSchema.options) {
        const legend = linkLayers([link(kind)], { atlas, lang }).legend.find((s) => s.key === 'links')!;
        const word = LINK_KIND_WORDS[kind][lang];
        expect(legend.entries.map((e) => e.label)).toEqual([word]);
        expect(describeItem(link(kind), lang)!.toLowerCase()).toContain(word.toLowerCase());
      }
    });

    it(`legend, tooltip and description name the weak statuses with the same words (${lang})`, () => {
      const set = linkLayers([link('partnership', 'uncertain')], { atlas, lang });
      const status = mergeLegends([set.legend]).find((s) => s.key === 'status')!;
      const weak = status.entries.map((e) => e.label.toLowerCase()).join(' ');
      for (const s of ['inferred', 'uncertain'] as const) {
        expect(weak).toContain(STATUS_WORDS[s][lang].toLowerCase());
        const item = link('partnership', s);
        expect(describeItem(item, lang)).toContain(STATUS_WORDS[s][lang]);
        const tip = tooltipContent(item, { status: s }, lang);
        expect(tip.lines.map((l) => l.text).join(' ')).toContain(STATUS_WORDS[s][lang]);
      }
    });
  }
});
