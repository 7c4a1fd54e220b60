/**
 * A progress bar on stderr for long work, shown only on an interactive
 * terminal (never when piped or under CI), so logs and scripts stay clean.
 */
import cliProgress from 'cli-progress';

export type Progress = {
  update(done: number, total: number): void;
  stop(): void;
};

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

export function startProgress(label: string, isInteractive: boolean, unit = ''): Progress {
  if (!isInteractive) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}${unit} | {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let isStarted = false;
  return {
    update(done, total) {
      if (!isStarted) {
        bar.start(total, done);
        isStarted = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (isStarted) bar.stop();
    },
  };
}
