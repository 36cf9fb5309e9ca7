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
  readonly startMs: number;
  endMs: number;
  /** Log lines with the time (ms) each appears; the `TASK …` line is added when the task ends. */
  readonly lines: { readonly atMs: number; readonly text: string }[];
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

/** Builds a task from a spec at time `nowMs`. */
export function createTask(spec: SimTaskSpec, nowMs: number, pid: number, pstart: number): SimTask {
  const starttime = Math.floor(nowMs / 1000);
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
    startMs: nowMs,
    endMs: nowMs + spec.durationMs,
    lines: body.map((text, i) => ({ atMs: nowMs + Math.floor(step * (i + 1)), text })),
    outcome: spec.outcome,
    finished: false,
    onSuccess: spec.onSuccess,
    onEnd: spec.onEnd,
  };
}

/** The log as the host has written it by `nowMs`. */
export function visibleLog(task: SimTask, nowMs: number): string[] {
  const lines = task.lines.filter((l) => task.finished || l.atMs <= nowMs).map((l) => l.text);
  if (task.finished) lines.push(finalLine(task.outcome));
  return lines;
}
