// A pool worker: runs the per-document stages (src/run/stages.ts) on the tasks the main thread
// posts and posts back plain results. A stage that throws fails that task only.
import { parentPort } from 'node:worker_threads';
import { finish, finishContext, prepare, transferList, unpackContext, type FinishContext, type FinishInput, type PackedContext, type PrepareInput, type TaskKind } from './stages.js';

export interface TaskMessage {
  id: number;
  kind: TaskKind | 'setContext';
  input: unknown;
}

/** This thread's pass-2 context (a worker serves one run). */
let context: FinishContext | undefined;

const handlers = {
  prepare: (input: unknown) => prepare(input as PrepareInput),
  finish: (input: unknown) => {
    if (!context) throw new Error('finish before setContext');
    return finish(context, input as FinishInput);
  },
  setContext: (input: unknown) => {
    context = finishContext(unpackContext(input as PackedContext));
  },
};

export type ResultMessage = { id: number; ok: true; output: unknown } | { id: number; ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('src/run/worker.ts runs in a worker thread');

port.on('message', (task: TaskMessage) => {
  let reply: ResultMessage;
  let transfer: ArrayBuffer[] = [];
  try {
    const output = handlers[task.kind](task.input);
    transfer = transferList(output);
    reply = { id: task.id, ok: true, output };
  } catch (e) {
    reply = { id: task.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply, transfer);
});
