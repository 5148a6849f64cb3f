// Splits a byte stream into lines without ever holding more than one line, and never more than maxBytes
// of it: an over-long line is reported and skipped, so one bad line cannot exhaust memory.

export type Line = { n: number; text: string } | { n: number; tooLong: true };

export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let n = 0;
  const finish = (): Line => {
    n++;
    const line: Line = tooLong ? { n, tooLong: true } : { n, text: Buffer.concat(parts, size).toString('utf8') };
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of chunks) {
    let buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let newline = buffer.indexOf(0x0a); newline !== -1; newline = buffer.indexOf(0x0a)) {
      if (!tooLong && size + newline <= maxBytes) parts.push(buffer.subarray(0, newline));
      else tooLong = true;
      size += newline;
      yield finish();
      buffer = buffer.subarray(newline + 1);
    }
    if (!tooLong && size + buffer.length <= maxBytes) parts.push(buffer);
    else {
      tooLong = true;
      parts = [];
    }
    size += buffer.length;
  }
  if (size > 0 || tooLong) yield finish();
}
