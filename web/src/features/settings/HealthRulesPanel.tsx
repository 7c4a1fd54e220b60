/**
 * The health score's rules: the at-risk threshold, editable on its own, the
 * rules as a table, and the whole set as JSON. New scores follow from the
 * next `retain risk --store`; stored snapshots keep the rules they had.
 */
import type { FormEvent } from 'react';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ProblemNotice } from '../../components/LoadState.js';
import type { HealthRule, HealthRules } from '../../lib/api-types.js';
import { formatPoints, formatPrecise } from '../../lib/format.js';
import { readField } from '../../lib/read-field.js';
import { SettingsDocumentPanel, type SaveDocument } from './SettingsDocumentPanel.js';
import { useWrite } from './useWrite.js';

const BOUNDS = [
  ['above', '>'],
  ['at_least', '≥'],
  ['below', '<'],
  ['at_most', '≤'],
] as const;

/** A rule's band as the bounds it gives: "> -0.5 and ≤ -0.2". */
function formatBand(rule: HealthRule): string {
  return BOUNDS.flatMap(([bound, sign]) => {
    const value = rule[bound];
    return value === undefined ? [] : [`${sign} ${formatPrecise(value)}`];
  }).join(' and ');
}

const COLUMNS: readonly DataColumn<HealthRule>[] = [
  { header: 'Rule', cell: (rule) => rule.id },
  { header: 'Signal', cell: (rule) => rule.signal },
  { header: 'Band', cell: (rule) => formatBand(rule) },
  { header: 'Points', cell: (rule) => formatPoints(rule.points), isNumeric: true },
  { header: 'Reason', cell: (rule) => <span className="cell-text">{rule.reason}</span> },
];

export function HealthRulesPanel() {
  return (
    <SettingsDocumentPanel<HealthRules>
      title="Health rules"
      description="Health is 100 plus the points of every rule whose band holds, clamped to 0..100; a customer below the threshold is at risk. Changes apply from the next retain risk --store."
      path="/api/settings/health-rules"
      label="the health rules"
    >
      {(rules, save) => (
        <>
          <ThresholdForm rules={rules} save={save} />
          <DataTable
            caption="Health rules"
            columns={COLUMNS}
            rows={rules.rules}
            rowKey={(rule) => rule.id}
            isStackedOnPhone
          />
        </>
      )}
    </SettingsDocumentPanel>
  );
}

type ThresholdFormProps = { rules: HealthRules; save: SaveDocument };

function ThresholdForm({ rules, save }: ThresholdFormProps) {
  const write = useWrite();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const threshold = Number(readField(new FormData(event.currentTarget), 'threshold'));
    save({ ...rules, threshold }, write);
  };
  return (
    <form className="inline-form" aria-label="Threshold" onSubmit={submit}>
      <label>
        At-risk threshold (0–100)
        <input
          name="threshold"
          type="number"
          min="0"
          max="100"
          step="any"
          required
          defaultValue={rules.threshold}
        />
      </label>
      <button type="submit" disabled={write.isSending}>
        Save threshold
      </button>
      {write.problem === undefined ? null : <ProblemNotice problem={write.problem} />}
    </form>
  );
}
