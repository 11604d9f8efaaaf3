import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem.js';

/** Deeper than any DTO of ours; deep enough to be someone's attempt to exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

/** Depth of a parsed JSON value, measured without recursion (so it cannot overflow itself). */
export function jsonDepthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses absurdly nested bodies before validation walks them recursively (a 500 otherwise). */
export function rejectDeepJson(req: Request, _res: Response, next: NextFunction): void {
  if (jsonDepthExceeds(req.body, MAX_JSON_DEPTH)) {
    next(
      new ProblemException(400, 'VALIDATION_FAILED', `Innholdet er nestet dypere enn ${MAX_JSON_DEPTH} nivåer.`, [
        { field: 'body', message: `er nestet for dypt (høyst ${MAX_JSON_DEPTH} nivåer)` },
      ]),
    );
    return;
  }
  next();
}
