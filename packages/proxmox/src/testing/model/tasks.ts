import { encodeUpid } from './upid.js';

/** How a task ends, as `fork_worker` writes the last log line. */
export type SimTaskOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'warnings'; readonly warnings: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

/** A worker task: its UPID, the log it writes over time and what it does when it ends. */
export interface SimTask {
  readonly upid: string;
  readonly node: string;
  readonly pid: number;
  readonly pstart: number;
  /** Seconds since the epoch. */
  readonly starttime: number;
  readonly type: string;
  readonly id: string;
  /** Who started it: `user@realm` or a token `user@realm!tok`. */
  readonly user: string;
  /** Wall time it started (ms since the epoch). */
  readonly startMs: number;
  /** When it started, on the cluster's elapsed-time scale (ms). */
  readonly startedAt: number;
  /** When it ends (or ended), on the cluster's elapsed-time scale (ms). */
  endsAt: number;
  /**
   * Log lines with the elapsed time (ms) at which each appears; the `TASK …` line is added when
   * the task ends.
   */
  readonly lines: { readonly at: number; readonly text: string }[];
  /** How it ends (replaced by `received interrupt` when the task is stopped). */
  outcome: SimTaskOutcome;
  /** Set when the task has ended (its effects are applied then, once). */
  finished: boolean;
  /** State changes applied when the task ends successfully (OK or warnings). */
  readonly onSuccess: (() => void) | undefined;
  /** Clean-up applied when the task ends, whatever the outcome (locks released). */
  readonly onEnd: (() => void) | undefined;
}

/** What a handler asks the engine to run. */
export interface SimTaskSpec {
  readonly node: string;
  readonly type: string;
  readonly id: string;
  readonly user: string;
  /** Log lines written while it runs, spread evenly over its duration. */
  readonly lines: readonly string[];
  /** How it ends (replaced by `received interrupt` when the task is stopped). */
  outcome: SimTaskOutcome;
  readonly durationMs: number;
  /** Applied when the task ends OK or with warnings. */
  readonly onSuccess?: () => void;
  /** Applied when the task ends, after `onSuccess` (release locks here). */
  readonly onEnd?: () => void;
}

/** The final log line, as `RESTEnvironment::fork_worker` writes it. */
export function finalLine(outcome: SimTaskOutcome): string {
  if (outcome.kind === 'ok') return 'TASK OK';
  if (outcome.kind === 'warnings') return `TASK WARNINGS: ${outcome.warnings.length}`;
  return `TASK ERROR: ${outcome.message.replace(/\n+$/, '').replace(/\n/g, ' ')}`;
}

/** The `exitstatus` `PVE::UPID::read_status` derives from the final line. */
export function exitStatus(outcome: SimTaskOutcome): string {
  const line = finalLine(outcome);
  if (line === 'TASK OK') return 'OK';
  if (line.startsWith('TASK WARNINGS: ')) return line.slice('TASK '.length);
  return line.slice('TASK ERROR: '.length);
}

/** When a task started, on both of the cluster's time scales, and its process ids. */
export interface SimTaskStart {
  /** Wall time, ms since the epoch. */
  readonly wallMs: number;
  /** The cluster's elapsed time, ms. */
  readonly elapsedMs: number;
  readonly pid: number;
  /** Centiseconds since the node booted (clock ticks, as `/proc/<pid>/stat` gives them). */
  readonly pstart: number;
}

/** Builds a task from a spec, started at `start`. */
export function createTask(spec: SimTaskSpec, start: SimTaskStart): SimTask {
  const { wallMs, elapsedMs, pid, pstart } = start;
  const starttime = Math.floor(wallMs / 1000);
  const upid = encodeUpid({
    node: spec.node,
    pid,
    pstart,
    starttime,
    type: spec.type,
    id: spec.id,
    user: spec.user,
  });
  const body = [...spec.lines];
  if (spec.outcome.kind === 'warnings') body.push(...spec.outcome.warnings.map((w) => `WARN: ${w}`));
  const step = spec.durationMs / (body.length + 1);
  return {
    upid,
    node: spec.node,
    pid,
    pstart,
    starttime,
    type: spec.type,
    id: spec.id,
    user: spec.user,
    startMs: wallMs,
    startedAt: elapsedMs,
    endsAt: elapsedMs + spec.durationMs,
    lines: body.map((text, i) => ({ at: elapsedMs + Math.floor(step * (i + 1)), text })),
    outcome: spec.outcome,
    finished: false,
    onSuccess: spec.onSuccess,
    onEnd: spec.onEnd,
  };
}

/** The wall time (s since the epoch) a finished task ended: its start plus how long it ran. */
export function taskEndtime(task: SimTask): number {
  return Math.floor((task.startMs + (task.endsAt - task.startedAt)) / 1000);
}

/** The log as the host has written it by elapsed time `elapsedMs`. */
export function visibleLog(task: SimTask, elapsedMs: number): string[] {
  const lines = task.lines.filter((l) => task.finished || l.at <= elapsedMs).map((l) => l.text);
  if (task.finished) lines.push(finalLine(task.outcome));
  return lines;
}
