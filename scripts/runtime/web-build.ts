import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..', '..');
const INDEX = path.join(ROOT, 'web', 'dist', 'index.html');
/** What the web build reads: its sources, its config and the pure rules it bundles. */
const INPUTS = [path.join(ROOT, 'web', 'src'), path.join(ROOT, 'web', 'index.html'), path.join(ROOT, 'web', 'vite.config.mts'), path.join(ROOT, 'domain')];

function newestChange(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((newest, name) => Math.max(newest, newestChange(path.join(p, name))), stat.mtimeMs);
}

/** Whether web/dist is missing or older than any of its inputs. */
export function webBuildIsStale(): boolean {
  if (!fs.existsSync(INDEX)) return true;
  const built = fs.statSync(INDEX).mtimeMs;
  return INPUTS.some((p) => fs.existsSync(p) && newestChange(p) > built);
}

/**
 * Builds the web app when its build is missing or stale, so `npm start` serves the current pages
 * and a fresh build is not redone (or swapped under a running browser test) for nothing.
 */
export function ensureWebBuilt(log: (line: string) => void = () => undefined): void {
  if (!webBuildIsStale()) return;
  log('Building the web app (web/dist)…');
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('the web app did not build: see the messages above (npm run build:web)');
}
