/**
 * A reading thread of ./read-pool.ts: reads the files it is sent and posts back each workbook model (a
 * structured clone: the model is plain data, Dates included) or why it could not be read. Errors cross as
 * plain Errors (message and stack): whatever else an error holds might not clone.
 */
import { parentPort } from "worker_threads";
import { WorkbookReadError } from "../adapters/exceljs/errors";
import { readWorkbookFile } from "../adapters/xlsx/read-file";
import type { ReadReply, ReadRequest } from "./read-pool";

async function reply({ id, file }: ReadRequest): Promise<ReadReply> {
  try {
    return { id, workbook: await readWorkbookFile(file) };
  } catch (err) {
    return err instanceof WorkbookReadError
      ? { id, readError: { code: err.code, file: err.file, detail: err.detail, cause: causeOf(err) } }
      : { id, failure: plainError(err) };
  }
}

const port = parentPort;
port?.on("message", (request: ReadRequest) => {
  void reply(request).then((r) => port.postMessage(r));
});

/** A read error's cause, when it has one, as it can cross threads. */
function causeOf(err: WorkbookReadError): Error | undefined {
  const cause = (err as { cause?: unknown }).cause;
  return cause === undefined ? undefined : plainError(cause);
}

function plainError(err: unknown): Error {
  const plain = new Error(err instanceof Error ? err.message : String(err));
  if (err instanceof Error) plain.stack = err.stack;
  return plain;
}
