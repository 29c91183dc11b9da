import { describe, expect, it } from 'vitest';
import { citeSource } from '../../src/layouts/cite.ts';
import { GD_SYMPOSIUM_2024, MY_GUIDELINE } from '../../src/layouts/sources.ts';

describe('citeSource(source)', () => {
  it('reads publisher, date: title', () => {
    expect(citeSource(GD_SYMPOSIUM_2024)).toBe(
      '南方日报, 2024-05-17: 全省深入推动区域协调发展座谈会在韶关召开',
    );
  });
  it('leaves out what a source lacks (an undated document)', () => {
    expect(citeSource(MY_GUIDELINE)).toMatch(/^出处不详.*: 关于构建区域发展新格局的指导意见$/);
    expect(citeSource({ title: 'T' })).toBe('T');
  });
});
