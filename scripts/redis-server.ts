/**
 * A throwaway redis-server for the queue test and bench: a free loopback port, a temp dir, no
 * persistence. `stop` ends it (SIGTERM, then SIGKILL) and is safe to call twice.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const hasRedisServer = (): boolean => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const ping = (port: number) => new Promise<boolean>((resolve) => {
  const socket = net.connect(port, '127.0.0.1');
  socket.setTimeout(500);
  socket.once('connect', () => socket.write('PING\r\n'));
  socket.once('data', (d) => { socket.destroy(); resolve(d.toString().startsWith('+PONG')); });
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => { socket.destroy(); resolve(false); });
});

export interface RedisServer { url: string; port: number; stop: () => Promise<void> }

export async function startRedisServer(timeoutMs = 10_000): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'biotriples-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => { exited = true; });
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const ended = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!ended) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (const started = Date.now(); !(await ping(port)); ) {
    if (exited || Date.now() - started > timeoutMs) { await stop(); throw new Error(`redis-server did not start on port ${port}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}
