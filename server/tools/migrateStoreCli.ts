// Entry of `npm run migrate-store` (built to dist/server/migrateStore.js); see migrateStore.ts.
import { main } from './migrateStore';

process.exitCode = await main(process.argv.slice(2));
