// Collects the queries Mongoose sends while a request is handled, through mongoose.set('debug', fn),
// so the app's log can show "songs.insertOne({ title: … })" under the request that caused it.
import type { Mongoose } from 'mongoose';
import { cutLine, formatValue } from './document-format.ts';

export interface QueryLog {
  /** Starts a fresh list of queries (for the next request). */
  begin(): void;
  /** The queries sent since begin(), one readable line each; stops collecting. */
  end(): string[];
  /** Gives Mongoose its normal, silent debug setting back. */
  detach(): void;
}

/** Hooks into Mongoose's debug output; nothing is printed, queries are only collected. */
export function attachQueryLog(mongoose: Mongoose, width: number): QueryLog {
  let current: string[] | undefined;
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    if (!current) return;
    // Mongoose passes trailing option objects; empty ones are noise for a learner.
    const shown = args.filter(
      (arg, index) => !(index > 0 && arg && typeof arg === 'object' && Object.keys(arg).length === 0),
    );
    current.push(cutLine(`${collection}.${method}(${shown.map((arg) => formatValue(arg)).join(', ')})`, width));
  });
  return {
    begin() {
      current = [];
    },
    end() {
      const queries = current ?? [];
      current = undefined;
      return queries;
    },
    detach() {
      current = undefined;
      mongoose.set('debug', false);
    },
  };
}
