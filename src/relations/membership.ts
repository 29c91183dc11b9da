import { lookupCode, requireCode } from '../codes/index.ts';
import type { LayoutItem, Member } from '../layouts/schema.ts';
import { optionsOf } from './internal/input.ts';
import { type AreaItem, membersOf, requireAreaItem } from './internal/scope.ts';

/**
 * - `member`: the unit wholly belongs (listed whole, inside a unit listed whole, or named in a member's
 *   `coverage.counties`);
 * - `partial`: part of it belongs (listed with a `coverage`, listed whole but with an excluded part, or it
 *   contains listed members, e.g. a province);
 * - `excluded`: listed in the item's `excludes`, or inside an excluded unit;
 * - `unknown`: inside a member that only partly belongs, and the codes do not say which part;
 * - `outside`: none of these.
 */
export type MembershipStatus = 'member' | 'partial' | 'excluded' | 'unknown' | 'outside';

/** Result of {@link membership}. */
export interface Membership {
  status: MembershipStatus;
  /** The listed code that decided (a member or an exclusion), or null for `outside`. */
  via: string | null;
}

/** Options of {@link membership}. */
export interface MembershipOptions {
  /** Use the members of this variant (its `label`) instead of the current ones. */
  variant?: string;
}

function ancestors(code: string): string[] {
  const out: string[] = [];
  let c = lookupCode(code)?.parent ?? null;
  while (c) {
    out.push(c);
    c = lookupCode(c)?.parent ?? null;
  }
  return out;
}

/**
 * Whether a unit belongs to an area item, from the codes alone (no geometry, so it also answers for
 * county-level units that have no boundary in the atlas). It reads the item's members, their `coverage`,
 * and its `excludes`, and follows the code hierarchy (a county of a listed city is a member; a county listed
 * in `excludes` is excluded).
 *
 * @example
 * ```ts
 * import { sichuan } from 'quyu/layouts/sichuan';
 * const cy = sichuan.items.find((i): i is EconomicZone => i.id === 'sc-cy')!;
 * membership('510726', cy); // { status: 'excluded', via: '510726' }: 北川 lies outside 成渝
 * membership('510704', cy); // { status: 'unknown', via: '510700' }: 绵阳 is only partly listed
 * membership('510100', cy); // { status: 'member', via: '510100' }
 * membership('510000', cy); // { status: 'partial', via: … }: Sichuan contains members
 * ```
 */
export function membership(
  code: string,
  item: AreaItem | LayoutItem,
  options: MembershipOptions = {},
): Membership {
  options = optionsOf(options);
  requireCode(code);
  const lists = membersOf(requireAreaItem(item as LayoutItem, 'item'), options.variant, 'item');
  const members = lists.members.map((m) => m.member);
  const excludes = lists.excludes.map((m) => m.member);
  const up = ancestors(code);
  const self = [code, ...up];
  const below = (m: string) => ancestors(m).includes(code);

  const ex = excludes.find((m) => self.includes(m.code));
  if (ex) return { status: 'excluded', via: ex.code };

  const whole = members.find((m) => !m.coverage && self.includes(m.code));
  if (whole) {
    const cutOut = excludes.find((m) => below(m.code));
    return { status: cutOut ? 'partial' : 'member', via: whole.code };
  }
  const name = lookupCode(code)?.name;
  const named = members.find(
    (m: Member) =>
      m.coverage?.counties?.some((c) => c.trim() === code || c.trim() === name) && self.includes(code),
  );
  if (named) return { status: 'member', via: named.code };
  const listedPart = members.find((m) => m.code === code);
  if (listedPart) return { status: 'partial', via: listedPart.code };
  const inside = members.find((m) => below(m.code));
  if (inside) return { status: 'partial', via: inside.code };
  const inPartial = members.find((m) => up.includes(m.code));
  if (inPartial) return { status: 'unknown', via: inPartial.code };
  return { status: 'outside', via: null };
}
