/**
 * The limits that bound what untrusted input can cost. Every limit is documented here and in the README
 * ("Limits"); exceeding one is a {@link QuyuError} naming the limit, never a crash or a long stall.
 */
import type { Bilingual, QuyuIssue } from './index.ts';

/** quyu's documented limits. */
export const LIMITS = {
  /** Problems listed in one error; the message counts the rest ("and N more / 另有 N 处"). */
  issues: 50,
  /** Characters of a value echoed in a message. */
  valueChars: 80,
  /** Characters of each problem or fix text in a message. */
  textChars: 400,
  /** Characters of a path in a message. */
  pathChars: 200,
  /** UTF-8 bytes of a map spec's JSON (inline `spec` attribute, `src` file, `#spec=` link, object). */
  specBytes: 512 * 1024,
  /** Nesting depth of a spec or layout given as data (a layout needs 7 levels, a spec with one 9). */
  inputDepth: 32,
  /** Values (objects, arrays, strings, numbers…) in a spec or layout given as data. */
  inputNodes: 100_000,
  /** Characters of a name or code before it is compared with the code table (fuzzy matching). */
  nameChars: 64,
} as const;

/** The budget of {@link inputSizeIssue}. */
export interface InputBudget {
  maxDepth: number;
  maxNodes: number;
  /** Sum of string lengths (UTF-16 units), keys included. */
  maxChars: number;
}

function issue(
  path: string,
  value: unknown,
  zh: string,
  en: string,
  fixZh: string,
  fixEn: string,
): QuyuIssue {
  return { code: 'too-large', path, value, problem: { zh, en }, fix: { zh: fixZh, en: fixEn } };
}

/**
 * Walks a value given as data (a layout, a map spec) without invoking getters and returns an issue when it
 * is nested deeper, holds more values or more text than the budget, or cannot be read as plain data
 * (getters, Proxies that throw); otherwise undefined. Cost: at most `maxNodes` steps.
 */
export function inputSizeIssue(value: unknown, what: Bilingual, budget: InputBudget): QuyuIssue | undefined {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  let nodes = 0;
  let chars = 0;
  try {
    while (stack.length) {
      const { v, depth, path } = stack.pop()!;
      if (++nodes > budget.maxNodes)
        return issue(
          '',
          `> ${budget.maxNodes} values`,
          `${what.zh}包含的值超过 ${budget.maxNodes} 个`,
          `The ${what.en} holds more than ${budget.maxNodes} values`,
          '请拆分或精简数据',
          'Split or trim the data',
        );
      if (typeof v === 'string') {
        chars += v.length;
        if (chars > budget.maxChars)
          return issue(
            path,
            `> ${budget.maxChars} characters`,
            `${what.zh}中的文字超过 ${budget.maxChars} 个字符`,
            `The ${what.en} holds more than ${budget.maxChars} characters of text`,
            '请精简文字',
            'Shorten the text',
          );
        continue;
      }
      if (v === null || typeof v !== 'object') continue;
      if (depth >= budget.maxDepth)
        return issue(
          path,
          `depth > ${budget.maxDepth}`,
          `${what.zh}嵌套超过 ${budget.maxDepth} 层（或有循环引用）`,
          `The ${what.en} is nested more than ${budget.maxDepth} levels deep (or refers to itself)`,
          '请检查数据结构（括号是否成对、有无循环引用）',
          'Check the structure (balanced brackets, no circular references)',
        );
      if (ArrayBuffer.isView(v)) continue;
      const keys = Object.keys(v);
      const isArray = Array.isArray(v);
      for (const k of keys) {
        chars += k.length;
        const d = Object.getOwnPropertyDescriptor(v, k);
        const at = isArray ? `${path}[${k}]` : path ? `${path}.${k}` : k;
        if (d && !('value' in d))
          return issue(
            at,
            '[getter]',
            `${what.zh}中有取值函数（getter），不是普通数据`,
            `The ${what.en} has a getter, not plain data`,
            '请提供普通 JSON 数据',
            'Give plain JSON data',
          );
        if (d) stack.push({ v: d.value, depth: depth + 1, path: at });
      }
      if (chars > budget.maxChars)
        return issue(
          path,
          `> ${budget.maxChars} characters`,
          `${what.zh}中的文字超过 ${budget.maxChars} 个字符`,
          `The ${what.en} holds more than ${budget.maxChars} characters of text`,
          '请精简文字',
          'Shorten the text',
        );
    }
  } catch {
    return issue(
      '',
      '[unreadable]',
      `无法读取${what.zh}`,
      `The ${what.en} cannot be read`,
      '请提供普通 JSON 数据',
      'Give plain JSON data',
    );
  }
  return undefined;
}
