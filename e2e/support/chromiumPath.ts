// Which Chromium the browser tests and the bench drive. In order: CHROMIUM_PATH; Debian's
// /usr/bin/chromium where it is installed; otherwise the headless Chromium that `npm install`
// brought inside @sparticuz/chromium (a devDependency), so a machine with Node alone runs the
// browser tests too. MALKART_IGNORE_SYSTEM_CHROMIUM=1 skips /usr/bin/chromium (to try the
// fallback on a machine that has Debian's).
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumChoice {
  executablePath: string;
  /** Where it came from, for messages. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  /** Extra environment for the browser process (fonts for the bundled one on a machine without any). */
  env?: Record<string, string>;
}

let bundled: Promise<ChromiumChoice> | null = null;

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  if (env.MALKART_IGNORE_SYSTEM_CHROMIUM !== '1' && existsSync(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, source: 'system' };
  }
  // Unpacked once per process (into the OS temp folder, where later runs find it already there).
  bundled ??= (async () => {
    const { default: Sparticuz } = await import('@sparticuz/chromium');
    const executablePath = await Sparticuz.executablePath();
    // The package unpacks a font set beside the binary; use it only where the system has no fontconfig.
    const fonts = executablePath.replace(/chromium$/, 'fonts');
    const extra = !existsSync('/etc/fonts/fonts.conf') && existsSync(fonts) ? { FONTCONFIG_PATH: fonts } : undefined;
    return { executablePath, source: '@sparticuz/chromium' as const, ...(extra ? { env: extra } : {}) };
  })();
  return bundled;
}
