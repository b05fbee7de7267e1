/** A one-line progress bar on a TTY; silent when output is piped or in CI. */
import type { WriteStream } from 'node:tty';

export function progressBar(stream: NodeJS.WriteStream | WriteStream) {
  const enabled = !!stream.isTTY && !process.env.CI;
  return {
    update: (done: number, total: number, file: string) => {
      if (!enabled || total < 2) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const name = file.length > 40 ? '…' + file.slice(-39) : file;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(90));
    },
    done: () => { if (enabled) stream.write('\r'.padEnd(91) + '\r'); },
  };
}
