// Writes docs/rgaa-audit.md from the audit module the /accessibilite page reads (one source for both).
// Run: node scripts/generate-rgaa-audit.mjs (Node strips the module's types); scripts/rgaa-audit.test.ts
// fails while the doc is stale.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditMarkdown } from '../apps/web/src/accessibility/rgaa-audit.ts';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/rgaa-audit.md');
writeFileSync(target, auditMarkdown());
console.log(`wrote ${target}`);
