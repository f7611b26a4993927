/**
 * Validation issues: turning valibot issues into messages a feed producer understands,
 * JSON paths such as `indicators[12].value`, and a capped list of issues.
 */
import type * as v from 'valibot';
import { describeValue, groupDigits, quoteString } from './describe.js';
import type { ValidationIssue } from './types.js';

/** How many issues a result lists at most; the rest are summed up in one final issue. */
export const MAX_LISTED_ISSUES = 200;

/** `fatal` (the feed is unusable) or `warning` (an item was dropped). */
export type Severity = ValidationIssue['severity'];

/** The path and message of an issue, before it gets a severity. */
export interface IssueText {
  /** JSON path, e.g. `indicators[12].value`; `$` for the document itself. */
  path: string;
  /** The full message, starting with the path. */
  message: string;
}

/** A valibot issue of any schema or action. */
export type AnyIssue = v.BaseIssue<unknown>;
type PathItem = v.IssuePathItem;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Appends one key to a JSON path: `joinPath('indicators', 3)` is `indicators[3]`,
 * `joinPath('indicators[3]', 'value')` is `indicators[3].value`, and keys that are not
 * identifiers are quoted: `metrics["bad key"]`. The root is `''` or `$`.
 */
export function joinPath(base: string, key: unknown): string {
  const root = base === '' || base === '$';
  if (typeof key === 'number') return `${root ? '$' : base}[${key}]`;
  if (typeof key === 'string' && IDENTIFIER.test(key)) return root ? key : `${base}.${key}`;
  const quoted = typeof key === 'string' ? quoteString(key) : describeValue(key);
  return `${root ? '$' : base}[${quoted}]`;
}

function pathFrom(base: string, items: readonly PathItem[] | undefined): string {
  let path = base;
  for (const item of items ?? []) path = joinPath(path, item.key);
  return path === '' ? '$' : path;
}

function hasKey(object: unknown, key: unknown): boolean {
  try {
    return (
      typeof object === 'object' &&
      object !== null &&
      (typeof key === 'string' || typeof key === 'number') &&
      key in object
    );
  } catch {
    return false;
  }
}

