/**
 * Reading a run's files on worker threads (issue 13: batches of files in one process). Reading is half of
 * checking a sample-sized workbook, and a file's reading depends on nothing else, so while one file is checked
 * the next ones are read beside it: `kensa check --each` on 1,000 sample-sized files, or the reading of a large
 * submission set before it is checked as one. Each thread reads with the same reader (./read-worker.ts) and
 * posts the model back; a model is plain data, so the structured clone gives the same model (the parity test
 * compares them), at about a tenth of the cost of reading it.
 *
 * Only where it pays: from POOL_MIN_FILES files, and for files up to POOL_MAX_FILE_BYTES (a larger workbook is
 * read on the main thread as before, so that its model is never held twice). KENSA_READ_THREADS sets the
 * number of threads (0: none, every file read on the main thread).
 */
import { existsSync, promises as fs } from "fs";
import { availableParallelism } from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { WorkbookReadError, type ReadErrorDetail, type WorkbookReadErrorCode } from "../adapters/exceljs/errors";
import { readWorkbookFile } from "../adapters/xlsx/read-file";
import type { Workbook } from "../core/model/workbook";
import { refuseSpecialFile } from "./io";

/** Fewer files than this are read on the main thread: a thread's start (some 30 ms) would cost more than it saves. */
export const POOL_MIN_FILES = 8;
/** Larger files are read on the main thread: sample-sized submissions are 30–500 KB. */
export const POOL_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** More threads than this add memory (each has its own heap) for little: the checks themselves stay on one thread. */
const MAX_THREADS = 4;
const YOUNG_GENERATION_MB = 16;

export interface ReadRequest {
  id: number;
  file: string;
}

export type ReadReply =
  | { id: number; workbook: Workbook; readError?: undefined; failure?: undefined }
  | {
      id: number;
      workbook?: undefined;
      readError: { code: WorkbookReadErrorCode; file?: string; detail?: ReadErrorDetail; cause?: Error };
      failure?: undefined;
    }
  | { id: number; workbook?: undefined; readError?: undefined; failure: Error };

interface Thread {
  worker: Worker;
  /** Reads sent to it and not yet answered, by id. */
  pending: Map<number, { resolve: (wb: Workbook) => void; reject: (err: unknown) => void }>;
  dead: boolean;
}

/** A read that failed for the pool's sake (its thread could not start or stopped), not the file's. */
class ThreadLost extends Error {}

/** The worker script beside this module: lib/cli/read-worker.js (absent when run from the sources, as jest does). */
function workerScript(): string | undefined {
  const script = path.join(__dirname, "read-worker.js");
  return existsSync(script) ? script : undefined;
}

/**
 * How many reading threads for `files` files: one per core up to MAX_THREADS (measured on 2 cores, `kensa check
 * --each` on 1,000 sample-sized files: 2 threads 13.5 s, 1 thread 16 s, none 18–22 s; the main thread checks
 * while they read, and waits while a set is read). KENSA_READ_THREADS=n asks for n (0: none).
 */
export function threadCount(files: number, env: Record<string, string | undefined>): number {
  const asked = env.KENSA_READ_THREADS;
  if (asked !== undefined && asked.trim() !== "") {
    const n = Number(asked);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, 16) : 0;
  }
  if (files < POOL_MIN_FILES) return 0;
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

export class ReadPool {
  private readonly threads: Thread[] = [];
  private nextId = 0;

  private constructor(script: string, count: number) {
    for (let i = 0; i < count; i++) this.threads.push(this.startThread(script));
  }

  /** A pool of `count` threads, or undefined when there is no worker script to run. */
  static start(count: number, script?: string): ReadPool | undefined {
    const path = count > 0 ? (script ?? workerScript()) : undefined;
    return path ? new ReadPool(path, count) : undefined;
  }

  private startThread(script: string): Thread {
    // A reading thread's young generation is kept small: what it allocates is mostly saxes's garbage, and each
    // thread's own default would add some 20 MB (1,000 sample-sized files, 2 threads: peak 242 → 203 MB, the
    // main thread alone 195 MB; 16 MB read as fast as the default, 4–8 MB slower).
    const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const thread: Thread = { worker, pending: new Map(), dead: false };
    worker.unref(); // an idle thread never keeps the process alive; it is ref'd while it has reads to answer
    worker.on("message", (reply: ReadReply) => {
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if (reply.workbook) waiting.resolve(reply.workbook);
      else if (reply.readError) {
        const { code, file, detail, cause } = reply.readError;
        waiting.reject(new WorkbookReadError(code, file, cause ? { cause, detail } : { detail }));
      } else waiting.reject(reply.failure);
    });
    const lose = (why: unknown) => {
      thread.dead = true;
      for (const waiting of thread.pending.values()) waiting.reject(new ThreadLost(String(why)));
      thread.pending.clear();
    };
    worker.on("error", lose);
    worker.on("exit", (code) => lose(`exit ${code}`));
    return thread;
  }

  /**
   * Reads a file on the least busy thread; a file larger than POOL_MAX_FILE_BYTES, or one whose thread is
   * lost, is read on this one. Rejects as readWorkbookFile does (WorkbookReadError for the file's faults).
   */
  async read(file: string): Promise<Workbook> {
    const size = await fs.stat(file).then(
      (s) => s.size,
      () => Infinity, // let the main thread's reader say why it cannot be read
    );
    const live = this.threads.filter((t) => !t.dead);
    if (size > POOL_MAX_FILE_BYTES || live.length === 0) return readWorkbookFile(file);
    const thread = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    try {
      return await new Promise<Workbook>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage({ id, file } satisfies ReadRequest);
      });
    } catch (err) {
      if (err instanceof ThreadLost) return readWorkbookFile(file);
      throw err;
    }
  }

  /** Stops every thread (reads still pending are read on the main thread by their callers' fallback). */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

/** Files read ahead per thread: enough to keep each busy, few enough that --each holds few models. */
const AHEAD_PER_THREAD = 2;

/**
 * Each input with its reading, in the order given: the workbook, or a rejection as readWorkbookFile rejects
 * (a special file — FIFO, device, folder — is refused from its stat first, NotRegularFileError). Without a pool,
 * each file is read only when its turn comes, exactly as before; with one, up to AHEAD_PER_THREAD per thread
 * are being read ahead. The pool stops when the caller is done, however it leaves the loop.
 */
export async function* readInputs(
  inputs: readonly string[],
  env: Record<string, string | undefined>,
  options: { script?: string; debug?: (line: string) => void } = {},
): AsyncGenerator<{ file: string; read: Promise<Workbook> }> {
  const threads = threadCount(inputs.length, env);
  const pool = ReadPool.start(threads, options.script);
  if (pool) options.debug?.(`reading on ${threads} threads`);
  const ahead = pool ? threads * AHEAD_PER_THREAD : 1;
  const started = (file: string): Promise<Workbook> => {
    const read = refuseSpecialFile(file).then(() => (pool ? pool.read(file) : readWorkbookFile(file)));
    read.catch(() => undefined); // a failure is the caller's when its turn comes, not an unhandled rejection
    return read;
  };
  const queue: { file: string; read: Promise<Workbook> }[] = [];
  let next = 0;
  try {
    while (next < inputs.length || queue.length) {
      while (next < inputs.length && queue.length < ahead) {
        const file = inputs[next++];
        queue.push({ file, read: started(file) });
      }
      yield queue.shift()!;
    }
  } finally {
    await pool?.close();
  }
}
