/**
 * Collecting the importer's problems: every error of a step is gathered and thrown at once as one
 * {@link QuyuError}; warnings travel in the report.
 */
import { type Bilingual, LIMITS, QuyuError, type QuyuErrorCode, type QuyuIssue } from '../errors/index.ts';

/** Errors are cut at this many (the first ones say enough; the message counts the rest). */
const MAX_ERRORS = LIMITS.issues;

export class Issues {
  readonly errors: QuyuIssue[] = [];
  readonly warnings: QuyuIssue[] = [];
  #dropped = 0;

  constructor(readonly file: string) {}

  /** `file:path`, the location of a problem in the input. */
  at(path: string): string {
    if (!this.file) return path;
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
    throw new QuyuError(this.errors.slice(), this.#dropped);
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
