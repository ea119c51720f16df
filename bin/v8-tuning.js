"use strict";
// V8 tuning for one `kensa check` process, applied before the CLI is compiled (issue 13).
//
// A check runs each rule once over every sheet, so most functions are hot for a moment and V8's default tiering
// (Node 20, V8 11.3: --interrupt-budget=67584) optimises many of them with too little type feedback, throws the
// code away, and optimises again: on a report of 3,000 sheets, 446 TurboFan compilations, a second of CPU on
// the compiler threads. With a budget 4.4 times larger, functions wait for steadier feedback. Measured on this
// machine, interleaved, CPU of the whole process: report ×250 4.4 → 3.6 s, ×25 0.97 → 0.69 s, the sample
// 0.22 → 0.19 s; a 10⁶-cell table workbook and batches of 1,000 samples unchanged within noise.
//
// Only on V8 11 (Node 20), where it was measured: later V8s tier up through Maglev with budgets of their own.
// The flag must be set before the code cache is read: V8 rejects a cache made under other flags, so
// esbuild.cli.mjs writes the cache through this same file.
if (/^11\./.test(process.versions.v8)) require("v8").setFlagsFromString("--interrupt-budget=300000");
