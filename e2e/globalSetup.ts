// Builds the client once before the browser tests, so they always run against fresh code.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export default async function setup(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'client'), logLevel: 'warn' });
}
