/**
 * Collecting the importer's problems: every error of a step is gathered and thrown at once as one
 * {@link QuyuError}; warnings travel in the report.
 */
import { type Bilingual, QuyuError, type QuyuErrorCode, type QuyuIssue } from '../errors/index.ts';

/** Errors are cut at this many (the first ones say enough; the message counts the rest). */
const MAX_ERRORS = 50;

export class Issues {
  readonly errors: QuyuIssue[] = [];
  readonly warnings: QuyuIssue[] = [];
  #dropped = 0;

  constructor(readonly file: string) {}

  /** `file:path`, the location of a problem in the input. */
  at(path: string): string {
    return path ? `${this.file}:${path}` : this.file;
  }

  error(code: QuyuErrorCode, path: string, value: unknown, problem: Bilingual, fix: Bilingual): void {
    if (this.errors.length >= MAX_ERRORS) {
      this.#dropped++;
      return;
    }
    this.errors.push({ code, path: this.at(path), value, problem, fix });
  }

  warn(code: QuyuErrorCode, path: string, value: unknown, problem: Bilingual, fix: Bilingual): void {
    this.warnings.push({ code, path: this.at(path), value, problem, fix });
  }

  /** Throws every error gathered so far, if any. */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const issues = this.errors.slice();
    if (this.#dropped) {
      issues.push({
        code: 'invalid-input',
        path: this.file,
        value: this.#dropped,
        problem: {
          zh: `另有 ${this.#dropped} 处问题未列出`,
          en: `${this.#dropped} more problems not listed`,
        },
        fix: { zh: '请先修正以上问题', en: 'Fix the problems above first' },
      });
    }
    throw new QuyuError(issues);
  }
}

/** Throws a single importer error at once. */
export function failAt(
  issues: Issues,
  code: QuyuErrorCode,
  path: string,
  value: unknown,
  problem: Bilingual,
  fix: Bilingual,
): never {
  throw new QuyuError([{ code, path: issues.at(path), value, problem, fix }]);
}
