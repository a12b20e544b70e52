// An OP_MSG document sequence (how drivers send the documents of insert, update and
// delete), decoded as it is worked through. Decoding a 48 MB batch at once would keep
// every other client waiting; decoding one document per call measured 20% slower for
// small documents, so it decodes ahead in runs of up to 256 documents or 1 MB.
import { BSON } from 'bson';
import type { Doc } from './document-paths.ts';
import { CommandError } from './errors.ts';
import { keepStoredDoubles } from './integral-doubles.ts';

/** The documents of one sequence section, each decoded when asked for. */
export class DocumentSequence {
  private readonly bytes: Buffer;
  private readonly starts: number[];
  private readonly options: BSON.DeserializeOptions;
  /** What the documents are, which decides whether their integral doubles are kept. */
  private readonly kind: 'document' | 'statement' | undefined;
  private run: Doc[] = [];
  private runStart = 0;

  constructor(name: string, bytes: Buffer, starts: number[], options: BSON.DeserializeOptions) {
    this.bytes = bytes;
    this.starts = starts;
    this.options = options;
    this.kind = name === 'documents' ? 'document' : name === 'updates' ? 'statement' : undefined;
  }

  get length(): number {
    return this.starts.length;
  }

  /** The encoded size of document `index`, known without decoding it. */
  sizeAt(index: number): number {
    return this.bytes.readInt32LE(this.starts[index]);
  }

  /** Document `index`; undecodable bytes fail that statement with mongod's InvalidBSON (22). */
  at(index: number): Doc {
    const inRun = index - this.runStart;
    if (inRun >= 0 && inRun < this.run.length) return this.run[inRun];
    this.decodeRun(index);
    return this.run[0];
  }

  /** Every document, decoded (for commands that want a plain array). */
  toArray(): Doc[] {
    return this.starts.map((_, index) => this.decode(index));
  }

  private decodeRun(first: number): void {
    const run: Doc[] = [];
    let bytes = 0;
    // A document that fails to decode ends the run, so the ones before it still get their turn.
    for (let index = first; index < this.length && run.length < 256 && bytes < 1 << 20; index++) {
      try {
        run.push(this.decode(index));
      } catch (error) {
        if (index === first) throw error;
        break;
      }
      bytes += this.sizeAt(index);
    }
    this.run = run;
    this.runStart = first;
  }

  private decode(index: number): Doc {
    const start = this.starts[index];
    try {
      const doc = BSON.deserialize(this.bytes.subarray(start, start + this.sizeAt(index)), this.options) as Doc;
      if (this.kind) keepStoredDoubles(doc, this.bytes, start, this.kind);
      return doc;
    } catch (error) {
      throw new CommandError(22, 'InvalidBSON', error instanceof Error ? error.message : String(error));
    }
  }
}
