// A one-line progress bar on stderr, drawn only when stderr is a terminal (never pollutes piped output).
export interface Progress {
  tick(label?: string): void;
  /** Prints a line above the bar without breaking it. */
  log(line: string): void;
  done(): void;
}

export function progressBar(total: number | null, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY);
  const began = performance.now();
  let count = 0;
  let lastDraw = 0;
  const draw = (force = false): void => {
    if (!tty) return;
    const now = performance.now();
    if (!force && now - lastDraw < 100) return; // redraw at most 10 times a second
    lastDraw = now;
    const rate = count / Math.max((now - began) / 1000, 1e-3);
    const width = 30;
    const head = total ? `[${'#'.repeat(Math.round((Math.min(count, total) / total) * width)).padEnd(width, '.')}] ${count}/${total}` : `${count}`;
    stream.write(`\r\x1b[K${head}  ${rate.toFixed(1)} articles/s`);
  };
  return {
    tick() {
      count++;
      draw();
    },
    log(line: string) {
      if (tty) stream.write('\r\x1b[K');
      stream.write(line + '\n');
      draw(true);
    },
    done() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
