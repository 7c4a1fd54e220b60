/**
 * Writes docs/kpis.md from the KPI registry, so the reference can never drift
 * from the definitions (a test fails when the file is stale).
 * Run: npx tsx scripts/write-kpi-reference.ts
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderKpiReference } from '../src/metrics/render-kpi-reference.js';

const target = join(import.meta.dirname, '../docs/kpis.md');
await writeFile(target, renderKpiReference());
console.log(`wrote ${target}`);