function isArray(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** Whether valibot reports a key missing from an object (its path ends at that key). */
function isMissingKey(issue: AnyIssue): boolean {
  const last = issue.path?.[issue.path.length - 1];
  return last !== undefined && last.origin === 'key' && issue.type === 'object' && issue.input === undefined;
}

/**
 * Drops issues that would repeat an earlier one: when an array stands where an object
 * should be, valibot reports each of the object's keys missing; one issue about the array
 * is enough (see {@link formatIssue}).
 */
export function withoutRepeats(issues: readonly AnyIssue[]): AnyIssue[] {
  const arraysSeen = new Set<unknown>();
  return issues.filter((issue) => {
    if (!isMissingKey(issue)) return true;
    const parent = issue.path?.[issue.path.length - 1]?.input;
    if (!isArray(parent)) return true;
    if (arraysSeen.has(parent)) return false;
    arraysSeen.add(parent);
    return true;
  });
}

/** Our wording for an issue whose schema or action has no message of its own. */
function defaultReason(issue: AnyIssue): string {
  const requirement = String(issue.requirement);
  const unit = typeof issue.input === 'string' ? 'characters' : 'items';
  switch (issue.type) {
    case 'string':
      return 'expected a string';
    case 'number':
      return 'expected a number';
    case 'boolean':
      return 'expected true or false';
    case 'array':
    case 'tuple':
      return 'expected an array';
    case 'object':
    case 'record':
    case 'variant':
      return 'expected an object';
    case 'null':
      return 'expected null';
    case 'literal':
      return `expected ${issue.expected ?? 'a fixed value'}`;
    case 'picklist':
      return `expected one of ${issue.expected ?? 'the listed values'}`;
    case 'min_length':
      return `expected at least ${requirement} ${unit}`;
    case 'max_length':
      return `expected at most ${requirement} ${unit}`;
    case 'min_value':
      return `expected ${requirement} or more`;
    case 'max_value':
      return `expected at most ${requirement}`;
    case 'integer':
      return 'expected a whole number';
    case 'finite':
      return 'expected a finite number';
    case 'regex':
      return 'has an invalid format';
    case 'url':
      return 'expected an absolute URL';
    case 'iso_date':
      return 'expected a date as YYYY-MM-DD';
    case 'iso_timestamp':
      return 'expected an ISO 8601 date-time with a time zone';
    case 'check':
      return 'is invalid';
    default:
      return `is invalid (${issue.type.replace(/_/g, ' ')}${issue.expected ? `, expected ${issue.expected}` : ''})`;
  }
}

/**
 * For an issue with nested issues (a union that matched no option), the most specific
 * nested issue: the one whose path goes deepest, so the producer sees the actual field
 * rather than "matched no option". Returns the issue and the path leading to it.
 */
function mostSpecific(issue: AnyIssue): { issue: AnyIssue; path: PathItem[] } {
  let best = issue;
  let path: PathItem[] = [...(issue.path ?? [])];
  // Unions can nest; follow them down (bounded by the schema's own depth).
  while (best.issues && best.issues.length > 0) {
    let pick = best.issues[0] as AnyIssue;
    for (const candidate of best.issues) {
      if ((candidate.path?.length ?? 0) > (pick.path?.length ?? 0)) pick = candidate;
    }
    path = [...path, ...(pick.path ?? [])];
    best = pick;
  }
  return { issue: best, path };
}

/**
 * Turns a valibot issue into a path and message, with paths relative to `base` (the path of
 * the value that was parsed, `''` for the document): `indicators[12].value: expected a
 * number, got "98%"`, or `indicators[3].name: is required but missing`.
 */
export function formatIssue(base: string, raw: AnyIssue): IssueText {
  const { issue, path: items } = mostSpecific(raw);
  const path = pathFrom(base, items);
  const last = items[items.length - 1];
  const own = issue.message;

  if (isMissingKey(issue)) {
    // valibot's object() accepts arrays, then finds every key missing: say it plainly once.
    const parent = last?.input;
    if (isArray(parent)) {
      const parentPath = pathFrom(base, items.slice(0, -1));
      return { path: parentPath, message: `${parentPath}: expected an object, got ${describeValue(parent)}` };
    }
    return { path, message: `${path}: is required but missing` };
  }
  if (last && last.origin === 'value' && issue.input === undefined && !hasKey(last.input, last.key)) {
    return { path, message: `${path}: is required but missing${own ? ` (${own})` : ''}` };
  }
  const reason = own || defaultReason(issue);
  const keyNote = last && last.origin === 'key' ? 'invalid key: ' : '';
  return { path, message: `${path}: ${keyNote}${reason}, got ${describeValue(issue.input)}` };
}

/**
 * The issues of one validation: fatal ones first, then warnings, each in the order found.
 * At most `limit` are listed; the rest are counted and summed up in one final issue
 * (`$: … and 1,234 more problems`), which is fatal if any fatal issue was left out.
 * Fatal issues push out warnings, never the other way round.
 */
export class IssueList {
  private readonly fatal: ValidationIssue[] = [];
  private readonly warnings: ValidationIssue[] = [];
  private omittedFatal = 0;
  private omittedWarnings = 0;

  /** @param limit how many issues to list at most */
  constructor(private readonly limit: number = MAX_LISTED_ISSUES) {}

  /** True once any fatal issue was added (listed or not). */
  get hasFatal(): boolean {
    return this.fatal.length + this.omittedFatal > 0;
  }

  /**
   * Adds an issue. `text` is only called when the issue will be listed, so the cost of
   * wording thousands of problems in a garbage feed is not paid.
   */
  add(severity: Severity, text: () => IssueText): void {
    const listed = this.fatal.length + this.warnings.length;
    if (listed >= this.limit) {
      if (severity === 'fatal' && this.warnings.length > 0) {
        this.warnings.pop();
        this.omittedWarnings += 1;
      } else {
        if (severity === 'fatal') this.omittedFatal += 1;
        else this.omittedWarnings += 1;
        return;
      }
    }
    const { path, message } = text();
    (severity === 'fatal' ? this.fatal : this.warnings).push({ severity, path, message });
  }

  /** Adds an issue for a valibot issue found in the value at `base`. */
  addValibot(severity: Severity, base: string, issue: AnyIssue): void {
    this.add(severity, () => formatIssue(base, issue));
  }

  /** Adds an issue whose message is `${path}: ${reason}`. */
  addReason(severity: Severity, path: string, reason: string | (() => string)): void {
    this.add(severity, () => ({
      path,
      message: `${path}: ${typeof reason === 'function' ? reason() : reason}`,
    }));
  }

  /** The listed issues, plus the summary of the left-out ones if any. */
  toArray(): ValidationIssue[] {
    const list = [...this.fatal, ...this.warnings];
    const omitted = this.omittedFatal + this.omittedWarnings;
    if (omitted > 0) {
      list.push({
        severity: this.omittedFatal > 0 ? 'fatal' : 'warning',
        path: '$',
        message: `$: … and ${groupDigits(omitted)} more ${omitted === 1 ? 'problem' : 'problems'}`,
      });
    }
    return list;
  }
}
