// Cuts a socket's byte stream into whole wire-protocol messages. A message longer than the
// chunk it starts in is copied into one buffer of its declared length as its bytes arrive:
// it costs its own size once (not a list of chunks plus a joined copy), its pages are only
// touched as bytes come, and it is let go as soon as it is handed on.
import { MAX_MESSAGE_BYTES } from './wire-protocol.ts';

const HEADER_BYTES = 16;

/** Reassembles messages from chunks; throws on a length mongod would refuse. */
export class FrameReader {
  private partial: Buffer | undefined;
  private filled = 0;
  /** The first bytes of a message whose length field has not fully arrived. */
  private stub: Buffer | undefined;
  /** How many messages have been completed so far. */
  completed = 0;

  /** The whole messages `chunk` completes, in order. */
  push(input: Buffer): Buffer[] {
    const frames: Buffer[] = [];
    let chunk = input;
    if (this.stub) {
      chunk = Buffer.concat([this.stub, input]);
      this.stub = undefined;
    }
    let at = 0;
    while (at < chunk.length) {
      if (this.partial) {
        const copied = chunk.copy(this.partial, this.filled, at);
        this.filled += copied;
        at += copied;
        if (this.filled === this.partial.length) {
          frames.push(this.partial);
          this.completed++;
          this.partial = undefined;
        }
        continue;
      }
      if (chunk.length - at < 4) {
        this.stub = Buffer.from(chunk.subarray(at));
        break;
      }
      const length = chunk.readInt32LE(at);
      if (length < HEADER_BYTES + 1 || length > MAX_MESSAGE_BYTES) throw new Error(`bad message length ${length}`);
      if (chunk.length - at >= length) {
        frames.push(chunk.subarray(at, at + length));
        this.completed++;
        at += length;
        continue;
      }
      this.partial = Buffer.allocUnsafe(length);
      this.filled = 0;
    }
    return frames;
  }

  /** True while a message has begun but not ended. */
  get midMessage(): boolean {
    return this.partial !== undefined || this.stub !== undefined;
  }

  /** Drops whatever unfinished message is held; returns the size of the buffer it had made for it. */
  release(): number {
    const held = this.partial?.length ?? 0;
    this.partial = undefined;
    this.stub = undefined;
    return held;
  }
}
