/**
 * `retain digest [--date D] [--rep id] [--format text|html|json] [--send]`:
 * the daily digest for a person or the company, printed, or mailed through
 * the e-mail channel to each person it is for.
 */
import { Option, type Command } from 'commander';
import { assembleDigest } from '../../digest/assemble-digest.js';
import { renderDigestHtml } from '../../digest/render/render-html.js';
import { renderDigestText } from '../../digest/render/render-text.js';
import { sendDigests } from '../../digest/send-digest.js';
import { withRuntime, writeErr, writeOut } from '../context.js';
import { EXIT_REJECTED_ROWS } from '../exit-codes.js';
import { renderJson } from '../output.js';
import { parseDateOption } from '../parse-options.js';

type DigestOptions = {
  date?: Date;
  rep?: string;
  format: 'text' | 'html' | 'json';
  send?: boolean;
};

export function registerDigestCommand(program: Command): void {
  program
    .command('digest')
    .description(
      'The daily digest: customers at risk, new customers, lost and hot prospects, trends',
    )
    .option(
      '--date <date>',
      'the digest’s day; it covers everything before it (default: today)',
      parseDateOption,
    )
    .option(
      '--rep <id>',
      'the digest of this rep (a manager: their team’s); default: the company’s',
    )
    .addOption(
      new Option('--format <format>', 'how to print it')
        .choices(['text', 'html', 'json'])
        .default('text'),
    )
    .option(
      '--send',
      'mail it through the e-mail channel to the rep (or to every rep with an e-mail)',
    )
    .action(async (options: DigestOptions, command: Command) => {
      await withRuntime(command, async ({ store, now, metricCache }) => {
        const date = (options.date ?? now()).toISOString().slice(0, 10);
        if (options.send) {
          const sendings = await sendDigests(store, { date, repId: options.rep });
          for (const sending of sendings) {
            writeErr(
              sending.error === null
                ? `Sent the digest to ${sending.email} (${sending.rep_id}).\n`
                : `Could not send to ${sending.email} (${sending.rep_id}): ${sending.error}\n`,
            );
          }
          if (sendings.some((sending) => sending.error !== null))
            process.exitCode = EXIT_REJECTED_ROWS;
          return;
        }
        const digest = await assembleDigest(store, {
          date,
          repId: options.rep,
          cache: metricCache,
        });
        switch (options.format) {
          case 'json':
            writeOut(renderJson(digest));
            return;
          case 'html':
            writeOut(renderDigestHtml(digest));
            return;
          case 'text':
            writeOut(renderDigestText(digest));
            return;
        }
      });
    });
}
